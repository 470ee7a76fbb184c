"""Preview builds (banner, reload script, stamp) and taking content down (delete the file)."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from editor_support import ROOT

import tasks
from tests.samples import NEWS_HEAD

SLUG = "integrationspreis-bewerbung"
pytestmark = pytest.mark.slow  # every test here builds with Pelican (preview or published)


def _copy_without_holidays(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target, ignore=shutil.ignore_patterns("inka"))
    return target


def test_preview_build_has_banner_and_reload_script(tmp_path: Path) -> None:
    content = _copy_without_holidays(tmp_path)
    preview, public = tmp_path / "preview", tmp_path / "public"
    assert tasks.preview_build(preview, quiet=True, content=content)
    assert tasks.build_site(public, quiet=True, content=content)
    for page, text in (("index.html", "Vorschau – nicht veröffentlicht"),
                       ("en/themen/index.html", "Preview – not published"),
                       ("ar/kontakt/index.html", "معاينة – غير منشورة")):
        soup = BeautifulSoup((preview / page).read_text(encoding="utf-8"), "html.parser")
        first, second = soup.body.find_all(recursive=False)[:2]
        assert "skip-link" in first["class"]
        assert second.name == "p" and second["role"] == "note"
        assert second.get_text(strip=True) == text
        scripts = [s["src"] for s in soup.find_all("script", src=True)]
        assert "/static/js/preview-reload.js" in scripts
        assert not soup.find("script", src=False)  # no inline script
        published = (public / page).read_text(encoding="utf-8")
        assert "preview" not in published and text not in published
    assert (preview / "static/js/preview-reload.js").is_file()
    assert not (public / "static/js/preview-reload.js").exists()
    assert (preview / ".preview-stamp").read_text(encoding="utf-8").isdigit()
    assert not (public / ".preview-stamp").exists()
    script = (preview / "static/js/preview-reload.js").read_text(encoding="utf-8")
    assert '"/.preview-stamp"' in script and "location.reload()" in script


def test_default_preview_has_every_language_and_skips_published_extras(tmp_path: Path) -> None:
    """`make serve` previews all six languages, without search index, posters or .gz/.br
    copies; `--german-only` builds the German pages alone (issues 9, 17)."""
    content = _copy_without_holidays(tmp_path)
    preview = tmp_path / "preview"
    assert tasks.preview_build(preview, quiet=True, content=content)
    for lang in ("", "en/", "tr/", "ar/", "uk/", "pl/"):
        assert (preview / f"{lang}themen" / "index.html").is_file(), lang
    assert not (preview / "pagefind").exists()
    assert not list(preview.rglob("*.gz"))
    german = tmp_path / "german"
    assert tasks.preview_build(german, quiet=True, content=content, german_only=True)
    assert (german / "themen" / "index.html").is_file()
    assert not (german / "en").exists()


def test_preview_after_an_edit_checks_the_changed_file(tmp_path: Path) -> None:
    """After an edit the preview checks the changed files: their warnings are shown, those of
    files nobody touched are not; an error stops the update wherever it is."""
    import contextlib
    import io

    content = _copy_without_holidays(tmp_path)
    news = content / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS_HEAD + "Text mit [Bitte ergänzen: Ort].\n", encoding="utf-8")
    other = content / "news" / "2025-01-03-andere.md"
    other.write_text(NEWS_HEAD.replace("testmeldung", "andere").replace("Testmeldung", "Andere")
                     + "Noch offen: [Bitte ergänzen: Datum].\n", encoding="utf-8")
    changed = tasks.changed_content([(1, str(news))], content)
    assert changed == {"content/news/2025-01-02-testmeldung.md"}
    assert tasks.changed_content([(1, str(ROOT / "theme" / "x.html"))], content) is None
    shown = io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):
        assert tasks.check_ok(content, stream=shown, placeholders=True, only=changed)
    assert "2025-01-02-testmeldung.md" in shown.getvalue()
    assert "2025-01-03-andere.md" not in shown.getvalue()
    other.write_text(other.read_text(encoding="utf-8").replace("slug: andere",
                                                               "slug: testmeldung"),
                     encoding="utf-8")
    shown = io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):
        assert not tasks.check_ok(content, stream=shown, only=changed)
    assert "2025-01-03-andere.md" in shown.getvalue(), "an error elsewhere is still shown"


def test_warm_builder_builds_as_a_new_process_would(tmp_path: Path) -> None:
    """The preview's builds fork from a helper with the libraries loaded: a good build swaps
    in, a broken file fails with the file named and keeps the last preview."""
    from site_build.warm import WarmBuilder

    content = _copy_without_holidays(tmp_path)
    preview = tmp_path / "preview"
    warm = WarmBuilder()
    try:
        assert warm(["--help"], {**tasks.ENV}, ROOT) == 0
        assert tasks.build_site(preview, quiet=True, content=content, preview=True, runner=warm)
        assert (preview / "en" / "themen" / "index.html").is_file()
        before = (preview / "index.html").read_bytes()
        news = content / "news" / "2025-01-02-testmeldung.md"
        news.write_text(NEWS_HEAD.replace("slug: testmeldung", "titel: X") + "Text.\n",
                        encoding="utf-8")
        assert not tasks.build_site(preview, quiet=True, content=content, preview=True,
                                    runner=warm)
        assert (preview / "index.html").read_bytes() == before
    finally:
        warm.close()


def test_warm_builder_notices_an_edited_plugin() -> None:
    """The helper keeps our plugins imported and imports them again when one of their files
    changed (size or modification time): an edited plugin counts at the next build."""
    from site_build import warm

    before = warm.plugin_files()
    module = Path(warm.__file__)
    stat = module.stat()
    assert (str(module), stat.st_size, stat.st_mtime_ns) in before
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert warm.plugin_files() != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert warm.plugin_files() == before


def _mentions(site: Path, text: str) -> list[str]:
    """Files of a build that contain ``text``: pages, feeds, sitemap, data, their compressed
    copies, and the search index (pagefind fragments are gzip-compressed JSON)."""
    found: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix in (".gz", ".pf_fragment"):
            data = gzip.decompress(data)
        elif path.suffix not in (".html", ".xml", ".json", ".ics", ".txt", ".csv"):
            continue
        if text.encode() in data:
            found.append(path.relative_to(site).as_posix())
    return found


def test_deleting_a_file_takes_it_down_everywhere(site_dir: Path, tmp_path: Path) -> None:
    """docs/redaktion.md: to take something down, delete its file (and its translations)."""
    url = f"/nachrichten/{SLUG}/"
    before = _mentions(site_dir, url)
    assert f"nachrichten/{SLUG}/index.html" in before
    assert "sitemap.xml" in before
    assert "nachrichten/feed.xml" in before
    assert "nachrichten/index.html" in before
    if (site_dir / "pagefind").is_dir():
        assert any(p.startswith("pagefind/fragment/") for p in before)

    content = _copy_without_holidays(tmp_path)
    for path in (content / "news").glob(f"*-{SLUG}*.md"):
        path.unlink()
    output = tmp_path / "site"
    assert tasks.build_site(output, quiet=True, content=content)
    assert not list(output.rglob(f"*{SLUG}*"))
    assert _mentions(output, SLUG) == []
