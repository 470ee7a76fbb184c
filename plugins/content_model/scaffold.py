"""``invoke new``: write a correct, commented Markdown file for a news item, an event, a topic,
or a translation of one of them. Refuses a slug that exists (per language and kind)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content_core.errors import ContentErrors
from content_core.frontmatter import parse_front_matter
from content_model.mark_current import with_source_hash
from content_model.schema import LANGUAGES, SLUG_RE, kind_for_path, parse_when
from content_model.slugs import slugify
from content_model.source_hash import file_hash
from site_core import urls

FOLDERS = {"news": "news", "event": "events", "topic": "pages/themen"}
TODO = "[Bitte ergänzen: {}]"
ORGANIZER = "Kommunales Integrationszentrum Dortmund (MIA-DO-KI)"


class ScaffoldError(Exception):
    """The file cannot be written; the message says why and what to do (German)."""


@dataclass
class Request:
    """What the editor gave (options or answers). Empty strings mean "not given"."""

    kind: str
    title: str = ""
    slug: str = ""
    lang: str = "de"
    summary: str = ""
    date: str = ""
    start: str = ""
    end: str = ""
    location: str = ""
    address: str = ""
    organizer: str = ""
    parent: str = ""
    order: int | None = None
    tags: list[str] = field(default_factory=list)


def quote(value: str) -> str:
    """The value as YAML: plain when that reads back the same, else double-quoted."""
    value = " ".join(value.split())
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value} and " #" not in value
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value else json.dumps(value, ensure_ascii=False)


def existing(content_root: Path, kind: str) -> dict[tuple[str, str], Path]:
    """(lang, slug) → file of every readable file of this kind."""
    found: dict[tuple[str, str], Path] = {}
    folder = content_root / FOLDERS[kind]
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if kind_for_path(path.relative_to(content_root).as_posix()) != kind:
            continue
        try:
            data = parse_front_matter(path.read_text(encoding="utf-8"), str(path)).data
        except (ContentErrors, UnicodeDecodeError):
            continue
        if isinstance(data.get("slug"), str):
            found[(str(data.get("lang", "de")), data["slug"])] = path
    return found


def _slug(req: Request) -> str:
    slug = req.slug or slugify(req.title)
    if not SLUG_RE.match(slug):
        raise ScaffoldError(f"ungültiger slug {slug!r} (nur a-z, 0-9 und Bindestriche, "
                            "z. B. --slug internationale-woche-2026)")
    return slug


def _day(value: str, what: str) -> str:
    when = parse_when(value)
    if when is None:
        raise ScaffoldError(f"ungültiges Datum {value!r} für {what} "
                            "(JJJJ-MM-TT oder JJJJ-MM-TT HH:MM, z. B. 2026-06-20 14:00)")
    return when.strftime("%Y-%m-%d %H:%M") if isinstance(when, dt.datetime) else when.isoformat()


def _news(req: Request, slug: str, today: dt.date) -> tuple[str, str]:
    date = _day(req.date or today.isoformat(), "--date")
    tags = ", ".join(quote(t) for t in req.tags)
    text = f"""---
# Nachricht. Anleitung: docs/redaktion.md. Zeilen mit '#' sind Hinweise und erscheinen nicht.
# Texte mit Doppelpunkt oder '#' stehen in Anführungszeichen: title: "Termin: Fest"
title: {quote(req.title)}
# slug: Teil der Adresse /nachrichten/{slug}/ - nach dem Veröffentlichen nicht mehr ändern
slug: {slug}
# date: erscheint ab diesem Tag; ein Datum in der Zukunft plant die Nachricht ein
date: {date}
lang: de
# summary: ein bis zwei Sätze für die Liste, den Feed und Suchmaschinen
summary: {quote(req.summary or TODO.format("ein bis zwei Sätze zur Nachricht"))}
# tags: Themen der Nachricht, z. B. [Einbürgerung, Statistik]
tags: [{tags}]
# Bild (optional): Datei unter content/images/, dann ist image_alt Pflicht
# image: images/nachrichten/foto.jpg
# image_alt: Was auf dem Bild zu sehen ist
---
{TODO.format("erster Absatz: das Wichtigste in zwei, drei Sätzen")}

