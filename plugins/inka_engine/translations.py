"""Translations of holiday texts: ``content/inka/<community>/<key>.<lang>.md`` beside the German
``<key>.md`` (docs/inka-daten.md). Front matter: ``lang``, ``summary``, optional ``variants``
(only ``who``, same number and order as German), ``translation_reviewed``, ``source_hash``
(written by a tool) and ``name`` (a proposed name; accepted and ignored here). Every mistake
is reported in German as ``path:line: was falsch ist (was erwartet wird)``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from content_core import ContentError, ContentErrors, Problems, read_front_matter

from .constants import DEFAULT_LANGUAGE, LANGUAGES
from .model import Holiday, Translation

FIELDS = ("lang", "summary", "variants", "translation_reviewed", "source_hash", "name")
TARGETS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


def is_translation(path: Path) -> bool:
    """``<key>.<something>.md``: a translation file (its language is checked when loaded)."""
    return path.name.endswith(".md") and "." in path.name[: -len(".md")]


def split_name(path: Path) -> tuple[str, str]:
    """``eid-al-fitr.tr.md`` → (``eid-al-fitr``, ``tr``)."""
    key, _, lang = path.name[: -len(".md")].rpartition(".")
    return key, lang


def _text(data: Mapping[str, Any], name: str, problems: Problems, expected: str) -> str | None:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.add(f"{name} fehlt oder ist leer ({expected})", name)
        return None
    return value.strip()


def _variants(data: Mapping[str, Any], original: Holiday, problems: Problems
              ) -> tuple[str, ...] | None:
    wanted = len(original.variants)
    raw = data.get("variants")
    if raw is None:
        if wanted:
            problems.add(f"variants fehlt (wie in der deutschen Datei {wanted}× '- who: …', "
                         "in derselben Reihenfolge)")
            return None
        return ()
    if not wanted:
        problems.add("variants, aber die deutsche Datei hat keine (variants "
                     "weglassen)", "variants")
        return None
    if not isinstance(raw, list):
        problems.add(f"ungültiges variants (eine Liste: {wanted}× '- who: …')", "variants")
        return None
    if len(raw) != wanted:
        problems.add(f"variants hat {len(raw)} Einträge, die deutsche Datei {wanted} (genauso "
                     "viele, in derselben Reihenfolge)", "variants")
        return None
    found: list[str] = []
    for i, item in problems.entries(raw, "variants", ("who",), "who: …", "nur who; die Regel "
                                    "steht nur in der deutschen Datei"):
        who = item.get("who")
        if not isinstance(who, str) or not who.strip():
            problems.add("Eintrag in variants ohne who (who übersetzt)",
                         "variants", i)
            continue
        found.append(who.strip())
    return tuple(found) if len(found) == wanted else None


def load_translation(path: Path, original: Holiday) -> tuple[Translation | None,
                                                             list[ContentError]]:
    """Read one translation of ``original``; returns it (None if unusable) and its problems."""
    try:
        fm = read_front_matter(path)
    except ContentErrors as unreadable:
        return None, unreadable.errors
    problems = Problems(path, fm)
    data = fm.data
    if not isinstance(data, Mapping):
        problems.add("Kopfbereich ist keine Liste von Feldern (Zeilen 'feld: wert')")
        return None, problems.errors
    _, suffix = split_name(path)
    for name in data:
        if name not in FIELDS:
            problems.add(f"unbekanntes Feld {name!r} in einer Übersetzung (erlaubt: "
                         f"{', '.join(FIELDS)}; alles andere steht nur in der deutschen Datei)",
                         name)
    lang = data.get("lang")
    if "lang" not in data:
        problems.add(f"Pflichtfeld 'lang' fehlt (lang: {suffix})")
    elif lang != suffix:
        problems.add(f"lang {lang!r} passt nicht zum Dateinamen {path.name!r} ("
                     f"lang: {suffix})", "lang")
    summary = _text(data, "summary", problems, "ein oder zwei Sätze, die übersetzte summary")
    variants = _variants(data, original, problems)
    reviewed = data.get("translation_reviewed", False)
    if not isinstance(reviewed, bool):
        problems.add(f"ungültiger Wert {reviewed!r} für translation_reviewed (true "
                     "oder false)", "translation_reviewed")
    source_hash = data.get("source_hash")
    if source_hash is not None and (not isinstance(source_hash, str) or not source_hash.strip()):
        problems.add(f"ungültiger Wert {source_hash!r} für source_hash (den Wert, den "
                     "invoke translations --mark-current schreibt)", "source_hash")
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        problems.add(f"ungültiger Wert {name!r} für name (der vorgeschlagene Name als "
                     "Text)", "name")
    if not fm.body.strip():
        problems.at(fm.body_line, "Erklärung fehlt (unter dem Kopfbereich der "
                                         "ganze deutsche Text, übersetzt)")
    if problems.errors or summary is None or variants is None:
        return None, problems.errors
    return Translation(lang=suffix, summary=summary, body=fm.body, variants=variants,
                       reviewed=bool(reviewed), path=path,
                       source_hash=source_hash.strip() if source_hash else None), []


def attach_translations(holidays: Sequence[Holiday], paths: Iterable[Path]
                        ) -> tuple[list[Holiday], list[ContentError]]:
    """The holidays with their translations from ``paths``, and the problems of those files.

    A translation whose German original exists but has errors is skipped silently (the
    original's errors are reported)."""
    by_file = {h.path.resolve(): h for h in holidays if h.path is not None}
    found: dict[Path, dict[str, Translation]] = {}
    errors: list[ContentError] = []
    for path in sorted(paths):
        key, suffix = split_name(path)
        if suffix not in TARGETS:
            errors.append(ContentError(path, 1, f"unbekannte Sprache {suffix!r} im Dateinamen "
                                                f"(<key>.<sprache>.md mit einer von "
                                                f"{', '.join(TARGETS)})"))
            continue
        german = path.parent / f"{key}.md"
        original = by_file.get(german.resolve())
        if original is None:
            if not german.is_file():
                errors.append(ContentError(
                    path, 1, f"Übersetzung ohne deutsches Original {path.parent.name}/{key}.md "
                             f"(eine Datei content/inka/{path.parent.name}/{key}.md)"))
            continue
        translation, problems = load_translation(path, original)
        errors.extend(problems)
        if translation is not None:
            found.setdefault(german.resolve(), {})[suffix] = translation
    result = [replace(h, translations=found[h.path.resolve()])
              if h.path is not None and h.path.resolve() in found else h for h in holidays]
    return result, errors
