"""Every page design.md §3 names exists, and every HTML page has the common structure (§8)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sitelib
from bs4 import BeautifulSoup, Tag

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FOOTER_LINKS = ("/impressum/", "/datenschutz/", "/barrierefreiheit/", "/kontakt/")
FOCUSABLE = (
    "a",
    "button",
    "input",
    "select",
    "textarea",
    "summary",
    "iframe",
    "area",
    "details",
    "audio",
    "video",
    "object",
    "embed",
)


def test_every_page_of_the_design_exists(site_dir: Path, build_date: dt.date) -> None:
    expected = sitelib.expected_pages(build_date)
    missing = [
        f"{url}  (from {why})"
        for url, why in sorted(expected.items())
        if sitelib.file_for_path(site_dir, url) is None
    ]
    if missing:
        pytest.fail(
            f"{len(missing)} page(s) missing from the build:\n" + "\n".join(missing), pytrace=False
        )
    assert len(expected) > 20


def test_no_news_or_event_from_the_future(site_dir: Path, build_date: dt.date) -> None:
    leaked = []
    for folder, section in (("news", "nachrichten"), ("events", "veranstaltungen")):
        for src in sitelib.sources(folder):
            url = f"{src.prefix}{section}/{src.data['slug']}/"
            if not src.published(build_date) and sitelib.file_for_path(site_dir, url):
                leaked.append(f"{url} (dated {src.data.get('date')}, build date {build_date})")
    if leaked:
        pytest.fail("published before their date:\n" + "\n".join(leaked), pytrace=False)


def _is_focusable(el: Tag) -> bool:  # noqa: PLR0911
    if el.has_attr("tabindex"):
        try:
            return int(str(el["tabindex"])) >= 0
        except ValueError:
            return False
    if el.has_attr("disabled") or el.has_attr("hidden"):
        return False
    if el.name in ("a", "area"):
        return el.has_attr("href")
    if el.name == "input":
        return str(el.get("type", "")).lower() != "hidden"
    if el.name in ("audio", "video"):
        return el.has_attr("controls")
    if el.name == "summary":
        return isinstance(el.parent, Tag) and el.parent.name == "details"
    return el.name in ("button", "select", "textarea", "iframe", "object", "embed")


def _first_focusable(doc: BeautifulSoup) -> Tag | None:
    body = doc.body
    if body is None:
        return None
    for el in body.find_all(True):
        if _is_focusable(el):
            return el
    return None


def _landmark(doc: BeautifulSoup, tag: str, role: str) -> Tag | None:
    found = doc.find(tag) or doc.find(attrs={"role": role})
    return found if isinstance(found, Tag) else None


def check_page(url: str, doc: BeautifulSoup) -> list[str]:
    """Structure every HTML page must have; returns the problems."""
    problems: list[str] = []
    html = doc.find("html")
    lang = sitelib.lang_of_url(url)
    if not isinstance(html, Tag) or html.get("lang") != lang:
        got = html.get("lang") if isinstance(html, Tag) else None
        problems.append(f'<html lang="{lang}"> expected, got lang={got!r}')
    h1s = doc.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"exactly one <h1> expected, found {len(h1s)}")
    elif not sitelib.text(h1s[0]):
        problems.append("<h1> is empty")
    title = doc.find("title")
    if not isinstance(title, Tag) or not sitelib.text(title):
        problems.append("<title> missing or empty")
    desc = doc.find("meta", attrs={"name": "description"})
    if not isinstance(desc, Tag) or not str(desc.get("content", "")).strip():
        problems.append('<meta name="description"> missing or empty')
    mains = doc.find_all("main")
    if len(mains) != 1 or mains[0].get("id") != "main":
        problems.append(
            f'exactly one <main id="main"> expected, found {len(mains)} <main> '
            f"with ids {[m.get('id') for m in mains]}"
        )
    first = _first_focusable(doc)
    if first is None or first.name != "a" or first.get("href") != "#main":
        shown = str(first)[:120] if first is not None else None
        problems.append(
            f'first focusable element must be the skip link <a href="#main">, got {shown}'
        )
    for tag, role in (("header", "banner"), ("nav", "navigation"), ("footer", "contentinfo")):
        if _landmark(doc, tag, role) is None:
            problems.append(f"<{tag}> (role {role}) landmark missing")
    footer = _landmark(doc, "footer", "contentinfo")
    if footer is not None:
        hrefs = {str(a.get("href")) for a in footer.find_all("a", href=True)}
        prefix = "" if lang == sitelib.DEFAULT_LANG else f"/{lang}"
        for link in FOOTER_LINKS:
            if link not in hrefs and f"{prefix}{link}" not in hrefs:
                problems.append(f"footer link to {link} missing")
    return problems


def test_every_html_page_has_the_common_structure(html_pages: list[tuple[str, Path]]) -> None:
    report = []
    for url, file in html_pages:
        report += [f"{url}: {p}" for p in check_page(url, sitelib.soup(file))]
    if report:
        pytest.fail(
            f"{len(report)} problem(s) in {len(html_pages)} pages:\n" + "\n".join(report),
            pytrace=False,
        )


def test_titles_are_unique(site_dir: Path, html_pages: list[tuple[str, Path]]) -> None:
    """Unique within each language (a page and its untranslated copies share a title)."""
    seen: dict[tuple[str, str], list[str]] = {}
    for url, file in html_pages:
        if sitelib.is_404(site_dir, file):
            continue
        title = sitelib.text(sitelib.soup(file).find("title"))
        seen.setdefault((sitelib.lang_of_url(url), title), []).append(url)
    dupes = {t: urls for t, urls in seen.items() if len(urls) > 1}
    if dupes:
        pytest.fail(
            "pages share a <title>:\n" + "\n".join(f"{t!r}: {u}" for t, u in dupes.items()),
            pytrace=False,
        )


def _indexable(site_dir: Path, url: str, file: Path) -> bool:
    """Pages the sitemap must list: not 404, not noindex, canonical pointing to itself."""
    if sitelib.is_404(site_dir, file):
        return False
    doc = sitelib.soup(file)
    robots = doc.find("meta", attrs={"name": "robots"})
    if isinstance(robots, Tag) and "noindex" in str(robots.get("content", "")).lower():
        return False
    canonical = doc.find("link", rel="canonical")
    return not (isinstance(canonical, Tag) and urlsplit(str(canonical.get("href", ""))).path != url)


def test_sitemap_lists_every_page_with_absolute_urls(
    site_dir: Path, html_pages: list[tuple[str, Path]]
) -> None:
    tree = ET.parse(site_dir / "sitemap.xml")
    root = tree.getroot()
    assert root.tag == f"{SITEMAP}urlset", f"sitemap root is {root.tag}"
    base = sitelib.site_base_url()
    locs = [(el.text or "").strip() for el in root.iter(f"{SITEMAP}loc")]
    problems = [
        f"not absolute on {base}: {loc!r}" for loc in locs if not loc.startswith(base + "/")
    ]
    paths = [urlsplit(loc).path for loc in locs]
    problems += [f"listed twice: {p}" for p in sorted({p for p in paths if paths.count(p) > 1})]
    problems += [
        f"listed but not in the build: {p}"
        for p in paths
        if sitelib.file_for_path(site_dir, p) is None
    ]
    for alt in root.iter("{http://www.w3.org/1999/xhtml}link"):
        href = alt.get("href", "")
        if not href.startswith(base + "/"):
            problems.append(f"hreflang alternate not absolute on {base}: {href!r}")
        elif sitelib.file_for_path(site_dir, urlsplit(href).path) is None:
            problems.append(f"hreflang alternate not in the build: {href}")
    listed = set(paths)
    problems += [
        f"page not listed: {url}"
        for url, file in html_pages
        if _indexable(site_dir, url, file) and url not in listed
    ]
    problems += [
        f"404 page listed: {url}"
        for url, file in html_pages
        if sitelib.is_404(site_dir, file) and url in listed
    ]
    if problems:
        pytest.fail("sitemap.xml:\n" + "\n".join(problems), pytrace=False)


def test_robots_txt_names_the_sitemap(site_dir: Path) -> None:
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in robots.splitlines()]
    assert f"Sitemap: {sitelib.site_base_url()}/sitemap.xml" in lines, robots
    assert "Disallow: /" not in lines, "robots.txt blocks the whole site"


def test_atom_feed_parses_and_lists_the_latest_news(site_dir: Path, build_date: dt.date) -> None:
    root = ET.parse(site_dir / "nachrichten" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed", f"feed.xml is not Atom: root {root.tag}"
    problems = []
    for field in ("id", "title", "updated"):
        if root.find(f"{ATOM}{field}") is None:
            problems.append(f"feed lacks <{field}>")
    feed_id = (root.findtext(f"{ATOM}id") or "").strip()
    if not feed_id.startswith(("https://", "http://", "tag:", "urn:")):
        problems.append(f"feed <id> is not an absolute IRI: {feed_id!r}")
    for link in root.findall(f"{ATOM}link"):
        if not link.get("href", "").startswith(("https://", "http://")):
            problems.append(f"feed <link rel={link.get('rel')}> not absolute: {link.get('href')!r}")
    entries = root.findall(f"{ATOM}entry")
    news = [
        s
        for s in sitelib.sources("news")
        if s.published(build_date) and s.lang == sitelib.DEFAULT_LANG
    ]
    assert len(entries) == min(len(news), 20), (len(entries), len(news))
    base = sitelib.site_base_url()
    slugs = {str(s.data["slug"]) for s in news}
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        href = link.get("href", "") if link is not None else ""
        for field in ("id", "title", "updated"):
            if entry.find(f"{ATOM}{field}") is None:
                problems.append(f"entry {href}: no <{field}>")
        entry_id = (entry.findtext(f"{ATOM}id") or "").strip()
        if "None" in entry_id or not entry_id.startswith(("https://", "http://", "tag:", "urn:")):
            problems.append(f"entry {href}: bad <id> {entry_id!r}")
        if not href.startswith(base + "/"):
            problems.append(f"entry link not absolute on {base}: {href!r}")
            continue
        path = urlsplit(href).path
        if sitelib.file_for_path(site_dir, path) is None:
            problems.append(f"entry link to a missing page: {href}")
        if path.strip("/").split("/")[-1] not in slugs:
            problems.append(f"entry for unknown news: {href}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_404_page_works_at_any_depth(site_dir: Path) -> None:
    """404.html is served for any missing URL, so relative links in it would break."""
    doc = sitelib.soup(site_dir / "404.html")
    relative = [
        f"{r.where} {r.value}"
        for r in sitelib.refs_in_html("/404.html", doc)
        if not sitelib.is_external(r.value)
        and not r.value.startswith(("/", "#"))
        and not r.value.startswith(sitelib.SKIP_SCHEMES)
    ]
    if relative:
        pytest.fail("relative URLs in 404.html:\n" + "\n".join(relative), pytrace=False)


def test_pages_are_small_and_scripts_do_not_block(
    site_dir: Path, html_pages: list[tuple[str, Path]]
) -> None:
    """design.md §8: HTML+CSS of a page well under 50 KB compressed; no render-blocking JS."""
    import gzip

    limit = 50 * 1024
    css_size: dict[str, int] = {}
    problems = []
    for url, file in html_pages:
        doc = sitelib.soup(file)
        total = len(gzip.compress(file.read_bytes(), 9))
        for link in doc.find_all("link", rel="stylesheet", href=True):
            href = str(link["href"])
            if sitelib.is_external(href) or str(link.get("media", "all")) == "print":
                continue
            path, _ = sitelib.resolve(url, href)
            if path not in css_size:
                target = sitelib.file_for_path(site_dir, path)
                css_size[path] = len(gzip.compress(target.read_bytes(), 9)) if target else 0
            total += css_size[path]
        if total > limit:
            problems.append(f"{url}: {total / 1024:.1f} KB compressed HTML+CSS (limit 50 KB)")
        head = doc.find("head")
        for script in head.find_all("script", src=True) if isinstance(head, Tag) else []:
            if not (
                script.has_attr("defer")
                or script.has_attr("async")
                or script.get("type") == "module"
            ):
                problems.append(f"{url}: render-blocking <script src={script['src']!r}> in <head>")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
