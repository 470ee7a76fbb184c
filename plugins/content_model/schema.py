"""What each kind of content file must contain. Pure functions over :class:`FrontMatter`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale

from content_core.errors import ContentError
from content_core.frontmatter import FrontMatter
from content_model.duration import parse_duration
from content_model.files import inside, template_exists
from content_model.images import image_file, image_problem
from content_model.slugs import slugify
from content_model.source_hash import HASH_RE
from site_core.languages import LANGUAGES

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")

KINDS = ("topic", "page", "news", "event")

COMMON = {"title", "slug", "lang", "summary", "translation_reviewed", "template", "source_hash"}
FIELDS: dict[str, set[str]] = {
    "topic": COMMON | {"order", "parent", "contact"},
    "page": COMMON,
    "news": COMMON | {"date", "tags", "image", "image_alt"},
    "event": COMMON | {
        "date", "start", "end", "timezone", "location", "organizer", "registration", "cost",
        "languages", "accessibility", "series", "status", "time_note", "tags", "duration",
    },
}
CONTACT_FIELDS = {"name", "email", "phone", "address", "hours", "url"}
LOCATION_FIELDS = {"name", "address", "map_url"}
EVENT_STATUS = ("confirmed", "cancelled")
#: Language codes an event may name in `languages` (ISO 639, as Babel knows them).
EVENT_LANGUAGES = frozenset(code for code in Locale("de").languages if "_" not in code)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def kind_for_path(relpath: str) -> str | None:
    """The kind of a file from its path below ``content/`` (POSIX separators)."""
    if relpath.startswith("pages/themen/"):
        return "topic"
    if relpath.startswith("pages/"):
        return "page"
    if relpath.startswith("news/"):
        return "news"
    if relpath.startswith("events/"):
        return "event"
    return None


def parse_when(value: Any) -> dt.date | dt.datetime | None:  # noqa: PLR0911
    """A date (``YYYY-MM-DD``) or a naive local date-time (``YYYY-MM-DD HH:MM``); None if bad."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATETIME_RE.match(value.strip())
    if not m:
        return None
    y, mo, d, hh, mm = m.groups()
    try:
        if hh is None:
            return dt.date(int(y), int(mo), int(d))
        return dt.datetime(int(y), int(mo), int(d), int(hh), int(mm))
    except ValueError:
        return None


Check = Callable[[FrontMatter, list[ContentError]], None]


def _text(fm: FrontMatter, errors: list[ContentError], key: str, required: bool = True) -> None:
    value = fm.data.get(key)
    if value is None:
        if required:
            errors.append(ContentError(fm.path, 1, f"Pflichtfeld '{key}' fehlt",
                                       f"eine Zeile '{key}: …' im Kopfbereich"))
        return
    if not isinstance(value, str) or not value.strip():
        errors.append(fm.error((key,), f"'{key}' muss ein Text sein", "nicht leer"))


def _common(fm: FrontMatter, errors: list[ContentError], kind: str) -> None:
    allowed = FIELDS[kind]
    for key in fm.data:
        if key not in allowed:
            errors.append(fm.error((key,), f"unbekanntes Feld '{key}'",
                                   "erlaubt: " + ", ".join(sorted(allowed))))
    _text(fm, errors, "title")
    _text(fm, errors, "summary")
    slug = fm.data.get("slug")
    if slug is None:
        errors.append(ContentError(fm.path, 1, "Pflichtfeld 'slug' fehlt",
                                   "z. B. 'slug: sprachmittlung'"))
    elif not isinstance(slug, str) or not SLUG_RE.match(slug):
        suggestion = slugify(str(slug))
        example = (f"slug: {suggestion}" if SLUG_RE.match(suggestion)
                   else "z. B. 'internationale-woche'")
        errors.append(fm.error(("slug",), f"ungültiger slug {slug!r}",
                               f"nur a-z, 0-9 und Bindestriche: {example}"))
    lang = fm.data.get("lang", "de")
    if lang not in LANGUAGES:
        errors.append(fm.error(("lang",), f"unbekannte Sprache {lang!r}",
                               "eine von " + ", ".join(LANGUAGES)))
    reviewed = fm.data.get("translation_reviewed")
    if reviewed is not None and not isinstance(reviewed, bool):
        errors.append(fm.error(("translation_reviewed",), "'translation_reviewed' muss true "
                               "oder false sein", "true oder false"))
    template = fm.data.get("template")
    if template is not None and not (isinstance(template, str) and template_exists(template)):
        errors.append(fm.error(("template",), f"Vorlage {template!r} gibt es nicht",
                               "den Namen einer Vorlage aus theme/templates/ ohne .html, "
                               "z. B. 'page', oder das Feld weglassen"))
    source_hash = fm.data.get("source_hash")
    if source_hash is not None and (not isinstance(source_hash, str)
                                    or not HASH_RE.match(source_hash)):
        errors.append(fm.error(("source_hash",), f"ungültiger source_hash {source_hash!r}",
                               "nur das Werkzeug schreibt ihn: 'invoke translations "
                               "--mark-current <datei>'"))


