"""Holiday VEVENTs serialised once per language and reused (issue 17). No Pelican import.

``alle.ics`` and a community's feed contain the same VEVENTs. Each occurrence's events are
built and serialised (icalendar's line folding is the costly part) once per language, and each
feed is its calendar header with those bytes spliced in: byte-identical to serialising the
whole calendar, since icalendar writes a component's lines the same wherever it sits.

Across builds the bytes are kept in ``cache/feeds/<lang>.json`` (site_build.files.TextStore),
keyed by a hash of everything they are made of (:meth:`LanguageEvents.key`): the occurrence,
its holiday's explanation in the language, its last change (DTSTAMP, SEQUENCE), its page URL,
whether it may still move, the language's whole catalogue, the UID domain, and the source of
the code and the versions of the libraries that write them. A build keeps only the entries it
used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path

from inka_engine import Occurrence
from inka_engine.ical import build_calendar, explanation_of, to_ics
from inka_engine.texts import Catalog
from site_core.history import Change

ENGINE = Path(__file__).resolve().parents[1] / "inka_engine"
#: The code a cached VEVENT stands for: a change to any of it starts afresh.
SOURCES = (Path(__file__).resolve(), *(ENGINE / name for name in (
    "ical.py", "texts.py", "bidi.py", "model.py", "history.py", "constants.py")),
    *sorted((ENGINE.parent / "site_core").glob("*.py")))
END = b"END:VCALENDAR\r\n"
FORMAT = 1


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for part in (f"format {FORMAT}", "icalendar " + version("icalendar"),
                 "babel " + version("babel")):
        digest.update(part.encode("utf-8") + b"\0")
    for source in SOURCES:
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


def catalog_fingerprint(catalog: Catalog, lang: str) -> str:
    """A language's catalogue (every message, so any translation change counts)."""
    translations = catalog(lang)
    messages = getattr(translations, "_catalog", None)  # gettext.GNUTranslations' messages
    if messages is None:
        return f"{type(translations).__name__} {lang}"
    return hashlib.sha256(repr(sorted(messages.items(), key=repr)).encode("utf-8")).hexdigest()


def splice(header: bytes, events: Iterable[bytes]) -> bytes:
    """A VCALENDAR without components (``header``) with ``events`` (serialised components)."""
    if not header.endswith(END):
        raise ValueError("the calendar header does not end with END:VCALENDAR")
    return header[:-len(END)] + b"".join(events) + END


@dataclass
class LanguageEvents:
    """The serialised VEVENTs of one language's feeds, each made once."""

    lang: str
    dtstamp: dt.datetime
    uid_domain: str
    url_for: Callable[[Occurrence], str]
    change_for: Callable[[Occurrence], Change] | None
    today: dt.date | None
    catalog: Catalog
    stored: dict[str, str] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)
    made: int = 0

    def __post_init__(self) -> None:
        self._fingerprint = "\0".join((code_fingerprint(), self.lang, self.uid_domain,
                                       catalog_fingerprint(self.catalog, self.lang)))
        self._done: dict[int, bytes] = {}

    def key(self, occ: Occurrence) -> str:
        change = (self.change_for(occ) if self.change_for is not None
                  else Change(self.dtstamp, -1))
        may_move = occ.may_move_on(self.today) if self.today is not None else occ.may_move
        parts = (self._fingerprint, repr(occ), getattr(occ.source, "msgid", ""),
                 getattr(occ.source, "country", ""), repr(explanation_of(occ, self.lang,
                                                                         self.catalog)),
                 change.stamp.isoformat(), str(change.sequence), str(may_move),
                 self.url_for(occ))
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def of(self, occ: Occurrence) -> bytes:
        """The occurrence's VEVENTs ("Vorabend" first, as in :func:`build_calendar`)."""
        done = self._done.get(id(occ))
        if done is not None:
            return done
        key = self.key(occ)
        text = self.stored.get(key)
        if text is None:
            text = self._serialise(occ).decode("utf-8")
            self.made += 1
        self.used[key] = text
        self._done[id(occ)] = data = text.encode("utf-8")
        return data

    def _serialise(self, occ: Occurrence) -> bytes:
        cal = build_calendar([occ], dtstamp=self.dtstamp, lang=self.lang,
                             uid_domain=self.uid_domain, url_for=self.url_for,
                             change_for=self.change_for, today=self.today, catalog=self.catalog)
        return b"".join(component.to_ical() for component in cal.subcomponents)

    def calendar(self, occurrences: Iterable[Occurrence], *, calname: str,
                 caldesc: str) -> bytes:
        """The feed of ``occurrences``, as :func:`build_calendar` and :func:`to_ics` write it."""
        header = to_ics(build_calendar([], dtstamp=self.dtstamp, lang=self.lang,
                                       calname=calname, caldesc=caldesc,
                                       uid_domain=self.uid_domain, catalog=self.catalog))
        return splice(header, (self.of(occ) for occ in occurrences))
