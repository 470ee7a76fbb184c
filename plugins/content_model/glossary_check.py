"""``invoke check``: the known wrong terms (``avoid``) of each language's glossary in that
language's texts: content files ``*.<lang>.md`` (holiday translations included), the holiday
names ``names: <lang>:`` of the German holiday files, and the msgstr of its UI catalogue."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path

from content_core.errors import ContentError, ContentErrors
from content_core.frontmatter import FrontMatter, parse_front_matter
from content_model.files import ignored
from content_model.glossary import Glossary, avoid_pattern, load_glossary

_PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
# Placeholders of a catalogue string (``%(computed)s``, ``{day}``) are code, not words: masked
# with spaces of the same length so offsets and line numbers stay right.
_PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sdif]|\{[A-Za-z_]\w*\}")


class Finder:
    """All ``avoid`` terms of one glossary in one pattern; which term matched, and its ``use``."""

    def __init__(self, glossary: Glossary) -> None:
        self.entries = [(avoid_pattern(wrong), term.use) for term in glossary.terms
                        for wrong in term.avoid]
        words = sorted({wrong for term in glossary.terms for wrong in term.avoid},
                       key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
        self.pattern = (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
                        if words else None)

    def find(self, text: str) -> Iterator[tuple[int, str, str]]:
        """(offset, text as found, the right term) of every wrong term in ``text``."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            found = match.group(0)
            use = next((u for pattern, u in self.entries if pattern.fullmatch(found)), "")
            yield match.start(), " ".join(found.split()), use


def _problem(shown: str, line: int, found: str, use: str) -> ContentError:
    return ContentError(shown, line, f"falscher Begriff '{found}'", f"richtig: '{use}'")


def _in_text(finder: Finder, text: str, shown: str, first_line: int = 1) -> list[ContentError]:
    return [_problem(shown, first_line + text.count("\n", 0, offset), found, use)
            for offset, found, use in finder.find(text)]


def _po_strings(text: str) -> Iterator[tuple[str, list[int], list[int]]]:
    """Each msgstr of a .po file: its text, and the (offset, line) where each piece starts."""
    pieces: list[tuple[int, str]] = []

    def flush() -> Iterator[tuple[str, list[int], list[int]]]:
        if pieces:
            offsets, lines, joined = [], [], ""
            for line, piece in pieces:
                offsets.append(len(joined))
                lines.append(line)
                joined += piece
            yield joined, offsets, lines
        pieces.clear()

    in_msgstr = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("msgstr"):
            yield from flush()
            in_msgstr = True
            line = line.split(None, 1)[1] if " " in line else '""'
        elif not (in_msgstr and line.startswith('"')):
            yield from flush()
            in_msgstr = False
            continue
        literal = line[1:-1] if len(line) >= 2 and line.startswith('"') else ""
        pieces.append((number, re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1),
                                                                         m.group(1)), literal)))
    yield from flush()


def _in_po(finder: Finder, path: Path, shown: str) -> list[ContentError]:
    problems: list[ContentError] = []
    for text, offsets, lines in _po_strings(path.read_text(encoding="utf-8", errors="replace")):
        masked = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
        for offset, found, use in finder.find(masked):
            line = lines[bisect.bisect_right(offsets, offset) - 1]
            problems.append(_problem(shown, line, found, use))
    return problems


def holiday_originals(content_root: Path) -> list[FrontMatter]:
    """The front matter of every German holiday file (translations ``<key>.<lang>.md`` left out;
    broken files are the holiday loader's to report)."""
    found: list[FrontMatter] = []
    for path in sorted((content_root / "inka").glob("*/*.md")):
        if path.name.count(".") != 1:
            continue
        shown = "content/" + path.relative_to(content_root).as_posix()
        try:
            found.append(parse_front_matter(path.read_text(encoding="utf-8"), shown))
        except (ContentErrors, UnicodeDecodeError):
            continue
    return found


def _holiday_names(finder: Finder, holidays: list[FrontMatter], lang: str) -> list[ContentError]:
    problems: list[ContentError] = []
    for fm in holidays:
        names = fm.data.get("names")
        name = names.get(lang) if isinstance(names, dict) else None
        if isinstance(name, str):
            line = fm.line_of("names", lang)
            problems += [_problem(fm.path, line, found, use)
                         for _o, found, use in finder.find(name)]
    return problems


def check_glossaries(content_root: Path, translations_root: Path, languages: tuple[str, ...],
                     holidays: list[FrontMatter] | None = None,
                     ) -> tuple[dict[str, Glossary], list[ContentError]]:
    """Each language's glossary (where there is one), its shape errors and every wrong term.

    ``holidays``: the German holiday files' front matter, if already read."""
    glossaries: dict[str, Glossary] = {}
    if holidays is None:
        holidays = holiday_originals(content_root)
    problems: list[ContentError] = []
    for lang in languages:
        glossary, errors = load_glossary(translations_root, lang)
        problems += errors
        if glossary is None:
            continue
        glossaries[lang] = glossary
        finder = Finder(glossary)
        if finder.pattern is None:
            continue
        for path in sorted(content_root.rglob(f"*.{lang}.md")):
            if ignored(path.name):
                continue
            shown = "content/" + path.relative_to(content_root).as_posix()
            problems += _in_text(finder, path.read_text(encoding="utf-8", errors="replace"),
                                 shown)
        problems += _holiday_names(finder, holidays, lang)
        po = translations_root / lang / "LC_MESSAGES" / "messages.po"
        if po.is_file():
            problems += _in_po(finder, po, f"theme/translations/{lang}/LC_MESSAGES/messages.po")
    return glossaries, problems
