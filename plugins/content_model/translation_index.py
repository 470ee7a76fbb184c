"""Every German original and its translations (pages, topics, news, events, holidays), with the
state of each translation: missing, outdated, unmarked (no ``source_hash``), unreviewed,
reviewed. Used by ``invoke check``, ``invoke translations --status`` and ``--mark-current``.

Pages, topics, news and events pair by kind and ``slug`` (as the site does); holidays by file:
``content/inka/<community>/<key>.<lang>.md`` translates ``<key>.md`` beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from content_core.errors import ContentErrors
from content_core.frontmatter import FrontMatter, parse_front_matter
from content_model.files import ignored
from content_model.schema import kind_for_path
from content_model.source_hash import FIELD, front_matter_hash
from site_core.languages import DEFAULT_LANGUAGE, TRANSLATED

DEFAULT_LANG = DEFAULT_LANGUAGE
STATES = ("missing", "outdated", "unmarked", "unreviewed", "reviewed")
#: The states as editors read them (``--status`` table, docs/redaktion.md).
STATE_LABELS = {"missing": "fehlt", "outdated": "veraltet", "unmarked": "ohne Stand",
                "unreviewed": "ungeprüft", "reviewed": "geprüft"}
_HOLIDAY_TRANSLATION = re.compile(r"^inka/[^/]+/([^/.]+)\.([a-z]{2})\.md$")
_HOLIDAY_ORIGINAL = re.compile(r"^inka/[^/]+/[^/.]+\.md$")


@dataclass(frozen=True)
class Source:
    """One readable content file: where it is, its kind, its front matter."""

    path: Path
    rel: str  # below content/, POSIX
    kind: str | None  # topic, page, news, event, holiday
    fm: FrontMatter

    @property
    def shown(self) -> str:
        return f"content/{self.rel}"


@dataclass
class Translation:
    source: Source
    lang: str
    original: Original
    stored: str | None  # the source_hash written in the file

    @property
    def outdated(self) -> bool:
        return self.stored is not None and self.stored != self.original.current

    @property
    def reviewed(self) -> bool:
        return self.source.fm.data.get("translation_reviewed") is True

    @property
    def state(self) -> str:
        if self.stored is None:
            return "unmarked"
        if self.outdated:
            return "outdated"
        return "reviewed" if self.reviewed else "unreviewed"

    @property
    def line(self) -> int:
        """The line to point at: ``source_hash``, else ``lang``, else 1."""
        return self.source.fm.line_of(FIELD) if (FIELD,) in self.source.fm.lines \
            else self.source.fm.line_of("lang")


@dataclass
class Original:
    source: Source
    current: str  # the hash of its translatable text now
    translations: dict[str, Translation] = field(default_factory=dict)

    def state(self, lang: str) -> str:
        found = self.translations.get(lang)
        return found.state if found else "missing"


@dataclass
class Index:
    originals: list[Original]
    translations: list[Translation]

    def translation_at(self, rel: str) -> Translation | None:
        return next((t for t in self.translations if t.source.rel == rel), None)

    def totals(self) -> dict[str, dict[str, int]]:
        counts = {lang: dict.fromkeys(STATES, 0) for lang in TRANSLATED}
        for original in self.originals:
            for lang in TRANSLATED:
                counts[lang][original.state(lang)] += 1
        return counts


def kind_of(rel: str) -> str | None:
    return "holiday" if rel.startswith("inka/") else kind_for_path(rel)


def read_sources(content_root: Path) -> list[Source]:
    """Every content file whose front matter reads (broken ones are ``invoke check``'s job)."""
    sources: list[Source] = []
    for path in sorted(content_root.rglob("*.md")):
        if ignored(path.name):
            continue
        rel = path.relative_to(content_root).as_posix()
        try:
            fm = parse_front_matter(path.read_text(encoding="utf-8"), f"content/{rel}")
        except (ContentErrors, UnicodeDecodeError):
            continue
        sources.append(Source(path, rel, kind_of(rel), fm))
    return sources


def _lang(source: Source) -> str:
    if source.kind == "holiday":
        match = _HOLIDAY_TRANSLATION.match(source.rel)
        return match.group(2) if match else DEFAULT_LANG
    value = source.fm.data.get("lang", DEFAULT_LANG)
    return value if isinstance(value, str) else DEFAULT_LANG


def _key(source: Source) -> tuple[str, str] | None:
    """What pairs an original with its translations."""
    if source.kind == "holiday":
        match = _HOLIDAY_TRANSLATION.match(source.rel)
        folder = source.rel.rsplit("/", 1)[0]
        if match:
            return "holiday", f"{folder}/{match.group(1)}"
        return ("holiday", source.rel[:-3]) if _HOLIDAY_ORIGINAL.match(source.rel) else None
    slug = source.fm.data.get("slug")
    return (str(source.kind), slug) if source.kind and isinstance(slug, str) else None


def build_index(sources: Iterable[Source]) -> Index:
    sources = list(sources)
    originals: dict[tuple[str, str], Original] = {}
    for source in sources:
        key = _key(source)
        if key is not None and _lang(source) == DEFAULT_LANG and key not in originals:
            originals[key] = Original(source, front_matter_hash(source.kind, source.fm))
    translations: list[Translation] = []
    for source in sources:
        key, lang = _key(source), _lang(source)
        original = originals.get(key) if key is not None else None
        if lang not in TRANSLATED or original is None:
            continue  # no original: invoke check reports it
        stored = source.fm.data.get(FIELD)
        translation = Translation(source, lang, original,
                                  str(stored) if stored is not None else None)
        original.translations.setdefault(lang, translation)
        translations.append(translation)
    return Index(list(originals.values()), translations)


def index_of(content_root: Path) -> Index:
    return build_index(read_sources(content_root))
