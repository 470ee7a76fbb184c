"""Helpers for the whole-site gates: the pages of a build, parsed once, and what the content
says should exist (read from content/, which is the input, never from the output)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")
DEFAULT_LANG = "de"


# --- the build ------------------------------------------------------------------------------


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def css_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.css"))


def url_of(site_dir: Path, file: Path) -> str:
    """Root-relative URL of a built file: directory URLs for index.html."""
    rel = file.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def file_for_path(site_dir: Path, path: str) -> Path | None:
    """The file a root-relative URL path is served from (dir → index.html), or None."""
    rel = unquote(path).lstrip("/")
    target = site_dir / rel
    if not rel or path.endswith("/"):
        target = target / "index.html"
    elif target.is_dir():
        target = target / "index.html"
    try:
        target.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return None
    return target if target.is_file() else None


@functools.cache
def _parse(path: str, mtime: float) -> BeautifulSoup:
    del mtime
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(file: Path) -> BeautifulSoup:
    return _parse(str(file), file.stat().st_mtime)


def is_404(site_dir: Path, file: Path) -> bool:
    parts = file.relative_to(site_dir).parts
    return parts[-1] == "404.html" and (
        len(parts) == 1 or (len(parts) == 2 and parts[0] in LANGUAGES)
    )


def lang_of_url(url: str) -> str:
    first = url.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANG


#: Attributes whose values differ page by page; their presence still tells templates apart.
_SHAPE_ATTRIBUTES = ("lang", "dir", "role", "aria-label", "data-pagefind-filter",
                     "data-pagefind-ignore", "data-events")


def template_shape(file: Path) -> tuple[str, ...]:
    """Which template (and variant) rendered a page, read from the page: the direct children
    of <main> (tag, classes, which of a few attributes they carry), repeated siblings counted
    once. Pages of one template share it; variants that render differently (a translation
    falling back to German, a cancelled event, a list with pagination) get their own."""
    main = soup(file).find("main")
    if main is None:
        return ("(no main)",)
    shape: list[str] = []
    for child in main.find_all(recursive=False):
        classes = ".".join(sorted(child.get("class", [])))
        attributes = ",".join(a for a in _SHAPE_ATTRIBUTES if child.has_attr(a))
        part = f"{child.name}.{classes}[{attributes}]"
        if not shape or shape[-1] != part:
            shape.append(part)
    return tuple(shape)


def one_page_per_template(pages: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """The first page (in URL order) of every template shape in every language."""
    chosen: dict[tuple[str, tuple[str, ...]], tuple[str, Path]] = {}
    for url, file in sorted(pages):
        chosen.setdefault((lang_of_url(url), template_shape(file)), (url, file))
    return sorted(chosen.values())


def ids_of(doc: BeautifulSoup) -> set[str]:
    ids = {str(el["id"]) for el in doc.find_all(id=True)}
    ids |= {str(el["name"]) for el in doc.find_all("a", attrs={"name": True})}
    return ids


def text(el: Tag | None) -> str:
    return " ".join(el.get_text(" ").split()) if el is not None else ""


# Attributes through which a page LOADS something (as opposed to linking to it).
LOAD_ATTRS: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "prefetch",
    "prerender",
    "preconnect",
    "dns-prefetch",
}
CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT_RE = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)


def srcset_urls(value: str) -> list[str]:
    urls = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            urls.append(parts[0])
    return urls


def css_urls(css: str) -> list[str]:
    css = CSS_COMMENT_RE.sub("", css)
    found = [next(g for g in m.groups() if g is not None) for m in CSS_URL_RE.finditer(css)]
    found += [m.group(1) or m.group(2) for m in CSS_IMPORT_RE.finditer(css)]
    return [u.strip() for u in found if u.strip()]


@dataclass(frozen=True)
class Ref:
    """One URL found in a built file."""

    source: str  # root-relative URL of the page or stylesheet
    where: str  # e.g. '<img src>' or 'url()'
    value: str  # the URL as written
    loads: bool  # True when the browser fetches it without a click


def refs_in_html(url: str, doc: BeautifulSoup) -> list[Ref]:
    refs: list[Ref] = []
    for el in doc.find_all(True):
        name = el.name
        rels = {r.lower() for r in (el.get("rel") or [])}
        for attr in (
            "href",
            "src",
            "srcset",
            "poster",
            "data",
            "action",
            "xlink:href",
            "cite",
            "formaction",
        ):
            value = el.get(attr)
            if value is None:
                continue
            value = str(value)
            loads = attr in LOAD_ATTRS.get(name, ())
            if name == "link" and attr == "href":
                loads = bool(rels & LOADING_RELS)
            if attr == "data" and name != "object":
                continue
            values = srcset_urls(value) if attr == "srcset" else [value.strip()]
            refs.extend(Ref(url, f"<{name} {attr}>", v, loads) for v in values)
        style = el.get("style")
        if style:
            refs.extend(Ref(url, f"<{name} style> url()", v, True) for v in css_urls(str(style)))
        if name == "style":
            refs.extend(Ref(url, "<style> url()", v, True) for v in css_urls(el.get_text()))
        if name == "meta" and str(el.get("http-equiv", "")).lower() == "refresh":
            content = str(el.get("content", ""))
            match = re.search(r"url\s*=\s*(\S+)", content, re.IGNORECASE)
            if match:
                refs.append(Ref(url, "<meta refresh>", match.group(1).strip("'\""), True))
    return refs


def refs_in_css(site_dir: Path, file: Path) -> list[Ref]:
    url = url_of(site_dir, file)
    css = file.read_text(encoding="utf-8")
    return [Ref(url, "url()/@import", v, True) for v in css_urls(css)]


SKIP_SCHEMES = ("mailto:", "tel:", "data:", "javascript:", "sms:", "geo:")


def is_external(value: str) -> bool:
    """True for URLs that point to another host (absolute with a scheme, or protocol-relative)."""
    parts = urlsplit(value)
    return bool(parts.netloc) or value.startswith("//")


def resolve(source_url: str, value: str) -> tuple[str, str]:
    """(root-relative path, fragment) of a site-internal URL, relative to its page."""
    absolute = urljoin("http://site.invalid" + source_url, value)
    parts = urlsplit(absolute)
    return parts.path or "/", unquote(parts.fragment)


# --- what the content says --------------------------------------------------------------------


def build_date(epoch: int) -> dt.date:
    """BUILD_DATE as pelican.conf.py derives it from SOURCE_DATE_EPOCH."""
    return dt.datetime.fromtimestamp(epoch, ZoneInfo("Europe/Berlin")).date()


@dataclass(frozen=True)
class Source:
    path: Path
    data: dict[str, Any]

    @property
    def rel(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    @property
    def lang(self) -> str:
        return str(self.data.get("lang", DEFAULT_LANG))

    @property
    def prefix(self) -> str:
        return "/" if self.lang == DEFAULT_LANG else f"/{self.lang}/"

    def published(self, on: dt.date) -> bool:
        from content_model.schema import parse_when

        when = parse_when(self.data.get("date"))
        if when is None:
            return True
        day = when.date() if isinstance(when, dt.datetime) else when
        return day <= on


@functools.cache
def sources(folder: str) -> tuple[Source, ...]:
    from content_core import parse_front_matter

    found = []
    for path in sorted((CONTENT / folder).rglob("*.md")):
        if path.name == "README.md" or path.name.startswith(".#"):
            continue
        fm = parse_front_matter(path.read_text(encoding="utf-8"), path.as_posix())
        found.append(Source(path, fm.data))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def pelican_settings() -> dict[str, Any]:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelican.conf.py"))


def tag_slug(name: str) -> str:
    """The slug the build gives a tag (the site's one slugify, set by mia_site.reader.tag)."""
    from mia_site.reader import tag

    return tag(name, pelican_settings()).slug


def site_base_url() -> str:
    return str(pelican_settings()["SITE_BASE_URL"]).rstrip("/")


def expected_pages(on: dt.date) -> dict[str, str]:
    """URL → why it must exist, for every page design.md §3 names, derived from content/."""
    pages: dict[str, str] = {
        "/": "home (design.md §3)",
        "/themen/": "topic list",
        "/nachrichten/": "news list",
        "/nachrichten/feed.xml": "Atom feed",
        "/veranstaltungen/": "events list",
        "/404.html": "not-found page",
        "/sitemap.xml": "sitemap",
        "/robots.txt": "robots.txt",
    }
    for slug in ("kontakt", "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
        pages[f"/{slug}/"] = "legal/fixed page (design.md §3)"
    for src in sources("pages"):
        slug = src.data.get("slug")
        if src.path.parent == CONTENT / "pages":
            if slug == "startseite":
                pages[src.prefix] = src.rel
            else:
                pages[f"{src.prefix}{slug}/"] = src.rel
        elif (CONTENT / "pages" / "themen") in src.path.parents:
            parent = src.data.get("parent")
            middle = f"{parent}/" if parent else ""
            pages[f"{src.prefix}themen/{middle}{slug}/"] = src.rel
    for src in sources("news"):
        if not src.published(on):
            continue
        pages[f"{src.prefix}nachrichten/{src.data['slug']}/"] = src.rel
        if src.lang == DEFAULT_LANG:
            for tag in src.data.get("tags") or []:
                pages[f"/nachrichten/thema/{tag_slug(tag)}/"] = f"tag {tag!r} of {src.rel}"
    for src in sources("events"):
        if src.published(on):
            pages[f"{src.prefix}veranstaltungen/{src.data['slug']}/"] = src.rel
    return pages
