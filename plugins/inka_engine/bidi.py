"""Left-to-right runs inside right-to-left text (design.md §7 "Direction").

A Latin or Cyrillic name, a URL, an e-mail address or a number with a unit inside Arabic text
must be isolated, or the bidi algorithm reorders its neighbours (a full stop jumps to the
wrong end, "10 km" becomes "km 10"). Plain text (feeds) gets Unicode isolates
(U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE); HTML gets ``<bdi>``
(:mod:`inka_site.bidi_html`). Both find the runs with :func:`ltr_runs`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from site_core.languages import is_rtl

__all__ = ["FSI", "PDI", "has_rtl", "is_rtl", "isolate", "ltr_runs"]

FSI = "\u2068"
PDI = "\u2069"

_STRONG_LTR = r"A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF"
_RTL = r"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF"
#: A run starts at a strong left-to-right letter (or at a number directly before one, as in
#: "10 km") and goes on until the next right-to-left letter or line end.
_RUN = re.compile(
    rf"(?:[0-9][0-9.,:/–-]*[ \u00A0]?)?[{_STRONG_LTR}][^{_RTL}\n{FSI}{PDI}]*")
_TRAILING = " \u00A0\t.,;:!?،؛…–—-\"'«»„“”&|*+=•·"


def _trim(run: str) -> str:
    """Leave neutral punctuation at the end of a run to the surrounding text, except closing
    brackets that belong to an opening one inside the run."""
    while run:
        last = run[-1]
        if last in _TRAILING:
            run = run[:-1]
        elif last == ")" and run.count("(") < run.count(")"):
            run = run[:-1]
        else:
            break
    return run


def ltr_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every left-to-right run in ``text``."""
    for match in _RUN.finditer(text):
        run = _trim(match.group())
        if run:
            yield match.start(), match.start() + len(run)


def has_rtl(text: str) -> bool:
    return re.search(f"[{_RTL}]", text) is not None


def isolate(text: str) -> str:
    """``text`` with every left-to-right run wrapped in FSI … PDI (for right-to-left plain
    text such as an Arabic feed's SUMMARY/DESCRIPTION). Lines without any right-to-left
    letter are left alone (nothing to reorder against)."""
    lines = []
    for line in text.split("\n"):
        if not has_rtl(line):
            lines.append(line)
            continue
        parts, last = [], 0
        for start, end in ltr_runs(line):
            parts += [line[last:start], FSI, line[start:end], PDI]
            last = end
        parts.append(line[last:])
        lines.append("".join(parts))
    return "\n".join(lines)