## {TODO.format("Zwischenüberschrift")}

{TODO.format("weiterer Text")}
"""
    return f"{FOLDERS['news']}/{date[:10]}-{slug}.md", text


def _event(req: Request, slug: str, today: dt.date) -> tuple[str, str]:
    if not req.start:
        raise ScaffoldError("Beginn fehlt (--start JJJJ-MM-TT HH:MM, oder nur das Datum für "
                            "ganztägige Termine)")
    start = _day(req.start, "--start")
    end = _day(req.end, "--end") if req.end else ""
    if end and (len(end) == 10) != (len(start) == 10):
        raise ScaffoldError("--start und --end passen nicht zusammen (beide mit Uhrzeit oder "
                            "beide nur als Datum)")
    if end and end < start:
        raise ScaffoldError(f"Ende {end} liegt vor dem Beginn {start} (--end am oder nach "
                            "--start)")
    end_line = (f"end: {end}" if end else
                "# end: JJJJ-MM-TT HH:MM (bei ganztägigen Terminen: der letzte Tag); ist das "
                "Ende offen: duration: \"2:00\" (Stunden:Minuten)")
    address = (f"  address: {quote(req.address)}" if req.address else
               "  # address: Straße Nr., PLZ Dortmund")
    text = f"""---
# Veranstaltung. Anleitung: docs/redaktion.md. Zeilen mit '#' sind Hinweise.
# Texte mit Doppelpunkt oder '#' stehen in Anführungszeichen.
title: {quote(req.title)}
# slug: Teil der Adresse /veranstaltungen/{slug}/ - nicht mehr ändern
slug: {slug}
# date: Tag der Veröffentlichung
date: {_day(req.date or today.isoformat(), "--date")}
lang: de
summary: {quote(req.summary or TODO.format("ein bis zwei Sätze zur Veranstaltung"))}
# start/end: JJJJ-MM-TT HH:MM, oder nur JJJJ-MM-TT für ganztägige Termine
start: {start}
{end_line}
timezone: Europe/Berlin
# location: Ort unbekannt? name: Ort wird noch bekannt gegeben
location:
  name: {quote(req.location or "Ort wird noch bekannt gegeben")}
{address}
organizer: {quote(req.organizer or ORGANIZER)}
# Optional:
# registration: Anmeldung bis ... an ...
# cost: Eintritt frei
# languages: [de, tr]
# accessibility: Der Raum ist stufenlos erreichbar.
# time_note: Die genaue Uhrzeit steht noch nicht fest.
# status: cancelled   (abgesagt: die Veranstaltung bleibt sichtbar, als abgesagt markiert)
---
{TODO.format("Was findet statt, für wen, was ist mitzubringen?")}
"""
    return f"{FOLDERS['event']}/{slug}.md", text


def _topic(req: Request, slug: str, content_root: Path) -> tuple[str, str]:
    topics = existing(content_root, "topic")
    if req.parent and ("de", req.parent) not in topics:
        raise ScaffoldError(f"Oberthema {req.parent!r} gibt es nicht (der slug eines Themas "
                            "in content/pages/themen/)")
    order = req.order
    if order is None:
        orders = []
        for path in topics.values():
            data = parse_front_matter(path.read_text(encoding="utf-8"), str(path)).data
            if (data.get("parent") or "") == req.parent and isinstance(data.get("order"), int):
                orders.append(data["order"])
        order = max(orders, default=0) + 10
    parent = f"parent: {req.parent}\n" if req.parent else ""
    where = urls.topic(slug, req.parent or None)
    text = f"""---
