"""Data classes: holidays as loaded from content, and their computed occurrences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from .constants import DEFAULT_LANGUAGE

#: ``confirmed``: published by an authority (name and where in ``source``); ``computed``: from
#: arithmetic or a maintained table (the method in ``source``), cannot move; ``estimated``: may
#: still move (``variance_days``). design.md §5.
Status = Literal["confirmed", "computed", "estimated"]


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Rule:
    """A date rule: its ``kind`` and the kind's fields (hashable, so results can be cached)."""

    kind: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, kind: str, **params: Any) -> Rule:
        return cls(kind, _freeze(params))

    def get(self, name: str, default: Any = None) -> Any:
        for key, value in self.params:
            if key == name:
                return value
        return default

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **dict(self.params)}


@dataclass(frozen=True)
class Confirmed:
    """An announced or published date that overrides the rule for its occurrence."""

    start: date
    source: str
    line: int = 0


@dataclass(frozen=True)
class Variant:
    """Another tradition's rule for the same holiday, shown as an alternative date."""

    rule: Rule
    who: str
    from_year: int | None = None
    until_year: int | None = None
    duration: int | None = None


@dataclass(frozen=True)
class Native:
    text: str
    lang: str


@dataclass(frozen=True)
class Translation:
    """One translation file ``<key>.<lang>.md``: the texts residents read, in ``lang``.

    ``variants`` are the translated ``who`` texts, in the order of the German ``variants``."""

    lang: str
    summary: str
    body: str
    variants: tuple[str, ...] = ()
    reviewed: bool = False
    path: Path | None = None
    source_hash: str | None = None


@dataclass(frozen=True)
class HolidayTexts:
    """A holiday's texts for a reader of ``requested``: the translation if there is one, else
    the German original (``fallback`` is then true and ``lang`` is ``"de"``)."""

    requested: str
    lang: str
    summary: str
    body: str
    #: German ``who`` → ``who`` in :attr:`lang`.
    who_texts: Mapping[str, str]
    reviewed: bool
    path: Path | None

    @property
    def fallback(self) -> bool:
        """True when the reader's language has no translation and the texts are German."""
        return self.lang != self.requested

    def who(self, german: str) -> str:
        """A variant's ``who`` (given in German) in :attr:`lang`."""
        return self.who_texts.get(german, german)


@dataclass(frozen=True, eq=False)
class Holiday:
    """One holiday file: ``content/inka/<community>/<key>.md``."""

    community: str
    key: str
    title: str
    names: Mapping[str, str]
    rule: Rule
    duration: int
    begins: str
    variance_days: int
    confirmed: tuple[Confirmed, ...] = ()
    variants: tuple[Variant, ...] = ()
    summary: str = ""
    native: Native | None = None
    lang: str = DEFAULT_LANGUAGE
    body: str = ""
    path: Path | None = None
    #: The observance is the night before ``start`` (Kandil nights, Lailat al-Qadr): shown on
    #: the evening's date (design.md §6).
    night: bool = False
    #: The first year the holiday exists (Gregorian); nothing is generated before it.
    since: int | None = None

    #: Translations by language (``<key>.<lang>.md``), attached by the loader.
    translations: Mapping[str, Translation] = field(default_factory=dict)

    def texts(self, lang: str = DEFAULT_LANGUAGE) -> HolidayTexts:
        """Summary, explanation and variant notes for a reader of ``lang``: its translation,
        else the German original (then ``.fallback`` is true and ``.lang`` is ``"de"``)."""
        found = self.translations.get(lang) if lang != DEFAULT_LANGUAGE else None
        if found is None:
            return HolidayTexts(lang, DEFAULT_LANGUAGE, self.summary, self.body,
                                {v.who: v.who for v in self.variants}, True, self.path)
        return HolidayTexts(lang, found.lang, found.summary, found.body,
                            dict(zip((v.who for v in self.variants), found.variants,
                                     strict=False)),
                            found.reviewed, found.path)

    @property
    def begins_evening_before(self) -> bool:
        return self.begins == "evening-before"

    @property
    def ident(self) -> str:
        """``<community>/<key>`` (keys repeat across communities)."""
        return f"{self.community}/{self.key}"

    def name(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.names.get(lang) or self.names.get(DEFAULT_LANGUAGE) or self.title


@dataclass(frozen=True)
class Alternative:
    """The date another tradition gives for the same occurrence (from ``variants``)."""

    who: str
    start: date
    end: date


@dataclass(frozen=True)
class Occurrence:
    """One observance of a holiday.

    ``occurrence`` is the year in the rule's own calendar (Hijri year for ``hijri``, Hebrew
    year for ``hebrew``, Chinese lunar year for ``chinese-lunar``, else the Gregorian year
    of the rule's date). It stays the same when a date is corrected and is unique per
    holiday, also when a lunar holiday falls twice in one Gregorian year.
    """

    community: str
    key: str
    occurrence: int
    start: date
    end: date
    begins_evening_before: bool
    status: Status
    variance_days: int
    source: str
    names: Mapping[str, str] = field(compare=False, default_factory=dict)
    estimated_start: date | None = field(compare=False, default=None)
    alternatives: tuple[Alternative, ...] = field(compare=False, default=())
    holiday: Holiday | None = field(compare=False, default=None, repr=False)
    night: bool = field(compare=False, default=False)

    def name(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.names.get(lang) or self.names.get(DEFAULT_LANGUAGE) or self.key

    @property
    def evening(self) -> date | None:
        """The civil date of the evening it begins on (``None`` when it begins by day)."""
        return self.start - timedelta(days=1) if self.begins_evening_before else None

    @property
    def shown_start(self) -> date:
        """The date feeds, pages and posters show: the evening for a night, else ``start``."""
        return self.start - timedelta(days=1) if self.night else self.start

    @property
    def shown_end(self) -> date:
        return self.end - timedelta(days=1) if self.night else self.end

    @property
    def uid(self) -> str:
        """``<community>-<key>-<occurrence>``; feeds append ``@<domain>``."""
        return f"{self.community}-{self.key}-{self.occurrence}"

    @property
    def id(self) -> str:
        """Open-data id ``<community>/<key>/<occurrence>``, unique like the UID (design.md §6)."""
        return f"{self.community}/{self.key}/{self.occurrence}"

    @property
    def estimated(self) -> bool:
        return self.status == "estimated"

    @property
    def may_move(self) -> bool:
        """Estimated *and* the date can really move (``variance_days`` > 0); computed dates
        (Christmas, Easter, Hebrew dates, maintained tables) cannot move."""
        return self.estimated and self.variance_days > 0

    def may_move_on(self, today: date) -> bool:
        """:attr:`may_move` and not yet over on ``today`` (BUILD_DATE): a date that has passed
        is never "voraussichtlich"."""
        return self.may_move and self.end >= today

    @property
    def duration(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def corrected(self) -> bool:
        """True when a confirmed date differs from the rule's date (feeds raise SEQUENCE)."""
        return self.estimated_start is not None and self.estimated_start != self.start