def _mapping(fm: FrontMatter, errors: list[ContentError], key: str, allowed: set[str],
             required: tuple[str, ...] = ()) -> None:
    value = fm.data.get(key)
    if value is None:
        return
    if not isinstance(value, dict):
        errors.append(fm.error((key,), f"'{key}' muss eingerückte Unterfelder haben",
                               "erlaubt: " + ", ".join(sorted(allowed))))
        return
    for sub, subvalue in value.items():
        if sub not in allowed:
            errors.append(fm.error((key, sub), f"unbekanntes Feld '{key}.{sub}'",
                                   "erlaubt: " + ", ".join(sorted(allowed))))
        elif not isinstance(subvalue, str) or not subvalue.strip():
            errors.append(fm.error((key, sub), f"'{key}.{sub}' muss ein Text sein", "nicht leer"))
    for sub in required:
        if sub not in value:
            errors.append(fm.error((key,), f"'{key}.{sub}' fehlt", f"eine Zeile '  {sub}: …'"))


def _date(fm: FrontMatter, errors: list[ContentError], key: str, required: bool = True,
          ) -> dt.date | dt.datetime | None:
    value = fm.data.get(key)
    if value is None:
        if required:
            errors.append(ContentError(fm.path, 1, f"Pflichtfeld '{key}' fehlt",
                                       "ein Datum JJJJ-MM-TT oder JJJJ-MM-TT HH:MM"))
        return None
    when = parse_when(value)
    if when is None:
        errors.append(fm.error((key,), f"ungültiges Datum {value!r} in '{key}'",
                               "JJJJ-MM-TT oder JJJJ-MM-TT HH:MM, z. B. 2025-06-21 12:00"))
    return when


def _string_list(fm: FrontMatter, errors: list[ContentError], key: str,
                 choices: tuple[str, ...] | frozenset[str] | None = None,
                 hint: str = "") -> None:
    value = fm.data.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(fm.error((key,), f"'{key}' muss eine Liste von Texten sein",
                               f"z. B. '{key}: [A, B]'"))
        return
    if choices:
        for index, item in enumerate(value):
            if item not in choices:
                errors.append(fm.error((key, index), f"unbekannter Wert {item!r} in '{key}'",
                                       hint or "einer von " + ", ".join(choices)))


def _topic(fm: FrontMatter, errors: list[ContentError]) -> None:
    order = fm.data.get("order")
    if order is None:
        errors.append(ContentError(fm.path, 1, "Pflichtfeld 'order' fehlt",
                                   "eine ganze Zahl für die Reihenfolge, z. B. 'order: 10'"))
    elif not isinstance(order, int) or isinstance(order, bool):
        errors.append(fm.error(("order",), f"'order' muss eine ganze Zahl sein, nicht {order!r}",
                               "z. B. 'order: 10'"))
    parent = fm.data.get("parent")
    if parent is not None and (not isinstance(parent, str) or not SLUG_RE.match(parent)):
        errors.append(fm.error(("parent",), f"ungültiges Oberthema {parent!r}",
                               "der slug eines Themas"))
    _mapping(fm, errors, "contact", CONTACT_FIELDS)


