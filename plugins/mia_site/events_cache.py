"""The events' iCalendar files kept between builds (issue 17). No Pelican import.

Every build writes each event's ``.ics`` in every language and each language's feed of all
events; serialising them (icalendar's line folding, a VTIMEZONE per file) cost about a second
of every build at a hundred events. Here each file is taken from ``<cache>/event-ics/<lang>.json``
when the hash of everything it is made of is unchanged, else made as before
(:mod:`mia_site.events_ical`) and kept: the event's attributes that the VEVENT reads
(:data:`events_ical.FIELDS`), its URL, its last change, the calendar's name, description and
fallback time stamp, the UID domain, and the source of the code that writes it together with
the icalendar version. A build keeps only the entries it used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import cache
from importlib.metadata import version
from pathlib import Path

from site_build.files import TextStore

PLUGINS = Path(__file__).resolve().parents[1]
#: The code a kept file stands for: a change to any of it starts afresh.
SOURCES = (Path(__file__).resolve(), PLUGINS / "mia_site" / "events_ical.py",
           PLUGINS / "inka_engine" / "bidi.py", PLUGINS / "content_model" / "duration.py",
           *sorted((PLUGINS / "site_core").glob("*.py")))
FORMAT = 1


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\0icalendar {version('icalendar')}\0".encode())
    for source in SOURCES:
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: object) -> str:
    """The sha256 of ``parts`` (their ``repr``) and the code's fingerprint."""
    text = "\0".join([code_fingerprint(), *(repr(part) for part in parts)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LanguageFiles:
    """The kept .ics files of one language: :meth:`get` gives a file by its key, made by
    ``make`` when it is not kept; :meth:`save` keeps exactly the files this build used."""

    def __init__(self, store: TextStore, lang: str) -> None:
        self.store, self.lang = store, lang
        self.kept = store.load(lang)
        self.used: dict[str, str] = {}

    def get(self, file_key: str, make: Callable[[], bytes]) -> bytes:
        text = self.kept.get(file_key)
        if text is None:
            text = make().decode("utf-8")
        self.used[file_key] = text
        return text.encode("utf-8")

    def save(self) -> None:
        if self.used != self.kept:
            self.store.save(self.lang, self.used)


def feed_key(event_keys: Sequence[str], *calendar: object) -> str:
    """A feed's key: its events' keys in order and the calendar's own values."""
    return key("feed", *calendar, *event_keys)
