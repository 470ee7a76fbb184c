"""Find headings, links and images in a Markdown body, each with its line in the file.

Uses markdown-it-py (CommonMark) only to *find* things: code blocks and code spans are skipped,
reference links are resolved. Python-Markdown still renders the site.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from markdown_it import MarkdownIt

_HTML_TAG = re.compile(r"<(a|img)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(href|src|alt)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


class Heading(NamedTuple):
    line: int
    level: int
    text: str


class Link(NamedTuple):
    line: int
    target: str
    image: bool = False
    alt: str | None = None  # images only: None when an HTML <img> has no alt at all


class Scan(NamedTuple):
    headings: list[Heading]
    links: list[Link]


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.normalizeLink = lambda url: url  # keep targets as written ({filename}, umlauts)
    return md


def _line_of(lines: list[str], first: int, last: int, needle: str, cursor: dict[str, int]) -> int:
    """0-based line in [first, last) that contains ``needle``, after the previous find of it."""
    start = max(first, cursor.get(needle, first))
    for index in range(start, last):
        if needle in lines[index]:
            cursor[needle] = index + 1 if index + 1 < last else index
            return index
    return first


def _html_links(html: str) -> list[Link]:
    found: list[Link] = []
    for tag in _HTML_TAG.finditer(html):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[2:] if g is not None)
                 for m in _ATTR.finditer(tag.group(0))}
        if tag.group(1).lower() == "a" and "href" in attrs:
            found.append(Link(0, attrs["href"]))
        elif tag.group(1).lower() == "img":
            found.append(Link(0, attrs.get("src", ""), image=True, alt=attrs.get("alt")))
    return found


def _alt(token: Any) -> str:
    return "".join(child.content for child in token.children or [])


@lru_cache(maxsize=4096)  # the same bodies again: preview rebuilds, tests
def scan(body: str, body_line: int) -> Scan:
    """Headings and links of ``body``; ``body_line`` is the file line of the body's first line."""
    lines = body.split("\n")
    tokens = _parser().parse(body)
    headings: list[Heading] = []
    links: list[Link] = []
    cursor: dict[str, int] = {}

    def at(index: int) -> int:
        return body_line + index

    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            text = tokens[i + 1].content if i + 1 < len(tokens) else ""
            headings.append(Heading(at(token.map[0]), int(token.tag[1]), text))
        elif token.type == "html_block" and token.map:
            for link in _html_links(token.content):
                line = _line_of(lines, token.map[0], token.map[1], link.target, cursor)
                links.append(Link(at(line), link.target, link.image, link.alt))
        elif token.type == "inline" and token.map:
            first, last = token.map
            for child in token.children or []:
                found: list[Link] = []
                if child.type == "link_open":
                    found = [Link(0, str(child.attrs.get("href", "")))]
                elif child.type == "image":
                    found = [Link(0, str(child.attrs.get("src", "")), image=True,
                                  alt=_alt(child))]
                elif child.type == "html_inline":
                    found = _html_links(child.content)
                for link in found:
                    line = _line_of(lines, first, last, link.target or "](", cursor)
                    links.append(Link(at(line), link.target, link.image, link.alt))
    return Scan(headings, links)
