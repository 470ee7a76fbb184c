"""Load ``content/inka/<community>/<key>.md`` into :class:`Holiday` objects, reporting every
content problem of every file as ``path:line: was falsch ist (was erwartet wird)`` (German:
editors read it). Translations ``<key>.<lang>.md`` are read by :mod:`.translations`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from content_core import ContentError, ContentErrors, Problems, read_front_matter

from .constants import BEGINS, COMMUNITIES, CONFIRM_SLACK_DAYS, DEFAULT_LANGUAGE, LANGUAGES
from .engine import place_confirmed
from .model import Confirmed, Holiday, Native, Rule, Variant
from .rules import CONFIRMED_YEARS, KINDS
from .translations import attach_translations, is_translation

REQUIRED = ("title", "key", "community", "names", "rule", "duration", "begins", "variance_days")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _rule(raw: Any, problems: Problems, *where: str | int) -> Rule | None:
    if not isinstance(raw, Mapping):
        problems.add(f"ungültige Regel {raw!r} (kind und die Felder dieser Regelart)",
                     *where)
        return None
    kind_name = raw.get("kind")
    if kind_name is None:
        problems.add(f"Regel ohne kind (eines von {', '.join(KINDS)})", *where)
        return None
    kind = KINDS.get(kind_name)
    if kind is None:
        problems.add(f"unbekannte Regelart {kind_name!r} (eine von {', '.join(KINDS)})",
                     *where, "kind")
        return None
    ok = True
    known = {f.name for f in kind.fields}
    for name in raw:
        if name != "kind" and name not in known:
            problems.add(f"unbekanntes Feld {name!r} für die Regelart {kind_name!r} "
                         f"(erlaubt: {', '.join(sorted(known))})", *where, name)
            ok = False
    for spec in kind.fields:
        if spec.name not in raw:
            if spec.required:
                problems.add(f"der Regelart {kind_name!r} fehlt das Feld {spec.name!r} "
                             f"({', '.join(f.name for f in kind.fields if f.required)})",
                             *where)
                ok = False
            continue
        problem = spec.check(raw[spec.name])
        if problem:
            problems.add(problem, *where, spec.name)
            ok = False
    if not ok:
        return None
    rule = Rule.of(kind_name, **{k: v for k, v in raw.items() if k != "kind"})
    if kind.check is not None:
        problem = kind.check(rule)
        if problem:
            problems.add(problem, *where)
            return None
    return rule


def _int_field(data: Mapping[str, Any], name: str, problems: Problems, *, lo: int, hi: int,
               what: str = "Tage") -> int | None:
    value = data.get(name)
    if not _is_int(value) or not lo <= value <= hi:
        problems.add(f"ungültiger Wert {value!r} für {name} ({what}, eine ganze Zahl "
                     f"von {lo} bis {hi})", name)
        return None
    return int(value)


def _names(data: Mapping[str, Any], problems: Problems) -> dict[str, str]:
    raw = data.get("names")
    if not isinstance(raw, Mapping):
        problems.add(f"ungültige names {raw!r} (je eine Zeile für "
                     f"{', '.join(LANGUAGES)})", "names")
        return {}
    names: dict[str, str] = {}
    for lang in LANGUAGES:
        value = raw.get(lang)
        if not isinstance(value, str) or not value.strip():
            problems.add(f"Sprache {lang!r} fehlt in names (ein Name in jeder Sprache: "
                         f"{', '.join(LANGUAGES)})", "names", lang)
        else:
            names[lang] = value.strip()
    for lang in raw:
        if lang not in LANGUAGES:
            problems.add(f"unbekannte Sprache {lang!r} in names ("
                         f"{', '.join(LANGUAGES)})", "names", lang)
    return names


def _confirmed(data: Mapping[str, Any], problems: Problems) -> tuple[Confirmed, ...]:
    raw = data.get("confirmed")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("ungültiges confirmed (eine Liste mit Einträgen "
                     "{start: JJJJ-MM-TT, source: …})", "confirmed")
        return ()
    entries: list[Confirmed] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            problems.add(f"ungültiger Eintrag {item!r} in confirmed (start: JJJJ-MM-TT "
                         "und source: Text)", "confirmed", i)
            continue
        start = _parse_date(item.get("start"))
        if start is None:
            problems.add(f"ungültiges Datum {item.get('start')!r} in confirmed "
                         "(ein existierendes Datum JJJJ-MM-TT)", "confirmed", i, "start")
        elif not CONFIRMED_YEARS[0] <= start.year <= CONFIRMED_YEARS[1]:
            problems.add(f"Jahr {start.year} im bestätigten Datum {start} liegt außerhalb des "
                         f"Kalenders (erwartet: ein Jahr {CONFIRMED_YEARS[0]}–"
                         f"{CONFIRMED_YEARS[1]})", "confirmed", i, "start")
            start = None
        source = item.get("source")
        if not isinstance(source, str) or not source.strip():
            problems.add("Eintrag in confirmed ohne source (wer das Datum angekündigt "
                         "oder veröffentlicht hat)", "confirmed", i, "source")
        for extra in item:
            if extra not in ("start", "source"):
                problems.add(f"unbekanntes Feld {extra!r} in confirmed (erlaubt: start, source)",
                             "confirmed", i, extra)
        if start is not None and isinstance(source, str) and source.strip():
            entries.append(Confirmed(start, source.strip(), problems.fm.line_of("confirmed", i)))
    return tuple(entries)


def _variants(data: Mapping[str, Any], problems: Problems) -> tuple[Variant, ...]:
    raw = data.get("variants")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("ungültiges variants (eine Liste mit Einträgen {rule: …, who: …})",
                     "variants")
        return ()
    found: list[Variant] = []
    allowed = ("rule", "who", "from_year", "until_year", "duration")
    for i, item in problems.entries(raw, "variants", allowed, "rule und who", ", ".join(allowed)):
        rule = _rule(item.get("rule"), problems, "variants", i, "rule")
        who = item.get("who")
        if not isinstance(who, str) or not who.strip():
            problems.add("Eintrag in variants ohne who (die Tradition, die dieses Datum "
                         "feiert)", "variants", i)
            who = None
        years: dict[str, int | None] = {}
        for name in ("from_year", "until_year"):
            value = item.get(name)
            if value is not None and not (_is_int(value) and 1900 <= value <= 2100):
                problems.add(f"ungültiger Wert {value!r} für {name} (ein Jahr von 1900 bis "
                             "2100)", "variants", i, name)
                value = None
            years[name] = value
        duration = item.get("duration")
        if duration is not None and not (_is_int(duration) and 1 <= duration <= 60):
            problems.add(f"ungültiger Wert {duration!r} für duration (Tage, eine ganze "
                         "Zahl von 1 bis 60)", "variants", i, "duration")
            duration = None
        if rule is not None and who is not None:
            found.append(Variant(rule, who.strip(), years["from_year"], years["until_year"],
                                 duration))
    return tuple(found)


def _check_confirmed_fit(holiday: Holiday, problems: Problems) -> None:
    """A confirmed date must lie near the rule's date of its occurrence (the engine's matcher,
    :func:`~inka_engine.engine.place_confirmed`), one per occurrence."""
    seen: dict[int, Confirmed] = {}
    for entry in holiday.confirmed:
        place = place_confirmed(holiday.rule, holiday.variance_days, entry.start)
        if place.too_far:
            problems.at(entry.line,
                        f"bestätigtes Datum {entry.start} liegt {place.distance} Tage vom Datum "
                        f"der Regel {place.rule_date} entfernt (höchstens variance_days + "
                        f"{CONFIRM_SLACK_DAYS} = {place.window} Tage)")
            continue
        if place.cycle in seen:
            problems.at(entry.line, f"zweites bestätigtes Datum {entry.start} für den Termin "
                        f"vom {seen[place.cycle].start} (ein bestätigtes Datum je Termin)")
        seen[place.cycle] = entry


def load_holiday(path: Path) -> tuple[Holiday | None, list[ContentError]]:
    """Read one holiday file; returns the holiday (None if unusable) and its problems."""
    try:
        fm = read_front_matter(path)
    except ContentErrors as unreadable:
        return None, unreadable.errors
    problems = Problems(fm.path, fm)
    data = fm.data
    if not isinstance(data, Mapping):
        problems.add("Kopfbereich ist keine Liste von Feldern (Zeilen 'feld: wert')")
        return None, problems.errors
    for name in REQUIRED:
        if name not in data:
            problems.add(f"Pflichtfeld {name!r} fehlt ({', '.join(REQUIRED)})")
    folder = path.parent.name
    stem = path.name[: -len(".md")] if path.name.endswith(".md") else path.stem
    if folder not in COMMUNITIES:
        problems.add(f"unbekannter Gemeinschaftsordner {folder!r} (einer von "
                     f"{', '.join(COMMUNITIES)})")
    community = data.get("community")
    if "community" in data:
        if community not in COMMUNITIES:
            problems.add(f"unbekannte Gemeinschaft {community!r} (eine von "
                         f"{', '.join(COMMUNITIES)})", "community")
        elif community != folder:
            problems.add(f"community {community!r} passt nicht zum Ordner {folder!r} "
                         f"(community: {folder})", "community")
    key = data.get("key")
    if "key" in data and key != stem:
        problems.add(f"key {key!r} passt nicht zum Dateinamen {path.name!r} "
                     f"(key: {stem})", "key")
    title = data.get("title")
    if "title" in data and (not isinstance(title, str) or not title.strip()):
        problems.add(f"ungültiger title {title!r} (der deutsche Name)", "title")
    lang = data.get("lang", DEFAULT_LANGUAGE)
    if lang != DEFAULT_LANGUAGE:
        problems.add(f"ungültige lang {lang!r} (de – die deutsche Originaldatei)",
                     "lang")
    names = _names(data, problems) if "names" in data else {}
    rule = _rule(data["rule"], problems, "rule") if "rule" in data else None
    duration = _int_field(data, "duration", problems, lo=1, hi=60) if "duration" in data else None
    begins = data.get("begins")
    if "begins" in data and begins not in BEGINS:
        problems.add(f"ungültiger Wert {begins!r} für begins ({', '.join(BEGINS)})",
                     "begins")
    variance = (_int_field(data, "variance_days", problems, lo=0, hi=30)
                if "variance_days" in data else None)
    native = None
    raw_native = data.get("native")
    if raw_native is not None:
        if (isinstance(raw_native, Mapping) and isinstance(raw_native.get("text"), str)
                and isinstance(raw_native.get("lang"), str)):
            native = Native(raw_native["text"], raw_native["lang"])
        else:
            problems.add("ungültiges native (text: … und lang: Sprachkürzel nach BCP 47)",
                         "native")
    summary = data.get("summary", "")
    if not isinstance(summary, str):
        problems.add(f"ungültige summary {summary!r} (einfacher Text)", "summary")
        summary = ""
    confirmed = _confirmed(data, problems)
    variants = _variants(data, problems)
    night = data.get("night", False)
    if not isinstance(night, bool):
        problems.add(f"invalid night {night!r} (expected true or false)", "night")
        night = False
    if night and begins != "evening-before":
        problems.add("night: true needs begins: evening-before (the night is the evening "
                     "before the date)", "night")
    since = data.get("since")
    if since is not None and not (_is_int(since) and 1 <= since <= 2100):
        problems.add(f"invalid since {since!r} (expected the year the holiday began, "
                     "e.g. 1951)", "since")
        since = None
    if problems.errors or rule is None or duration is None or variance is None:
        return None, problems.errors
    holiday = Holiday(
        community=str(community), key=str(key), title=str(title).strip(), names=names,
        rule=rule, duration=duration, begins=str(begins), variance_days=variance,
        confirmed=confirmed, variants=variants, summary=summary.strip(), native=native,
        lang=str(lang), body=fm.body, path=path, night=night, since=since,
    )
    _check_confirmed_fit(holiday, problems)
    return (None if problems.errors else holiday), problems.errors


def collect_holidays(content_dir: Path) -> tuple[list[Holiday], list[ContentError]]:
    """Load every holiday under ``content_dir`` (``content/inka``) with its translations
    (``<key>.<lang>.md``); never raises for content. Returns the holidays that loaded cleanly
    and the problems of all files."""
    content_dir = Path(content_dir)
    holidays: list[Holiday] = []
    errors: list[ContentError] = []
    if not content_dir.is_dir():
        return [], [ContentError(content_dir, 0, "Ordner der Feiertage nicht gefunden ("
                                                "Dateien content/inka/<gemeinschaft>/<key>.md)")]
    translation_files: list[Path] = []
    for path in sorted(content_dir.glob("*/*.md")):
        if is_translation(path):
            translation_files.append(path)
            continue
        holiday, problems = load_holiday(path)
        errors.extend(problems)
        if holiday is not None:
            holidays.append(holiday)
    for path in sorted(p for p in content_dir.glob("*.md")):
        errors.append(ContentError(path, 1, "Feiertagsdatei außerhalb eines Gemeinschaftsordners "
                                            "(content/inka/<gemeinschaft>/<key>.md)"))
    holidays, problems = attach_translations(holidays, translation_files)
    errors.extend(problems)
    return holidays, errors


def load_holidays(content_dir: Path) -> list[Holiday]:
    """Load every holiday; raises :class:`ContentErrors` listing all problems of all files."""
    holidays, errors = collect_holidays(content_dir)
    if errors:
        raise ContentErrors(errors)
    return holidays