# Thema. Anleitung: docs/redaktion.md. Zeilen mit '#' sind Hinweise.
title: {quote(req.title)}
# slug: Teil der Adresse /{where} - nicht mehr ändern
slug: {slug}
lang: de
summary: {quote(req.summary or TODO.format("ein bis zwei Sätze: worum geht es?"))}
# order: Reihenfolge in der Themenliste (kleinere Zahlen zuerst)
order: {order}
{parent}# Kontakt (optional), erscheint in einem Kasten:
# contact:
#   name: Kommunales Integrationszentrum Dortmund (MIA-DO-KI)
#   email: "[Bitte ergänzen: E-Mail-Adresse]"
#   phone: "[Bitte ergänzen: Telefonnummer]"
---
{TODO.format("Einleitung: für wen ist das Angebot, was bietet es?")}

## {TODO.format("Zwischenüberschrift")}

{TODO.format("weiterer Text")}
"""
    folder = f"{FOLDERS['topic']}/{req.parent}" if req.parent else FOLDERS["topic"]
    return f"{folder}/{slug}.md", text


_LANG_LINE = re.compile(r"^lang:.*$", re.MULTILINE)
_SLUG_LINE = re.compile(r"^slug:.*$", re.MULTILINE)


def _translation(req: Request, content_root: Path) -> tuple[str, str]:
    """A copy of the German original with ``lang`` set, to translate in place."""
    if not req.slug:
        raise ScaffoldError("für eine Übersetzung fehlt der slug des deutschen Originals "
                            "(--slug, z. B. --slug sprachmittlung)")
    original = existing(content_root, req.kind).get(("de", req.slug))
    if original is None:
        raise ScaffoldError(f"kein deutsches Original mit slug {req.slug!r} in "
                            f"content/{FOLDERS[req.kind]}/ (zuerst die deutsche Fassung anlegen)")
    text = original.read_text(encoding="utf-8")
    note = (f"# Übersetzung ({req.lang}) von content/{original.relative_to(content_root).as_posix()}"
            ". Bitte title, summary und Text übersetzen;\n# translation_reviewed: true erst, "
            "wenn eine Muttersprachlerin oder ein Muttersprachler den Text geprüft hat.\n")
    reviewed = re.search(r"^translation_reviewed:", text, re.MULTILINE)
    lang_line = f"lang: {req.lang}" + ("" if reviewed else "\ntranslation_reviewed: false")
    if _LANG_LINE.search(text):
        text = _LANG_LINE.sub(lang_line, text, count=1)
    else:
        text = _SLUG_LINE.sub(lambda m: f"{m.group(0)}\n{lang_line}", text, count=1)
    if req.title:
        text = re.sub(r"^title:.*$", lambda _m: f"title: {quote(req.title)}", text, count=1,
                      flags=re.MULTILINE)
    text = text.replace("---\n", "---\n" + note, 1)
    text = with_source_hash(text, file_hash(original, req.kind))  # the version translated
    rel = original.relative_to(content_root).as_posix()
    return f"{rel[:-3]}.{req.lang}.md", text


def create(content_root: Path, req: Request, today: dt.date) -> Path:
    """Write the new file and return its path; raises :class:`ScaffoldError` when refused."""
    if req.kind not in FOLDERS:
        raise ScaffoldError(f"unbekannte Art {req.kind!r} (news, event, topic oder holiday-date)")
    if req.lang not in LANGUAGES:
        raise ScaffoldError(f"unbekannte Sprache {req.lang!r} (eine von {', '.join(LANGUAGES)})")
    if req.lang != "de":
        rel, text = _translation(req, content_root)
        slug = req.slug
    else:
        if not req.title.strip():
            raise ScaffoldError("Titel fehlt (--title \"…\")")
        slug = _slug(req)
        if req.kind == "news":
            rel, text = _news(req, slug, today)
        elif req.kind == "event":
            rel, text = _event(req, slug, today)
        else:
            rel, text = _topic(req, slug, content_root)
    taken = existing(content_root, req.kind).get((req.lang, slug))
    if taken is not None:
        raise ScaffoldError(f"slug {slug!r} ({req.lang}) gibt es schon: content/"
                            f"{taken.relative_to(content_root).as_posix()} (einen anderen "
                            "--slug wählen oder die vorhandene Datei bearbeiten)")
    target = content_root / rel
    if target.exists():
        raise ScaffoldError(f"content/{rel} gibt es schon (einen anderen --slug wählen)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    return target