def _news(fm: FrontMatter, errors: list[ContentError]) -> None:
    _date(fm, errors, "date")
    _string_list(fm, errors, "tags")
    image, alt = fm.data.get("image"), fm.data.get("image_alt")
    if image is not None:
        _text(fm, errors, "image")
        if isinstance(image, str) and not image.lower().endswith(IMAGE_SUFFIXES):
            errors.append(fm.error(("image",), f"Bildformat von {image!r} wird nicht unterstützt",
                                   "ein Foto oder eine Grafik als .jpg, .png oder .webp"))
        if alt is None or not isinstance(alt, str) or not alt.strip():
            errors.append(fm.error(("image",), "Bild ohne Alternativtext",
                                   "eine Zeile 'image_alt: …', die beschreibt, was das Bild zeigt"))
    elif alt is not None:
        errors.append(fm.error(("image_alt",), "'image_alt' ohne 'image'",
                               "ein Bild in 'image: images/…' oder die Zeile entfernen"))


def _event_duration(fm: FrontMatter, errors: list[ContentError], start: Any, end: Any) -> None:
    """A timed event without ``end`` needs ``duration`` (calendar apps otherwise show a
    zero-length event); ``duration`` is hours:minutes or whole minutes."""
    duration = fm.data.get("duration")
    if duration is not None:
        if parse_duration(duration) is None:
            errors.append(fm.error(("duration",), f"ungültige Dauer {duration!r}",
                                   "Stunden:Minuten wie 'duration: \"2:30\"' oder Minuten "
                                   "wie 'duration: 90'"))
        elif end is not None:
            errors.append(fm.error(("duration",), "'duration' und 'end' zugleich",
                                   "nur eins von beiden: 'end' oder 'duration'"))
        elif not isinstance(start, dt.datetime):
            errors.append(fm.error(("duration",), "'duration' bei ganztägiger Veranstaltung",
                                   "eine Uhrzeit in 'start' oder 'duration' entfernen"))
        return
    if isinstance(start, dt.datetime) and "end" not in fm.data:
        errors.append(fm.error(("start",), "Veranstaltung mit Uhrzeit, aber ohne Ende",
                               "'end: JJJJ-MM-TT HH:MM' oder die Dauer, z. B. "
                               "'duration: \"2:00\"' (Stunden:Minuten)"))


def local_time_problem(when: dt.datetime, zone: ZoneInfo) -> str | None:
    """'gap' for a wall-clock time the clock skips (spring forward), 'twice' for one it shows
    twice (autumn back), None for an ordinary time."""
    first, second = when.replace(tzinfo=zone, fold=0), when.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    back = first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    return "gap" if back != when else "twice"


def _clock_change(fm: FrontMatter, errors: list[ContentError], key: str,
                  when: dt.date | dt.datetime | None, zone: ZoneInfo) -> None:
    """The spring-forward gap is an error (the time does not exist); the autumn hour that
    happens twice is a warning that asks which one is meant."""
    if not isinstance(when, dt.datetime):
        return
    problem = local_time_problem(when, zone)
    clock, day = when.strftime("%H:%M"), when.date().isoformat()
    if problem == "gap":
        later = when.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
        errors.append(fm.error(
            (key,), f"'{key}': {clock} Uhr am {day} gibt es in {zone.key} nicht (Umstellung auf "
            "die Sommerzeit: die Uhr springt über diese Stunde)",
            f"eine Uhrzeit davor oder danach, z. B. {later.strftime('%H:%M')}"))
    elif problem == "twice":
        errors.append(fm.error(
            (key,), f"'{key}': {clock} Uhr am {day} gibt es in {zone.key} zweimal (Umstellung "
            "auf die Winterzeit: die Uhr wird eine Stunde zurückgestellt)",
            "welche ist gemeint? Der Kalender nimmt die erste (Sommerzeit); sonst eine andere "
            "Uhrzeit wählen oder es in 'time_note' sagen", warning=True))


