"""Load ``content/inka/<community>/<key>.md`` into :class:`Holiday` objects, reporting every
content problem of every file as ``path:line: what is wrong (what was expected)``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .constants import BEGINS, COMMUNITIES, CONFIRM_SLACK_DAYS, LANGUAGES
from .engine import _computed
from .errors import ContentError, ContentErrors
from .frontmatter import FrontMatter, read_front_matter
from .model import Confirmed, Holiday, Native, Rule, Variant
from .rules import KINDS, cycle_of

log = logging.getLogger("inka_engine")

#: Years a ``confirmed:`` date may have: the years the rule kinds compute, with a margin.
CONFIRMED_YEARS = (1800, 2200)
REQUIRED = ("title", "key", "community", "names", "rule", "duration", "begins", "variance_days")


class _Problems:
    def __init__(self, fm: FrontMatter) -> None:
        self.fm = fm
        self.errors: list[ContentError] = []

    def add(self, message: str, *where: str | int) -> None:
        self.errors.append(self.fm.error(message, *where))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _rule(raw: Any, problems: _Problems, *where: str | int) -> Rule | None:
    if not isinstance(raw, Mapping):
        problems.add(f"invalid rule {raw!r} (expected a mapping with 'kind' and its fields)",
                     *where)
        return None
    kind_name = raw.get("kind")
    if kind_name is None:
        problems.add(f"rule has no 'kind' (expected one of: {', '.join(KINDS)})", *where)
        return None
    kind = KINDS.get(kind_name)
    if kind is None:
        problems.add(f"unknown rule kind {kind_name!r} (expected one of: {', '.join(KINDS)})",
                     *where, "kind")
        return None
    ok = True
    known = {f.name for f in kind.fields}
    for name in raw:
        if name != "kind" and name not in known:
            problems.add(f"unknown field {name!r} for rule kind {kind_name!r} "
                         f"(expected: {', '.join(sorted(known))})", *where, name)
            ok = False
    for spec in kind.fields:
        if spec.name not in raw:
            if spec.required:
                problems.add(f"rule kind {kind_name!r} needs field {spec.name!r} "
                             f"(expected: {', '.join(f.name for f in kind.fields if f.required)})",
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


def _int_field(data: Mapping[str, Any], name: str, problems: _Problems, *, lo: int, hi: int,
               what: str = "days") -> int | None:
    value = data.get(name)
    if not _is_int(value) or not lo <= value <= hi:
        problems.add(f"invalid {name} {value!r} (expected {what}, a whole number {lo}–{hi})",
                     name)
        return None
    return int(value)


def _names(data: Mapping[str, Any], problems: _Problems) -> dict[str, str]:
    raw = data.get("names")
    if not isinstance(raw, Mapping):
        problems.add(f"invalid names {raw!r} (expected a mapping with {', '.join(LANGUAGES)})",
                     "names")
        return {}
    names: dict[str, str] = {}
    for lang in LANGUAGES:
        value = raw.get(lang)
        if not isinstance(value, str) or not value.strip():
            problems.add(f"missing language {lang!r} in names (expected a name in each of: "
                         f"{', '.join(LANGUAGES)})", "names", lang)
        else:
            names[lang] = value.strip()
    for lang in raw:
        if lang not in LANGUAGES:
            problems.add(f"unknown language {lang!r} in names (expected: {', '.join(LANGUAGES)})",
                         "names", lang)
    return names


def _confirmed(data: Mapping[str, Any], problems: _Problems) -> tuple[Confirmed, ...]:
    raw = data.get("confirmed")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("invalid confirmed (expected a list of {start: YYYY-MM-DD, source: ...})",
                     "confirmed")
        return ()
    entries: list[Confirmed] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            problems.add(f"invalid confirmed entry {item!r} (expected start: YYYY-MM-DD and "
                         "source: text)", "confirmed", i)
            continue
        start = _parse_date(item.get("start"))
        if start is None:
            problems.add(f"invalid date {item.get('start')!r} in confirmed "
                         "(expected an existing date YYYY-MM-DD)", "confirmed", i, "start")
        elif not CONFIRMED_YEARS[0] <= start.year <= CONFIRMED_YEARS[1]:
            problems.add(f"Jahr {start.year} im bestätigten Datum {start} liegt außerhalb des "
                         f"Kalenders (erwartet: ein Jahr {CONFIRMED_YEARS[0]}–"
                         f"{CONFIRMED_YEARS[1]})", "confirmed", i, "start")
            start = None
        source = item.get("source")
        if not isinstance(source, str) or not source.strip():
            problems.add("confirmed entry without source (expected who announced or published "
                         "the date)", "confirmed", i, "source")
        for extra in item:
            if extra not in ("start", "source"):
                problems.add(f"unknown field {extra!r} in confirmed (expected start, source)",
                             "confirmed", i, extra)
        if start is not None and isinstance(source, str) and source.strip():
            entries.append(Confirmed(start, source.strip(), problems.fm.line("confirmed", i)))
    return tuple(entries)


def _variants(data: Mapping[str, Any], problems: _Problems) -> tuple[Variant, ...]:
    raw = data.get("variants")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("invalid variants (expected a list of {rule: ..., who: ...})", "variants")
        return ()
    found: list[Variant] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            problems.add(f"invalid variant {item!r} (expected rule and who)", "variants", i)
            continue
        for extra in item:
            if extra not in ("rule", "who", "from_year", "until_year", "duration"):
                problems.add(f"unknown field {extra!r} in variant (expected rule, who, "
                             "from_year, until_year, duration)", "variants", i, extra)
        rule = _rule(item.get("rule"), problems, "variants", i, "rule")
        who = item.get("who")
        if not isinstance(who, str) or not who.strip():
            problems.add("variant without who (expected the tradition that uses this date)",
                         "variants", i)
            who = None
        years: dict[str, int | None] = {}
        for name in ("from_year", "until_year"):
            value = item.get(name)
            if value is not None and not (_is_int(value) and 1900 <= value <= 2100):
                problems.add(f"invalid {name} {value!r} (expected a year 1900–2100)",
                             "variants", i, name)
                value = None
            years[name] = value
        duration = item.get("duration")
        if duration is not None and not (_is_int(duration) and 1 <= duration <= 60):
            problems.add(f"invalid duration {duration!r} (expected days, 1–60)",
                         "variants", i, "duration")
            duration = None
        if rule is not None and who is not None:
            found.append(Variant(rule, who.strip(), years["from_year"], years["until_year"],
                                 duration))
    return tuple(found)


def _check_confirmed_fit(holiday: Holiday, problems: _Problems) -> None:
    """A confirmed date must lie near the rule's date of its occurrence."""
    window = holiday.variance_days + CONFIRM_SLACK_DAYS
    kind = KINDS[holiday.rule.kind]
    seen: dict[int, Confirmed] = {}
    for entry in holiday.confirmed:
        computed = _computed(holiday.rule, entry.start - timedelta(90),
                             entry.start + timedelta(90))
        near = min(computed.items(), key=lambda it: abs((it[1].start - entry.start).days),
                   default=None)
        if near is not None and abs((near[1].start - entry.start).days) <= window:
            number = near[0]
        else:
            number = cycle_of(kind, entry.start)
            if number in computed:
                distance = abs((computed[number].start - entry.start).days)
                problems.errors.append(ContentError(
                    problems.fm.path, entry.line,
                    f"confirmed date {entry.start} is {distance} days from the rule's date "
                    f"{computed[number].start} (expected within variance_days + "
                    f"{CONFIRM_SLACK_DAYS} = {window} days)"))
                continue
        if number in seen:
            problems.errors.append(ContentError(
                problems.fm.path, entry.line,
                f"second confirmed date {entry.start} for the occurrence of {seen[number].start} "
                "(expected one confirmed date per occurrence)"))
        seen[number] = entry


