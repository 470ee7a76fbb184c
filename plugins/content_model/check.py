"""``invoke check``: every rule for all content, without building the site.

``check_content(content_root, build_date)`` returns every problem (errors and warnings), sorted,
each as ``content/<file>:<line>: what is wrong (what was expected)``. Errors stop a build;
warnings (``[Warnung]``) only inform.

Rules, in the order of docs/redaktion.md:

1. Kopfbereich (front matter) and the fields of each kind (``schema.validate``), files in a
   known folder; across files (``site_rules``, the same functions the build calls): the
   topic's ``parent`` and the event's ``series`` exist, a translation has a German original.
2. Holiday files (``inka_engine`` loader: communities, rule kinds, ``confirmed:`` dates).
3. A slug once per language and kind; the file name's language ending matches ``lang``.
4. Links in the text: root-relative links lead to a page the site will build;
   ``{filename}``/``{static}`` and relative links lead to existing files.
5. Images exist, are not loaded from other servers and have a text alternative.
6. Headings: the text starts at ``##``, no ``#``, no skipped level.
7. Warnings: long sentences in Leichte Sprache, close unconfirmed holiday dates,
   ``[Bitte ergänzen`` placeholders.
8. Translations: outdated against their German original (warning), without ``source_hash``
   (one summary warning), tags that are neither German keys nor the language's labels, the
   glossaries' shape and their known wrong terms (``avoid``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from content_core.errors import ContentError, ContentErrors
from content_core.frontmatter import FrontMatter, parse_front_matter
from content_model.files import file_problems, ignored, inside
from content_model.glossary_check import check_glossaries
from content_model.holiday_checks import check_holidays
from content_model.images import IMAGE_FOLDER, image_problem, is_image_name, site_image
from content_model.markdown_scan import Heading, Link, scan
from content_model.prose import MAX_WORDS_EASY, long_sentences
from content_model.render import policy_errors
from content_model.schema import LANGUAGES, kind_for_path, parse_when, validate
from content_model.site_rules import Item, site_rules
from content_model.site_urls import Entry, site_urls
from content_model.translation_checks import tag_rules, version_rules
from content_model.translation_index import TRANSLATED, Source, build_index
from site_core import clock
from site_core.languages import DEFAULT_LANGUAGE

DEFAULT_LANG = DEFAULT_LANGUAGE
PLACEHOLDER = "[Bitte ergänzen"
EASY_LANGUAGE = "pages/leichte-sprache.md"
REPO = Path(__file__).resolve().parents[2]
THEME_ROOT = REPO / "theme"
_FILE_LINK = re.compile(r"^(?:\{(filename|static|attach)\}|\|(filename|static|attach)\|)(.*)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_NAME_LANG = re.compile(r"\.([a-z]{2})\.md$")
#: A date further ahead than this is most likely a typo in the year (warning).
FAR_AHEAD = dt.timedelta(days=366)


@dataclass
class Document:
    """One content file below ``content/`` (holidays included, for body rules)."""

    path: Path
    rel: str  # below content/, POSIX
    kind: str | None  # topic, page, news, event, holiday; None when in an unknown folder
    fm: FrontMatter | None  # None when the front matter could not be read

    @property
    def shown(self) -> str:
        return f"content/{self.rel}"

    @property
    def lang(self) -> str:
        value = self.fm.data.get("lang", DEFAULT_LANG) if self.fm else DEFAULT_LANG
        return value if isinstance(value, str) else DEFAULT_LANG

    @property
    def slug(self) -> str | None:
        value = self.fm.data.get("slug") if self.fm else None
        return value if isinstance(value, str) else None


def build_date_from_env() -> dt.date:
    """BUILD_DATE as in pelican.conf.py (the site core's one clock)."""
    return clock.build_date()


def pagination() -> int:
    """News per listing page: ``DEFAULT_PAGINATION`` of pelican.conf.py (10 if unreadable)."""
    import runpy

    try:
        return int(runpy.run_path(str(REPO / "pelican.conf.py"))["DEFAULT_PAGINATION"])
    except (OSError, KeyError, ValueError, TypeError):
        return 10


def _read(content_root: Path) -> tuple[list[Document], list[ContentError]]:
    documents: list[Document] = []
    errors: list[ContentError] = []
    for path in sorted(content_root.rglob("*.md")):
        rel = path.relative_to(content_root).as_posix()
        if ignored(path.name):
            continue
        kind = "holiday" if rel.startswith("inka/") else kind_for_path(rel)
        shown = f"content/{rel}"
        try:
            fm: FrontMatter | None = parse_front_matter(path.read_text(encoding="utf-8"), shown)
        except ContentErrors as exc:
            if kind != "holiday":  # the holiday loader reports these itself
                errors.extend(exc.errors)
            fm = None
        except UnicodeDecodeError:
            if kind != "holiday":
                errors.append(ContentError(shown, 1, "Datei ist nicht in UTF-8 gespeichert",
                                           "im Editor als UTF-8 speichern"))
            fm = None
        if kind is None:
            errors.append(ContentError(shown, 1, "Datei liegt in keinem bekannten Inhaltsordner",
                                       "content/pages, content/pages/themen, content/news, "
                                       "content/events oder content/inka/<gemeinschaft>"))
        elif fm is not None and kind != "holiday":
            errors.extend(validate(fm, kind, content_root))
        documents.append(Document(path, rel, kind, fm))
    return documents, errors


def _published(doc: Document, build_date: dt.date) -> bool:
    when = parse_when(doc.fm.data.get("date")) if doc.fm else None
    if when is None:
        return doc.kind != "news"
    day = when.date() if isinstance(when, dt.datetime) else when
    return day <= build_date


def _entries(documents: list[Document], build_date: dt.date) -> list[Entry]:
    """The German documents (originals) the site writes, for the set of URLs."""
    entries: list[Entry] = []
    for doc in documents:
        if doc.fm is None or doc.kind in (None, "holiday") or doc.slug is None:
            continue
        if doc.lang != DEFAULT_LANG:
            continue
        tags = doc.fm.data.get("tags") or []
        parent = doc.fm.data.get("parent") if doc.kind == "topic" else None
        entries.append(Entry(str(doc.kind), doc.slug, parent if isinstance(parent, str) else None,
                             _published(doc, build_date),
                             tuple(t for t in tags if isinstance(t, str))
                             if isinstance(tags, list) else ()))
    return entries


def _line(doc: Document, key: str) -> int:
    return doc.fm.line_of(key) if doc.fm else 1


def _identity_rules(documents: list[Document], content_root: Path) -> list[ContentError]:
    """Slugs once per language and kind; the file name's language ending matches ``lang``."""
    errors: list[ContentError] = []
    pages = [d for d in documents if d.fm is not None and d.kind not in (None, "holiday")]
    groups: dict[tuple[str, str, str], list[Document]] = {}
    for doc in pages:
        if doc.slug is not None:
            groups.setdefault((str(doc.kind), doc.lang, doc.slug), []).append(doc)
    tracked = _tracked(content_root)
    for same in groups.values():
        if len(same) < 2:
            continue
        first = min(same, key=lambda d: _age_key(d, tracked))
        for doc in same:
            if doc is first:
                continue  # the file that had the address first keeps it
            errors.append(ContentError(
                doc.shown, _line(doc, "slug"),
                f"slug {doc.slug!r} ({doc.lang}) gibt es schon in {first.shown}; diese Datei "
                "ist die neue",
                "einen eigenen slug für diese Datei: jede Seite braucht ihre eigene Adresse"))
    for doc in pages:
        if doc.slug is None:
            continue
        match = _NAME_LANG.search(doc.path.name)
        ending = match.group(1) if match and match.group(1) in LANGUAGES else DEFAULT_LANG
        if doc.lang in LANGUAGES and ending != doc.lang:
            wanted = (doc.path.name[: -len(f".{ending}.md")] if ending != DEFAULT_LANG
                      else doc.path.name[:-3])
            wanted += ".md" if doc.lang == DEFAULT_LANG else f".{doc.lang}.md"
            errors.append(ContentError(
                doc.shown, _line(doc, "lang"),
                f"Dateiname passt nicht zur Sprache 'lang: {doc.lang}'",
                f"Dateiname {wanted}"))
    return errors


def _tracked(content_root: Path) -> set[str]:
    """Files below content/ that git already knows (empty without git or outside a repo)."""
    try:
        out = subprocess.run(["git", "-C", str(content_root), "ls-files", "-z"],
                             capture_output=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name for name in out.decode("utf-8", errors="replace").split("\0") if name}


def _age_key(doc: Document, tracked: set[str]) -> tuple[bool, str, int]:
    """Sorts the older file first: committed before new, then by 'date', then by mtime."""
    date = doc.fm.data.get("date") if doc.fm else None
    try:
        mtime = doc.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return doc.rel not in tracked, str(date or ""), mtime


def _date_warnings(doc: Document, build_date: dt.date) -> list[ContentError]:
    """Typos in a year: a date more than a year ahead; an event that begins before the day it
    was written (``date``), which the site would file under past events at once."""
    if doc.fm is None or doc.kind not in ("news", "event"):
        return []
    warnings: list[ContentError] = []
    days: dict[str, dt.date] = {}
    for key in ("date", "start"):
        when = parse_when(doc.fm.data.get(key))
        if when is None:
            continue
        days[key] = when.date() if isinstance(when, dt.datetime) else when
        if days[key] - build_date > FAR_AHEAD:
            what = "erscheint erst dann" if key == "date" else "steht so lange unter 'Demnächst'"
            warnings.append(ContentError(
                doc.shown, _line(doc, key),
                f"'{key}: {days[key].isoformat()}' liegt mehr als ein Jahr in der Zukunft "
                f"({what})", "Jahr prüfen", warning=True))
    if doc.kind == "event" and "start" in days and "date" in days \
            and days["start"] < days["date"]:
        warnings.append(ContentError(
            doc.shown, _line(doc, "start"),
            f"Veranstaltung beginnt am {days['start'].isoformat()}, vor ihrem Datum "
            f"'date: {days['date'].isoformat()}' (sie steht sofort unter 'Vergangene "
            "Veranstaltungen')", "Jahr von 'start' prüfen", warning=True))
    return warnings


def _image_files(content_root: Path) -> list[ContentError]:
    """Every file in content/images/ with an image name must be an image the build can read."""
    folder = content_root / IMAGE_FOLDER
    errors: list[ContentError] = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and is_image_name(path.name):
            problem = image_problem(path)
            if problem:
                errors.append(ContentError(
                    f"content/{path.relative_to(content_root).as_posix()}", 1,
                    f"Datei ist {problem}", "ein Foto oder eine Grafik als .jpg, .png oder "
                    ".webp; eine umbenannte Datei im Bildprogramm neu speichern"))
    return errors


def _site_items(documents: list[Document], rejected: set[str]) -> list[Item]:
    """The files the build would publish (no error of their own), for the cross-file rules."""
    return [Item(d.shown, str(d.kind), d.lang, d.slug, d.fm.data, d.fm.line_of)
            for d in documents
            if d.fm is not None and d.kind not in (None, "holiday") and d.shown not in rejected]


def _file_target(doc: Document, rest: str, content_root: Path) -> Path:
    rest = unquote(urlsplit(rest).path)
    if rest.startswith("/"):
        return content_root / rest.lstrip("/")
    return doc.path.parent / rest


def _suggest(url: str, urls: set[str]) -> str:
    close = difflib.get_close_matches(url, sorted(urls), n=1, cutoff=0.75)
    return f"meinten Sie {close[0]}?" if close else "eine Adresse dieser Website, z. B. /kontakt/"


def _link_problem(doc: Document, link: Link, urls: set[str],  # noqa: PLR0911 - a table
                  content_root: Path) -> tuple[str, str] | None:
    """(what is wrong, what was expected) for one link or image, None when it is fine."""
    what = "Bild" if link.image else "Link"
    target = link.target.strip()
    if not target:
        return f"{what} ohne Ziel", "eine Adresse in den runden Klammern: [Text](/kontakt/)"
    file_link = _FILE_LINK.match(target)
    if file_link:
        rest = file_link.group(3)
        if not inside(_file_target(doc, rest, content_root), content_root):
            return (f"{what} auf {target!r} zeigt aus dem Ordner content/ hinaus",
                    "eine Datei unterhalb von content/, z. B. {static}/images/foto.jpg")
        if not _file_target(doc, rest, content_root).is_file():
            return (f"{what} auf {target!r}: Datei nicht gefunden",
                    "ein Pfad unterhalb von content/, z. B. {filename}/pages/kontakt.md oder "
                    "{static}/images/foto.jpg")
        return None
    if target.startswith("//") or _SCHEME.match(target):
        if link.image:
            return (f"Bild {target!r} wird von einem fremden Server geladen",
                    "das Bild in content/images/ ablegen und /images/… verlinken")
        return None
    if target.startswith("#"):
        return None
    path = unquote(urlsplit(target).path)
    path = site_image(path) or path  # images/x.jpg means /images/x.jpg, as in the header
    if path.startswith(f"/{IMAGE_FOLDER}") and (content_root / path.lstrip("/")).is_file():
        problem = image_problem(content_root / path.lstrip("/")) \
            if is_image_name(path) else None
        if problem:
            return (f"{what} {target!r}: {problem}",
                    "ein Foto oder eine Grafik als .jpg, .png oder .webp; eine umbenannte "
                    "Datei im Bildprogramm neu speichern")
    if not path.startswith("/"):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel), path))
        if (content_root / resolved).is_file():
            return (f"relativer {what} {target!r} funktioniert auf der Website nicht",
                    f"{{static}}/{resolved}" if not resolved.endswith(".md")
                    else f"{{filename}}/{resolved}")
        return (f"{what} auf {target!r}: Datei nicht gefunden",
                "eine Adresse ab der Wurzel wie /kontakt/ oder eine Datei unterhalb von content/")
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if path in urls:
        return None
    if link.image:
        return (f"Bild {target!r} nicht gefunden",
                "eine Datei in content/images/, eingebunden als /images/datei.jpg")
    if f"{path}/" in urls:
        return f"Link auf {target!r}: Schrägstrich am Ende fehlt", f"{path}/"
    return f"Link auf {target!r} führt ins Leere", _suggest(path, urls)


