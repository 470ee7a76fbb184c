"""Plain-language measures: sentences of a Markdown body and their length in words."""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_WORDS_EASY = 15  # Leichte Sprache: short sentences (Netzwerk Leichte Sprache, Regeln)

_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
_EMPHASIS = re.compile(r"[*_`]+")
_END = re.compile(r"(?<=[.!?;:])\s+")
_WORD = re.compile(r"\w", re.UNICODE)


def _text_lines(body: str, body_line: int) -> Iterator[tuple[int, str, bool]]:
    """(file line, plain text, starts a new block) of each line outside code blocks, without
    Markdown markup. Headings, list items, quotes and blank lines start a new block."""
    fenced = False
    for offset, raw in enumerate(body.split("\n")):
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced or raw.startswith(("    ", "\t")) or raw.lstrip().startswith("<"):
            continue
        markup = _MARKUP.match(raw)
        text = _EMPHASIS.sub("", _LINK.sub(r"\1", raw[markup.end():] if markup else raw))
        yield body_line + offset, text.strip(), bool(markup) or not raw.strip()


def sentences(body: str, body_line: int) -> Iterator[tuple[int, str]]:
    """(file line where it starts, sentence); the lines of a paragraph are joined."""
    block: list[tuple[int, str]] = []

    def flush() -> Iterator[tuple[int, str]]:
        if not block:
            return
        starts: list[tuple[int, int]] = []  # (offset in the joined text, file line)
        offset = 0
        for line, text in block:
            starts.append((offset, line))
            offset += len(text) + 1
        joined = " ".join(text for _, text in block)
        position = 0
        for sentence in _END.split(joined):
            found = joined.find(sentence, position)
            position = found + len(sentence)
            if sentence.strip():
                yield max(line for off, line in starts if off <= found), sentence.strip()

    for line, text, new_block in _text_lines(body, body_line):
        if new_block:
            yield from flush()
            block = []
        if text:
            block.append((line, text))
    yield from flush()


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def long_sentences(body: str, body_line: int, limit: int = MAX_WORDS_EASY,
                   ) -> list[tuple[int, int, str]]:
    """(line, words, sentence) of every sentence longer than ``limit`` words."""
    return [(line, word_count(s), s) for line, s in sentences(body, body_line)
            if word_count(s) > limit]