def _event(fm: FrontMatter, errors: list[ContentError]) -> None:
    _date(fm, errors, "date")
    start = _date(fm, errors, "start")
    end = _date(fm, errors, "end", required=False)
    if start is not None and end is not None:
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            errors.append(fm.error(("end",), "'start' und 'end' passen nicht zusammen",
                                   "beide mit Uhrzeit oder beide nur als Datum (ganztägig)"))
        elif end < start:  # type: ignore[operator]
            errors.append(fm.error(("end",), f"Ende {end} liegt vor dem Beginn {start}",
                                   "'end' am oder nach 'start'"))
    _event_duration(fm, errors, start, end)
    tz = fm.data.get("timezone")
    if tz is None:
        errors.append(ContentError(fm.path, 1, "Pflichtfeld 'timezone' fehlt",
                                   "'timezone: Europe/Berlin'"))
    else:
        try:
            zone = ZoneInfo(str(tz))
        except (ZoneInfoNotFoundError, ValueError):
            errors.append(fm.error(("timezone",), f"unbekannte Zeitzone {tz!r}",
                                   "'Europe/Berlin'"))
        else:
            _clock_change(fm, errors, "start", start, zone)
            _clock_change(fm, errors, "end", end, zone)
    if "location" not in fm.data:
        errors.append(ContentError(fm.path, 1, "Pflichtfeld 'location' fehlt",
                                   "'location:' mit 'name:' (und 'address:'), oder "
                                   "'name: Ort wird noch bekannt gegeben'"))
    _mapping(fm, errors, "location", LOCATION_FIELDS, required=("name",))
    location = fm.data.get("location")
    map_url = location.get("map_url") if isinstance(location, dict) else None
    if isinstance(map_url, str) and not map_url.startswith("https://"):
        errors.append(fm.error(("location", "map_url"), f"ungültiger Kartenlink {map_url!r}",
                               "eine Adresse mit https://, z. B. zum Stadtplan der Stadt Dortmund"))
    _text(fm, errors, "organizer")
    for key in ("registration", "cost", "accessibility", "series", "time_note"):
        _text(fm, errors, key, required=False)
    series = fm.data.get("series")
    if isinstance(series, str) and series.strip() and not SLUG_RE.match(series):
        errors.append(fm.error(("series",), f"ungültige Reihe {series!r}",
                               "der slug der Hauptveranstaltung, z. B. internationale-woche-2025"))
    _string_list(fm, errors, "languages", EVENT_LANGUAGES,
                 "ein Sprachkürzel nach ISO 639, z. B. de, en, tr, ar, uk, pl, ku, ru")
    _string_list(fm, errors, "tags")
    status = fm.data.get("status", "confirmed")
    if status not in EVENT_STATUS:
        errors.append(fm.error(("status",), f"unbekannter Status {status!r}",
                               "confirmed oder cancelled"))


_KIND_CHECKS: dict[str, Check] = {
    "topic": _topic,
    "page": lambda fm, errors: None,
    "news": _news,
    "event": _event,
}


def validate(fm: FrontMatter, kind: str, content_root: Path | None = None) -> list[ContentError]:
    """All problems of one file of the given kind (empty when it is fine)."""
    errors: list[ContentError] = []
    _common(fm, errors, kind)
    _KIND_CHECKS[kind](fm, errors)
    image = fm.data.get("image")
    if content_root is not None and isinstance(image, str) and image.strip():
        source = content_root / image_file(image)
        problem = image_problem(source) if source.is_file() else "nicht gefunden"
        if problem == "nicht gefunden":
            errors.append(fm.error(("image",), f"Bild {image!r} nicht gefunden",
                                   "ein Pfad unterhalb von content/, z. B. images/foto.jpg"))
        elif problem:
            errors.append(fm.error(("image",), f"Bild {image!r}: {problem}",
                                   "ein Foto oder eine Grafik als .jpg, .png oder .webp; eine "
                                   "umbenannte Datei im Bildprogramm neu speichern"))
    _paths_inside(fm, errors, content_root)
    return errors


def _paths_inside(fm: FrontMatter, errors: list[ContentError], content_root: Path | None) -> None:
    image = fm.data.get("image")
    if content_root is None or not isinstance(image, str) or not image.strip():
        return
    if not inside(content_root / image_file(image), content_root / "images"):
        errors.append(fm.error(("image",), f"Bild {image!r} liegt nicht in content/images/",
                               "ein Bild aus content/images/, z. B. images/foto.jpg"))