def _link_rules(doc: Document, links: Iterable[Link], urls: set[str], content_root: Path,
                ) -> list[ContentError]:
    errors: list[ContentError] = []
    for link in links:
        problem = _link_problem(doc, link, urls, content_root)
        if problem:
            errors.append(ContentError(doc.shown, link.line, *problem))
        if link.image and (link.alt is None or not link.alt.strip()):
            errors.append(ContentError(
                doc.shown, link.line, f"Bild {link.target!r} ohne Alternativtext",
                "beschreiben, was das Bild zeigt: ![Kurze Beschreibung](/images/…)"))
    return errors


def _heading_rules(doc: Document, headings: list[Heading]) -> list[ContentError]:
    errors: list[ContentError] = []
    previous = 1  # the page title is the only <h1>
    for heading in headings:
        marks = "#" * heading.level
        if heading.level == 1:
            errors.append(ContentError(
                doc.shown, heading.line, f"Überschrift '# {heading.text}' der Ebene 1 im Text",
                "'## …': die Hauptüberschrift ist der title der Seite"))
        elif heading.level > 2 and heading is headings[0]:
            errors.append(ContentError(
                doc.shown, heading.line,
                f"Text beginnt mit der Überschrift '{marks} {heading.text}' (Ebene "
                f"{heading.level})", f"'## {heading.text}': die erste Überschrift hat '##'"))
        elif heading.level > previous + 1:
            errors.append(ContentError(
                doc.shown, heading.line,
                f"Überschrift '{marks} {heading.text}' springt von Ebene {previous} auf "
                f"Ebene {heading.level}", f"'{'#' * (previous + 1)} {heading.text}'"))
        previous = max(heading.level, 1)
    return errors