def load_holiday(path: Path) -> tuple[Holiday | None, list[ContentError]]:
    """Read one holiday file; returns the holiday (None if unusable) and its problems."""
    try:
        fm = read_front_matter(path)
    except ContentError as error:
        return None, [error]
    problems = _Problems(fm)
    data = fm.data
    if not isinstance(data, Mapping):
        problems.add("front matter is not a mapping (expected 'field: value' lines)")
        return None, problems.errors
    for name in REQUIRED:
        if name not in data:
            problems.add(f"missing field {name!r} (expected: {', '.join(REQUIRED)})")
    folder = path.parent.name
    stem = path.name[: -len(".md")] if path.name.endswith(".md") else path.stem
    if folder not in COMMUNITIES:
        problems.add(f"unknown community folder {folder!r} (expected one of: "
                     f"{', '.join(COMMUNITIES)})")
    community = data.get("community")
    if "community" in data:
        if community not in COMMUNITIES:
            problems.add(f"unknown community {community!r} (expected one of: "
                         f"{', '.join(COMMUNITIES)})", "community")
        elif community != folder:
            problems.add(f"community {community!r} does not match the folder {folder!r} "
                         f"(expected community: {folder})", "community")
    key = data.get("key")
    if "key" in data and key != stem:
        problems.add(f"key {key!r} does not match the file name {path.name!r} "
                     f"(expected key: {stem})", "key")
    title = data.get("title")
    if "title" in data and (not isinstance(title, str) or not title.strip()):
        problems.add(f"invalid title {title!r} (expected the German display name)", "title")
    lang = data.get("lang", "de")
    if lang not in LANGUAGES:
        problems.add(f"invalid lang {lang!r} (expected one of: {', '.join(LANGUAGES)})", "lang")
    names = _names(data, problems) if "names" in data else {}
    rule = _rule(data["rule"], problems, "rule") if "rule" in data else None
    duration = _int_field(data, "duration", problems, lo=1, hi=60) if "duration" in data else None
    begins = data.get("begins")
    if "begins" in data and begins not in BEGINS:
        problems.add(f"invalid begins {begins!r} (expected one of: {', '.join(BEGINS)})",
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
            problems.add("invalid native (expected text: ... and lang: BCP 47 tag)", "native")
    summary = data.get("summary", "")
    if not isinstance(summary, str):
        problems.add(f"invalid summary {summary!r} (expected plain text)", "summary")
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
        lang=str(lang), body=fm.body, path=path, meta=dict(data), night=night, since=since,
    )
    _check_confirmed_fit(holiday, problems)
    return (None if problems.errors else holiday), problems.errors


