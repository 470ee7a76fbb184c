"""Direction on right-to-left pages (design.md §7 "Direction"), in one place for the whole site.

Every page written in a right-to-left language (``<html dir="rtl">``, Arabic) passes through
:func:`isolate_html` once it is written (Pelican's ``content_written`` signal), whatever made
its text: Markdown content, a translation, the German fallback, a UI string, a holiday name.

- An element whose ``lang`` is a left-to-right language (``lang="de"`` on a German fallback
  block, ``lang="en"`` in the language switcher) gets ``dir="ltr"``, and an element in a
  right-to-left language nested in it gets ``dir="rtl"`` (where they have no ``dir`` yet).
- Inside right-to-left text, every left-to-right run — a Latin or Cyrillic name, a URL, an
  e-mail address, a number with its unit — is wrapped in ``<bdi>`` (runs found by
  :func:`inka_engine.bidi.ltr_runs`, the same rule as the feeds' Unicode isolates).

The rewrite only inserts attributes and ``<bdi>`` elements; everything else stays byte for
byte. Attribute values are not touched (they cannot hold markup).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from inka_engine.bidi import is_rtl, ltr_runs

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]*>", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_ATTR = re.compile(r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
#: Quick test: could this text hold a left-to-right run at all?
_LETTER = re.compile(r"[A-Za-z\u00C0-\u052F\u1E00-\u1EFF]")
_RTL_PAGE = re.compile(r"<html\b[^>]*\bdir=\"rtl\"", re.IGNORECASE)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
#: Text that is not prose: left alone.
RAW = frozenset({"script", "style", "textarea", "template", "title"})


def _attrs(tag: str) -> dict[str, str]:
    found = {}
    for name, value in _ATTR.findall(tag):
        found[name.lower()] = html.unescape(value.strip("\"'")) if value else ""
    return found


def _with_dir(tag: str, direction: str) -> str:
    end = -2 if tag.endswith("/>") else -1
    return f'{tag[:end]} dir="{direction}"{tag[end:]}'


def isolate_text(text: str) -> str:
    """Raw HTML text (between tags) with each left-to-right run in ``<bdi>``."""
    plain = html.unescape(text)
    runs = list(ltr_runs(plain))
    if not runs:
        return text
    parts, last = [], 0
    for start, end in runs:
        parts += [html.escape(plain[last:start], quote=False), "<bdi>",
                  html.escape(plain[start:end], quote=False), "</bdi>"]
        last = end
    parts.append(html.escape(plain[last:], quote=False))
    return "".join(parts)


def isolate_html(page: str) -> str:
    """The page with directions declared and left-to-right runs isolated (see module doc).

    Works on the ``<body>``; the page's own direction is right to left."""
    start = page.find("<body")
    if start < 0:
        return page
    out = [page[:start]]
    # stack of (element name, isolated: text here needs no <bdi>)
    stack: list[tuple[str, bool]] = [("", False)]
    pos = start
    for match in _TOKEN.finditer(page, start):
        text = page[pos:match.start()]
        name_here, isolated = stack[-1]
        if text and not isolated and name_here not in RAW and _LETTER.search(text):
            text = isolate_text(text)
        out.append(text)
        token = match.group()
        pos = match.end()
        tag = _TAG.match(token)
        if tag is None:  # comment, doctype
            out.append(token)
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if closing:
            for i in range(len(stack) - 1, 0, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
            out.append(token)
            continue
        attrs = _attrs(token) if ("lang=" in token or "dir=" in token) else {}
        direction = attrs.get("dir", "").lower()
        if not direction and attrs.get("lang"):
            direction = "rtl" if is_rtl(attrs["lang"]) else "ltr"
            if direction == "rtl" and not stack[-1][1]:
                direction = ""  # already right to left: nothing to declare
            else:
                token = _with_dir(token, direction)
        if name == "bdi" or direction in ("ltr", "auto"):
            here = True
        elif direction == "rtl":
            here = False
        else:
            here = stack[-1][1]
        out.append(token)
        if name not in VOID and not token.endswith("/>"):
            stack.append((name, here))
    out.append(page[pos:])
    return "".join(out)


#: How far into a page its ``<html dir=…>`` is looked for.
_HEAD = 2000


def is_rtl_page(page: str) -> bool:
    return _RTL_PAGE.search(page[:_HEAD]) is not None


def content_written(path: str, context: Any = None) -> None:
    """Pelican's ``content_written``: rewrite right-to-left HTML pages in place."""
    del context
    file = Path(path)
    if file.suffix != ".html":
        return
    with file.open("rb") as written:  # the head says the direction: most pages end here
        if not is_rtl_page(written.read(_HEAD).decode("utf-8", "ignore")):
            return
    page = file.read_text(encoding="utf-8")
    done = isolate_html(page)
    if done != page:
        file.write_text(done, encoding="utf-8")
