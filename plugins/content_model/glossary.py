"""The glossary of one language, ``theme/translations/<lang>/glossary.yaml`` (binding terms and
news tag labels; format: docs/redaktion.md "Übersetzungen"). Loading checks its shape and
reports every mistake as ``path:line``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from content_core.errors import ContentError, ContentErrors
from content_core.frontmatter import KeyPath, line_of, load_yaml

FILE = "glossary.yaml"
TERM_FIELDS = {"de", "use", "avoid", "note"}
EXAMPLE = ('terms:\n  - de: "Integrationsrat"\n    use: "…"\n    avoid: ["…"]\n    note: "…"\n'
           'tags:\n  Einbürgerung: "…"')


@dataclass(frozen=True)
class Term:
    de: str
    use: str
    avoid: tuple[str, ...]
    line: int  # of the term's entry
    avoid_lines: tuple[int, ...] = ()


@dataclass
class Glossary:
    lang: str
    path: str  # as shown to editors
    terms: list[Term] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)  # German tag key → label


def glossary_path(translations_root: Path, lang: str) -> Path:
    return translations_root / lang / FILE


def avoid_pattern(term: str) -> re.Pattern[str]:
    """``term`` as a whole word (Unicode word boundaries), any case, any whitespace inside."""
    words = [re.escape(part) for part in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


class _Shape:
    def __init__(self, shown: str, lines: dict[KeyPath, int]) -> None:
        self.shown, self.lines, self.errors = shown, lines, []  # type: list[ContentError]

    def line(self, *keys: str | int) -> int:
        return line_of(self.lines, *keys)

    def add(self, keys: tuple[str | int, ...], message: str, expected: str) -> None:
        self.errors.append(ContentError(self.shown, self.line(*keys), message, expected))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _term(shape: _Shape, index: int, raw: Any) -> Term | None:
    where = ("terms", index)
    if not isinstance(raw, dict):
        shape.add(where, f"Eintrag {index + 1} in 'terms' ist kein Begriff",
                  "Zeilen '- de: …', 'use: …', 'avoid: […]', 'note: …'")
        return None
    for key in raw:
        if key not in TERM_FIELDS:
            shape.add((*where, key), f"unbekanntes Feld '{key}' in einem Begriff",
                      "erlaubt: " + ", ".join(sorted(TERM_FIELDS)))
    ok = True
    for key in ("de", "use"):
        if key not in raw:
            shape.add(where, f"Begriff ohne '{key}'", f"eine Zeile '{key}: \"…\"'")
            ok = False
        elif not _text(raw[key]):
            shape.add((*where, key), f"'{key}' muss ein Text sein", "nicht leer")
            ok = False
    if "note" in raw and not isinstance(raw["note"], str):
        shape.add((*where, "note"), "'note' muss ein Text sein", "eine Zeile Erklärung")
    avoid = raw.get("avoid", [])
    if not isinstance(avoid, list):
        shape.add((*where, "avoid"), "'avoid' muss eine Liste sein",
                  "avoid: [\"falsches Wort\"] oder avoid: []")
        avoid = []
    good: list[str] = []
    lines: list[int] = []
    for number, item in enumerate(avoid):
        if not _text(item):
            shape.add((*where, "avoid", number), f"'avoid' enthält {item!r}",
                      "nur nicht-leere Texte in Anführungszeichen")
        else:
            good.append(item.strip())
            lines.append(shape.line(*where, "avoid", number))
    if not ok:
        return None
    return Term(raw["de"].strip(), raw["use"].strip(), tuple(good), shape.line(*where),
                tuple(lines))


def parse_glossary(text: str, shown: str, lang: str) -> tuple[Glossary, list[ContentError]]:
    """The glossary and every problem of its shape (a usable part is returned even then)."""
    glossary = Glossary(lang, shown)
    try:
        data, lines = load_yaml(text, shown)
    except ContentErrors as exc:
        return glossary, list(exc.errors)
    shape = _Shape(shown, lines)
    if not isinstance(data, dict):
        shape.add((), "Glossar ist keine Liste von Feldern", "die Felder 'terms:' und 'tags:'\n"
                  + EXAMPLE)
        return glossary, shape.errors
    for key in data:
        if key not in ("terms", "tags"):
            shape.add((key,), f"unbekanntes Feld '{key}'", "erlaubt: terms, tags")
    terms = data.get("terms")
    if not isinstance(terms, list):
        shape.add(("terms",), "'terms' fehlt oder ist keine Liste",
                  "terms: mit Einträgen '- de: …'")
        terms = []
    for index, raw in enumerate(terms):
        term = _term(shape, index, raw)
        if term is not None:
            glossary.terms.append(term)
    tags = data.get("tags", {})
    if not isinstance(tags, dict):
        shape.add(("tags",), "'tags' muss eingerückte Zeilen 'Schlüssel: Bezeichnung' haben",
                  "z. B. '  Einbürgerung: \"…\"'")
        tags = {}
    for key, label in tags.items():
        if not _text(label):
            shape.add(("tags", key), f"Bezeichnung des Themas {key!r} fehlt",
                      f"'{key}: \"Bezeichnung in dieser Sprache\"'")
        else:
            glossary.tags[str(key)] = label.strip()
    _self_check(glossary, shape)
    return glossary, sorted(shape.errors)


def _self_check(glossary: Glossary, shape: _Shape) -> None:
    """An ``avoid`` entry must never match a correct term of the same glossary."""
    for term in glossary.terms:
        for wrong, line in zip(term.avoid, term.avoid_lines, strict=True):
            pattern = avoid_pattern(wrong)
            for other in glossary.terms:
                if pattern.search(other.use):
                    shape.errors.append(ContentError(
                        shape.shown, line, f"'avoid' {wrong!r} trifft auch den richtigen "
                        f"Begriff {other.use!r}",
                        "nur ganze falsche Wörter, die in keinem richtigen Text vorkommen"))


@cache
def _load(path: Path, mtime: float, shown: str, lang: str,
          ) -> tuple[Glossary, tuple[ContentError, ...]]:
    del mtime  # part of the cache key only
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Glossary(lang, shown), (ContentError(shown, 1, "Datei ist nicht in UTF-8 "
                                                    "gespeichert", "als UTF-8 speichern"),)
    glossary, errors = parse_glossary(text, shown, lang)
    return glossary, tuple(errors)


def load_glossary(translations_root: Path, lang: str, shown: str | None = None,
                  ) -> tuple[Glossary | None, list[ContentError]]:
    """The glossary of ``lang`` (None when the language has none yet) and its problems."""
    path = glossary_path(translations_root, lang)
    shown = shown or f"theme/translations/{lang}/{FILE}"
    if not path.is_file():
        return None, []
    glossary, errors = _load(path.resolve(), path.stat().st_mtime, shown, lang)
    return glossary, list(errors)
