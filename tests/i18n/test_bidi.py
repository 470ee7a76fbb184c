"""Left-to-right runs in right-to-left text (design.md §7 "Direction"): Unicode isolates for
feeds, ``<bdi>`` and ``dir`` for pages. Expected strings are written out by hand."""

from __future__ import annotations

from inka_engine.bidi import FSI, PDI, isolate
from mia_site.bidi import is_rtl_page, isolate_html

PAGE = '<html lang="ar" dir="rtl"><head><title>T</title></head><body>{}</body></html>'


def body(html: str) -> str:
    out = isolate_html(PAGE.format(html))
    return out[out.index("<body>") + 6: out.index("</body>")]


def test_feed_text_isolates_latin_runs_and_leaves_punctuation_outside() -> None:
    assert isolate("عيد الفطر (Eid al-Fitr).") == f"عيد الفطر ({FSI}Eid al-Fitr{PDI})."
    assert isolate("المسافة 10 km فقط") == f"المسافة {FSI}10 km{PDI} فقط"
    assert isolate("راسلونا: info@example.org.") == f"راسلونا: {FSI}info@example.org{PDI}."
    # a line without Arabic (the URL line) stays as it is; numbers alone need nothing
    assert isolate("نص\nhttps://x.example/ar/") == "نص\nhttps://x.example/ar/"
    assert isolate("من 2026 إلى 2027") == "من 2026 إلى 2027"


def test_page_text_gets_bdi_and_entities_survive() -> None:
    assert body("<p>مركز MIA-DO-KI &amp; مدينة Dortmund.</p>") == (
        "<p>مركز <bdi>MIA-DO-KI</bdi> &amp; مدينة <bdi>Dortmund</bdi>.</p>")
    assert body('<p><a href="/ar/x/" title="Latin">https://www.dortmund.de/</a></p>') == (
        '<p><a href="/ar/x/" title="Latin"><bdi>https://www.dortmund.de/</bdi></a></p>')


def test_left_to_right_blocks_get_dir_and_nested_arabic_gets_rtl() -> None:
    assert body('<div lang="de">Deutscher Text <span lang="ar">عربي</span></div>') == (
        '<div lang="de" dir="ltr">Deutscher Text <span lang="ar" dir="rtl">عربي</span></div>')
    # an element that already has dir keeps it; Arabic in Arabic needs no dir
    assert body('<p lang="de" dir="ltr">Text</p><p lang="ar">نص</p>') == (
        '<p lang="de" dir="ltr">Text</p><p lang="ar">نص</p>')


def test_scripts_void_elements_and_bdi_are_left_alone() -> None:
    html = ('<script src="/a.js"></script><input value="Text"><br>'
            "<p><bdi>Ramadan</bdi> نص <code>x</code></p>")
    assert body(html) == html.replace("<code>x</code>", "<code><bdi>x</bdi></code>")


def test_rewrite_is_idempotent_and_only_for_rtl_pages() -> None:
    once = isolate_html(PAGE.format("<p>نص ABC</p>"))
    assert isolate_html(once) == once
    assert is_rtl_page(once)
    assert not is_rtl_page('<html lang="de" dir="ltr"><body>ABC</body></html>')