def _is_translation(path: Path) -> bool:
    parts = path.name.split(".")
    return len(parts) == 3 and parts[1] in LANGUAGES


def collect_holidays(content_dir: Path) -> tuple[list[Holiday], list[ContentError]]:
    """Load every holiday under ``content_dir`` (``content/inka``); never raises for content.

    Translation files ``<key>.<lang>.md`` are skipped here. Returns the holidays that loaded
    cleanly and the problems of all files.
    """
    content_dir = Path(content_dir)
    holidays: list[Holiday] = []
    errors: list[ContentError] = []
    if not content_dir.is_dir():
        return [], [ContentError(content_dir, 0, "holiday folder not found (expected "
                                                "content/inka/<community>/<key>.md files)")]
    for path in sorted(content_dir.glob("*/*.md")):
        if _is_translation(path):
            log.debug("skipping translation %s", path)
            continue
        holiday, problems = load_holiday(path)
        errors.extend(problems)
        if holiday is not None:
            holidays.append(holiday)
    for path in sorted(p for p in content_dir.glob("*.md")):
        errors.append(ContentError(path, 1, "holiday file outside a community folder "
                                            "(expected content/inka/<community>/<key>.md)"))
    return holidays, errors


def load_holidays(content_dir: Path) -> list[Holiday]:
    """Load every holiday; raises :class:`ContentErrors` listing all problems of all files."""
    holidays, errors = collect_holidays(content_dir)
    if errors:
        raise ContentErrors(errors)
    return holidays
