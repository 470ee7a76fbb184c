"""One HTML policy for content: what a Markdown body (and raw HTML inside it) may put on a page.

Editors are trusted with text, not with code: a pasted snippet or a taken-over account must not
run script on our origin, send a form elsewhere or navigate readers away. The policy is an
allow-list of elements, attributes and URL schemes (the data below). Two functions use it:

- :func:`clean` enforces it with nh3 (the binding of the Rust ``ammonia`` sanitiser) and marks
  the result safe for Jinja's autoescape: the one place where HTML from content becomes markup;
  (HTML comments are editors' notes: they are removed without a message);
- :func:`problems` finds, in the rendered HTML, each thing ``clean`` would drop, and locates it
  in the Markdown source, so that ``invoke check`` and the build report it with ``path:line``
  instead of losing it silently.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

#: Elements our content and the editors' guide use (docs/redaktion.md), and a few harmless ones.
TAGS = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "ul", "video", "source", "track",
})
_GENERIC = frozenset({"lang", "dir", "title"})
#: Attributes per element ("*" = every element). ``id`` only where Markdown itself writes one
#: (heading anchors, footnotes), so content cannot take the names of the site's own elements.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": _GENERIC,
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "abbr": frozenset({"title"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
    "li": frozenset({"id"}),
    # A self-hosted video (e.g. the DGS video of BITV NRW §4) with captions.
    "video": frozenset({"src", "controls", "width", "height", "poster", "preload"}),
    "source": frozenset({"src", "type"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "sup": frozenset({"id"}),
}
#: Classes Python-Markdown's footnotes write; no other class (content must not dress up as
#: the site's own interface).
CLASSES = {"div": frozenset({"footnote"}), "a": frozenset({"footnote-ref", "footnote-backref"})}
#: Absolute URLs may use these; paths on the site ("/kontakt/", "#abschnitt") always work.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "poster"})
_SCHEME = re.compile(r"^[\x00-\x20]*([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\t\n\r]")


def clean(html: str) -> Markup:
    """``html`` with everything outside the policy removed, as Jinja markup."""
    return Markup(nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    ))


@dataclass(frozen=True)
class Finding:
    """One thing :func:`clean` would drop: ``needle`` is how it looks in the source."""

    message: str
    needle: str
    expected: str


def _scheme(value: str) -> str | None:
    """The URL's scheme as a browser reads it (tabs and line breaks inside are ignored, as the
    URL standard says), None for a path or an anchor on the site (``{filename}/…`` included)."""
    match = _SCHEME.match(_INVISIBLE.sub("", value))
    return match.group(1).lower() if match else None


# What an editor can write instead (the "(was erwartet wird)" of each message).
_ELEMENTS = ("Markdown für Überschriften, Listen, Tabellen, Links und Bilder; kein Script, "
             "kein Formular, keine eingebettete Seite")
_ATTRIBUTE = "ohne dieses Attribut; Aussehen und Verhalten bestimmt die Website"
_URL = "eine Adresse dieser Website wie /kontakt/, https://…, mailto:… oder tel:…"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(Finding(f"HTML-Element <{tag}> ist nicht erlaubt und wird entfernt",
                                      f"<{tag}", _ELEMENTS))
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name == "class" and tag in CLASSES:
                extra = set((value or "").split()) - CLASSES[tag]
                if extra:
                    self.found.append(Finding(
                        f"Klasse {' '.join(sorted(extra))!r} an <{tag}> ist nicht erlaubt",
                        sorted(extra)[0], _ATTRIBUTE))
            elif name not in allowed:
                self.found.append(Finding(
                    f"Attribut {name!r} an <{tag}> ist nicht erlaubt und wird entfernt", name,
                    _ATTRIBUTE))
            elif name in _URL_ATTRIBUTES and value:
                scheme = _scheme(value)
                if scheme is not None and scheme not in URL_SCHEMES:
                    self.found.append(Finding(
                        f"Adresse mit '{scheme}:' ist nicht erlaubt und wird entfernt",
                        value.strip()[:4], _URL))

    handle_startendtag = handle_starttag




def problems(rendered: str, source: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, message, expected) for each thing in ``rendered`` (the HTML of the Markdown ``source``,
    whose first line is file line ``first_line``) that the policy drops."""
    finder = _Finder()
    finder.feed(rendered)
    finder.close()
    lines = source.split("\n")
    # Compared as the parser saw them: "&#106;avascript:" is found where it was written.
    lower = [html.unescape(line).lower() for line in lines]
    cursor: dict[str, int] = {}
    located: list[tuple[int, str, str]] = []
    for finding in finder.found:
        needle = finding.needle.lower()
        start = cursor.get(needle, 0)
        index = next((i for i in range(start, len(lines)) if needle in lower[i]),
                     next((i for i in range(len(lines)) if needle in lower[i]), 0))
        cursor[needle] = index + 1
        located.append((first_line + index, finding.message, finding.expected))
    return located
