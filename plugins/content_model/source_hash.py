"""Which version of a German original a translation translates: a short, stable hash of the
original's translatable text (design.md §7 "Translations stay true").

Only what a translator translates counts: the body and the text fields of the front matter
(holidays: ``summary``, the body and each variant's ``who``). Whitespace is normalised, so
re-wrapping a paragraph does not make the translations outdated; a new paragraph does.
Facts (dates, slugs, addresses) do not count: they are copied, not translated.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from content_core.frontmatter import FrontMatter, parse_front_matter

#: Length of the hash in hex digits (48 bits: no collision among a site's versions).
LENGTH = 12
HASH_RE = re.compile(rf"^[0-9a-f]{{{LENGTH}}}$")
FIELD = "source_hash"

#: Translatable front-matter fields of pages, topics, news and events (dotted = sub-field).
TEXT_FIELDS = ("title", "summary", "organizer", "time_note", "accessibility", "registration",
               "cost", "image_alt", "location.name", "contact.name", "contact.hours")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def normalise(text: str) -> str:
    """Paragraphs kept apart, whitespace inside a paragraph collapsed to one space."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def _field(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def translatable(kind: str | None, data: dict[str, Any], body: str) -> dict[str, Any]:
    """The parts of an original that a translation translates, normalised."""
    parts: dict[str, Any] = {"body": normalise(body)}
    if kind == "holiday":
        summary = data.get("summary")
        parts["summary"] = normalise(summary) if isinstance(summary, str) else None
        variants = data.get("variants")
        parts["who"] = [normalise(v["who"]) if isinstance(v, dict) and isinstance(v.get("who"), str)
                        else None for v in variants] if isinstance(variants, list) else []
        return parts
    for name in TEXT_FIELDS:
        value = _field(data, name)
        if isinstance(value, str):
            parts[name] = normalise(value)
    return parts


def text_hash(kind: str | None, data: dict[str, Any], body: str) -> str:
    """The hash of an original's translatable text (``LENGTH`` hex digits)."""
    canonical = json.dumps(translatable(kind, data, body), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:LENGTH]


def front_matter_hash(kind: str | None, fm: FrontMatter) -> str:
    return text_hash(kind, fm.data, fm.body)


def file_hash(path: Path, kind: str | None) -> str:
    """The hash of a German original file (raises ContentErrors on a broken header)."""
    fm = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
    return front_matter_hash(kind, fm)


def is_outdated(kind: str | None, original: FrontMatter, translation: dict[str, Any]) -> bool:
    """True when ``translation`` (its front-matter data) records a version of ``original`` that
    is no longer current. Without ``source_hash`` the version is unknown: False.

    For code that pairs originals and translations itself (the calendar's holiday pages):
    ``is_outdated("holiday", german_fm, translation_fm.data)``."""
    stored = translation.get(FIELD)
    return isinstance(stored, str) and stored != front_matter_hash(kind, original)
