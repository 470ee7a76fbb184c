"""What a release build (``invoke build --release``, the deploy's build) demands beyond
``invoke check``: the legal pages are complete, and every unreviewed translation tells its
readers so. Pelican-free: the first rule reads ``content/``, the second the built site."""

from __future__ import annotations

import re
from pathlib import Path

from content_core.errors import ContentError, ContentErrors
from content_core.frontmatter import parse_front_matter
from content_model.site_urls import Entry, document_path
from site_core import urls

#: Pages a public body must publish complete (§ 5 DDG, Art. 13 DSGVO, BITV NRW).
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit")
PLACEHOLDER = "[Bitte ergänzen"
#: The reader notice of partials/language_notice.html.
NOTICE_MARKER = "notice--language"
_TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")
_KINDS = {"pages": "page", "news": "news", "events": "event"}


def legal_placeholders(content_root: Path) -> list[ContentError]:
    """Each open ``[Bitte ergänzen: …]`` in a legal page or one of its translations."""
    problems: list[ContentError] = []
    for path in sorted((content_root / "pages").glob("*.md")):
        match = _TRANSLATION.match(path.name)
        stem = match.group("stem") if match else path.stem
        if stem not in LEGAL_PAGES:
            continue
        shown = f"content/{path.relative_to(content_root).as_posix()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PLACEHOLDER in line:
                problems.append(ContentError(
                    shown, number, "Platzhalter in einer Pflichtseite: so darf die Seite nicht "
                    "veröffentlicht werden", "die fehlende Angabe eintragen"))
    return problems


def _built_path(content_root: Path, path: Path, lang: str) -> str | None:
    """Root-relative folder of a translation's page, None when it has no page of its own."""
    rel = path.relative_to(content_root)
    parts = rel.parts
    if parts[0] == "inka" and len(parts) == 3:
        key = _TRANSLATION.match(parts[2]).group("stem")  # type: ignore[union-attr]
        return urls.holiday_page(parts[1], key, lang)
    top = parts[0]
    if top not in _KINDS:
        return None
    try:
        fm = parse_front_matter(path.read_text(encoding="utf-8"), f"content/{rel.as_posix()}")
    except (ContentErrors, UnicodeDecodeError):  # invoke check reports these
        return None
    kind = "topic" if top == "pages" and len(parts) > 2 and parts[1] == "themen" else _KINDS[top]
    slug = fm.data.get("slug")
    if not isinstance(slug, str):
        return None
    paths = document_path(Entry(kind, slug, fm.data.get("parent")))
    return urls.localized(paths[0], lang) if paths else None


def unreviewed_without_notice(content_root: Path, output: Path) -> list[ContentError]:
    """Each translation marked ``translation_reviewed: false`` whose built page lacks the
    notice that the German version is binding."""
    problems: list[ContentError] = []
    for path in sorted(content_root.rglob("*.*.md")):
        match = _TRANSLATION.match(path.name)
        if match is None or match.group("lang") == "de":
            continue
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^translation_reviewed:\s*false\s*$", text, re.MULTILINE):
            continue
        folder = _built_path(content_root, path, match.group("lang"))
        page = output / folder / "index.html" if folder is not None else None
        if page is None or not page.is_file():
            continue  # not published (yet): nothing a reader could see
        if NOTICE_MARKER not in page.read_text(encoding="utf-8"):
            line = next(i for i, x in enumerate(text.splitlines(), 1)
                        if x.startswith("translation_reviewed"))
            problems.append(ContentError(
                f"content/{path.relative_to(content_root).as_posix()}", line,
                f"ungeprüfte Übersetzung ohne Hinweis für die Leserinnen und Leser ({folder})",
                "der Hinweis, dass die deutsche Fassung verbindlich ist, muss auf der Seite stehen"))
    return problems