def _warnings(doc: Document) -> list[ContentError]:
    warnings: list[ContentError] = []
    text = doc.path.read_text(encoding="utf-8", errors="replace")
    count = text.count(PLACEHOLDER)
    if count:
        line = text[: text.index(PLACEHOLDER)].count("\n") + 1
        warnings.append(ContentError(
            doc.shown, line, f"{count} Platzhalter '{PLACEHOLDER}: …]' noch offen",
            "die fehlenden Angaben eintragen, sobald sie bekannt sind", warning=True))
    if doc.rel == EASY_LANGUAGE and doc.fm is not None:
        for line, words, sentence in long_sentences(doc.fm.body, doc.fm.body_line):
            start = " ".join(sentence.split()[:5])
            warnings.append(ContentError(
                doc.shown, line, f"Satz mit {words} Wörtern in Leichter Sprache: '{start} …'",
                f"höchstens {MAX_WORDS_EASY} Wörter pro Satz; teilen Sie den Satz",
                warning=True))
    return warnings


def _translation_rules(documents: list[Document], content_root: Path,
                       translations_root: Path) -> list[ContentError]:
    sources = [Source(d.path, d.rel, d.kind, d.fm) for d in documents if d.fm is not None]
    holidays = [d.fm for d in documents if d.fm is not None and d.kind == "holiday"
                and d.path.name.count(".") == 1]
    glossaries, problems = check_glossaries(content_root, translations_root, TRANSLATED, holidays)
    problems += version_rules(build_index(sources))
    problems += tag_rules(sources, glossaries)
    return problems


def check_content(content_root: Path, build_date: dt.date,
                  theme_root: Path | None = THEME_ROOT, per_page: int | None = None,
                  translations_root: Path | None = None, *,
                  only: set[str] | None = None) -> list[ContentError]:
    """Every problem of the content below ``content_root`` (errors and warnings), sorted.

    ``translations_root`` holds ``<lang>/glossary.yaml`` and ``<lang>/LC_MESSAGES/messages.po``
    (default: the theme's ``translations/``). ``only`` (shown paths, ``content/…``): the
    preview after an edit. Every file is still read (slugs, links and translations are checked
    against all of them), but the rules of one file's text run for these files only, and only
    their problems are returned, with every error of another file that this edit may have
    caused (a duplicate slug, a broken link). ``invoke check`` and ``make build`` check all."""
    content_root = Path(content_root)
    problems = file_problems(content_root, theme_root)
    if any(not p.warning for p in problems):
        return sorted(set(problems))  # nothing is read through a link
    documents, read_problems = _read(content_root)
    problems += read_problems
    problems += _translation_rules(documents, content_root, translations_root or (
        (theme_root or THEME_ROOT) / "translations"))
    holidays, holiday_problems = check_holidays(content_root, build_date)
    problems += holiday_problems
    problems += _identity_rules(documents, content_root)
    problems += _image_files(content_root)
    urls = site_urls(_entries(documents, build_date), holidays, build_date, content_root,
                     theme_root=theme_root, per_page=per_page or pagination())
    rejected = {p.path for p in read_problems if not p.warning}  # what the build's reader rejects
    for doc in documents:
        if only is not None and doc.shown not in only:
            continue
        if doc.fm is not None and doc.kind is not None:
            found = scan(doc.fm.body, doc.fm.body_line)
            problems += _link_rules(doc, found.links, urls, content_root)
            problems += _heading_rules(doc, found.headings)
            dropped = policy_errors(doc.shown, doc.fm.body, doc.fm.body_line)
            rejected.update(p.path for p in dropped)
            problems += dropped
        problems += _warnings(doc)
        problems += _date_warnings(doc, build_date)
    problems += site_rules(_site_items(documents, rejected))
    if only is not None:
        problems = [p for p in problems if p.path in only or not p.warning]
    return sorted(set(problems))


def errors_only(problems: Iterable[ContentError]) -> list[ContentError]:
    return [p for p in problems if not p.warning]


def is_placeholder(problem: ContentError) -> bool:
    """The per-file warning about open ``[Bitte ergänzen: …]`` placeholders."""
    return problem.warning and f"Platzhalter '{PLACEHOLDER}" in problem.message


def placeholder_summary(problems: Iterable[ContentError]) -> str | None:
    """One line for all open placeholders (``invoke check`` without ``--placeholders``)."""
    found = [p for p in problems if is_placeholder(p)]
    if not found:
        return None
    count = sum(int(p.message.split(" ", 1)[0]) for p in found)
    files = "einer Datei" if len(found) == 1 else f"{len(found)} Dateien"
    return (f"{count} Platzhalter '{PLACEHOLDER}: …]' in {files} noch offen (auflisten mit: "
            "invoke check --placeholders) [Warnung]")
