"""Fingerprints of what a page is rendered from (issue 17). No Pelican import.

A page is rendered from a template, the build's context (settings, the list of every document,
the calendar, …) and the page's own values (its document, its year, its holiday). Two digests
tell whether a page would come out the same as last time:

- the **site digest** (:meth:`Digests.site`): everything every page may show. Documents count
  here with their title, dates, summary, links and other metadata, but *without their text*:
  the fields named in :data:`BODY_FIELDS` hold the text of one document, which only that
  document's own page shows (``article.html``, ``page.html``, ``topic.html``, ``event.html``,
  ``home.html``, ``kalender_holiday.html``; a listing shows the summary);
- the **page digest** (:meth:`Digests.page`): the values the page is written with, documents
  with their full text. A page key always holds the site digest too, so an object the site
  digest went through counts in a page digest as its site digest plus the values the site
  digest left out beneath it (:data:`BODY_FIELDS`, in the order met): the same information,
  without walking every document's metadata again for each page that shows it.

Values are digested by what they hold, not by identity: scalars by ``repr``, containers in
order, objects by their fields (``vars`` and ``__slots__``), functions by name. An object whose
``repr`` shows a memory address cannot be compared between builds: it makes the digest unique
(the page is rendered again, never shown stale).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import re
import types
from collections.abc import Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

#: The text of one document: shown on its own page only, so not part of the site digest; and
#: the text's hash (``content_hash``, in its metadata too): a translation compares it with its
#: ``source_hash`` once, and the result is the translation's own ``translation_outdated``,
#: which only the translation's own page shows (theme/templates/partials/language_notice.html,
#: for the page's ``item``). So an edit of a German text renders its own pages (the notice
#: appears on its translations) and the lists that show its summary, not the whole site.
BODY_FIELDS = frozenset({"_content", "body", "body_html", "content_hash",
                         "translation_outdated"})
#: Never digested: the whole context again (covered by the site digest), Pelican's per-page
#: bookkeeping (``localsiteurl`` is written into the context by every page), the build's own
#: folders (a new temporary folder every build; no page shows them) and caches filled while
#: pages are rendered (``HolidayPage._html``: the explanation as HTML, made from its ``body``).
SKIP_FIELDS = frozenset({"_context", "settings", "localsiteurl", "output_file", "OUTPUT_PATH",
                         "CACHE_PATH", "_html"})
#: Lists whose order changes from run to run and that no page shows in their order: Pelican
#: fills a document's ``translations`` in hash order; templates find a language's version by
#: its code (``versions``), never by position.
UNORDERED_FIELDS = frozenset({"translations"})
_SCALARS = (type(None), bool, int, float, complex, str, bytes, Decimal, dt.date, dt.time,
            dt.timedelta, dt.tzinfo, PurePath, enum.Enum, range)
_NUMBERS = frozenset({int, float, bool, type(None)})
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_CALLABLES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type,
              types.ModuleType, staticmethod, classmethod)


class Digests:
    """Digests of one build's values; shared objects are digested once (kept alive here, so
    that an ``id`` is not reused while the build runs)."""

    def __init__(self) -> None:
        self._memo: dict[tuple[int, bool], tuple[Any, bytes]] = {}
        self._busy: set[tuple[int, bool]] = set()
        #: Per object the site digest went through: the text fields it left out beneath it.
        self._left_out: dict[int, list[tuple[str, Any]]] = {}
        self._leaving: list[list[tuple[str, Any]]] = []  # one list per object being digested
        self.unstable: set[str] = set()  # types that made a digest unique (for diagnosis)
        self._counter = 0

    def site(self, context: Mapping[str, Any]) -> bytes:
        return self._digest(dict(context), index=True)

    def page(self, value: Any) -> bytes:
        return self._digest(value, index=False)

    def _digest(self, value: Any, *, index: bool) -> bytes:
        digest = hashlib.sha256()
        self._feed(digest, value, index)
        return digest.digest()

    def _feed(self, digest: Any, value: Any, index: bool) -> None:
        kind = type(value)
        if kind is str:  # the most common value: no repr, no address check
            digest.update(b"s%d:" % len(value) + value.encode("utf-8", "surrogatepass"))
            return
        if kind in _NUMBERS:
            digest.update(b"n:%s\0" % repr(value).encode())
            return
        if isinstance(value, _SCALARS):
            text = repr(value)
            if _ADDRESS.search(text):
                text = self._unique(kind)
            digest.update(f"{kind.__module__}.{kind.__qualname__}:{text}\0".encode())
            return
        if isinstance(value, _CALLABLES):
            name = getattr(value, "__qualname__", None) or getattr(value, "__name__", "?")
            digest.update(f"fn:{getattr(value, '__module__', '')}.{name}\0".encode())
            return
        if kind in (list, tuple, dict, set, frozenset) and len(value) < 8:
            self._container(digest, value, index)  # small ones: not worth a memo entry
            return
        key = (id(value), index)
        memo = self._memo.get(key)
        if memo is None:
            if key in self._busy:  # a cycle: the outer visit digests this object
                digest.update(b"cycle\0")
                return
            self._busy.add(key)
            try:
                known = None if index else self._site_and_text(value)
                memo = (value, known if known is not None else self._walk(value, index))
                self._memo[key] = memo
            finally:
                self._busy.discard(key)
        elif index and self._leaving:
            self._leaving[-1].extend(self._left_out[id(value)])
        digest.update(memo[1])

    def _walk(self, value: Any, index: bool) -> bytes:
        inner = hashlib.sha256()
        if index:
            self._leaving.append([])
        try:
            if type(value) in (list, tuple, dict, set, frozenset) or isinstance(
                    value, (list, tuple, Mapping, set, frozenset)):
                self._container(inner, value, index)
            else:
                self._object(inner, value, index)
        finally:
            if index:
                left_out = self._left_out[id(value)] = self._leaving.pop()
                if self._leaving:
                    self._leaving[-1].extend(left_out)
        return inner.digest()

    def _site_and_text(self, value: Any) -> bytes | None:
        """A page digest of an object the site digest went through: its site digest and the
        text fields left out there (None: not in the site digest)."""
        site = self._memo.get((id(value), True))
        if site is None:
            return None
        inner = hashlib.sha256(b"site:" + site[1])
        for name, text in self._left_out[id(value)]:
            inner.update(f".{name}=".encode())
            self._feed(inner, text, False)
        return inner.digest()

    def _leave_out(self, name: Any, value: Any) -> None:
        if self._leaving:
            self._leaving[-1].append((name, value))

    def _container(self, digest: Any, value: Any, index: bool) -> None:
        kind = type(value)
        digest.update(f"{kind.__module__}.{kind.__qualname__}[{len(value)}\0".encode())
        if isinstance(value, Mapping):
            # In key order: some of Pelican's tables are filled in an order that changes from
            # run to run (e.g. ``generated_content``); what a page shows from them does not.
            for key, item in sorted(value.items(), key=lambda pair: repr(pair[0])):
                if isinstance(key, str) and key in SKIP_FIELDS:
                    continue
                if index and isinstance(key, str) and key in BODY_FIELDS:
                    self._leave_out(key, item)
                    continue
                self._feed(digest, key, index)
                self._feed(digest, item, index)
        elif isinstance(value, (set, frozenset)):
            # In the order of the items' digests, not the set's (it changes with the hash
            # seed); so are the texts left out beneath them.
            items = []
            for item in value:
                if index:
                    self._leaving.append([])
                try:
                    item_digest = self._digest(item.value if isinstance(item, _Same) else item,
                                               index=index)
                finally:
                    left_out = self._leaving.pop() if index else []
                items.append((item_digest, left_out))
            for item_digest, left_out in sorted(items, key=lambda pair: pair[0]):
                digest.update(item_digest)
                for name, text in left_out:
                    self._leave_out(name, text)
        else:
            for item in value:
                self._feed(digest, item, index)
        digest.update(b"]\0")

    def _object(self, digest: Any, value: Any, index: bool) -> None:
        kind = type(value)
        digest.update(f"obj:{kind.__module__}.{kind.__qualname__}\0".encode())
        if isinstance(value, functools.partial):
            self._feed(digest, (value.func, value.args, value.keywords), index)
            return
        fields = dict(getattr(value, "__dict__", {}))
        for slot in _slots(kind):
            if hasattr(value, slot):
                fields[slot] = getattr(value, slot)
        if not fields:
            text = repr(value)
            digest.update((self._unique(kind) if _ADDRESS.search(text) else text).encode())
            return
        if index and "_content" in fields:  # a Pelican document: its summary, not its text
            fields["summary"] = self._summary(value)
        document = "source_path" in fields
        for name in sorted(fields):
            if name in SKIP_FIELDS:
                continue
            field = fields[name]
            if name in UNORDERED_FIELDS and isinstance(field, list):
                field = frozenset(_Same(item) for item in field)
            if document:
                field = _references(field)
            if index and name in BODY_FIELDS:
                self._leave_out(name, field)
                continue
            digest.update(f".{name}=".encode())
            self._feed(digest, field, index)

    def _summary(self, document: Any) -> str | None:
        """Pelican's summary (made from the text when the front matter has none); a document
        without text (an unpublished stand-in) has none."""
        if not isinstance(getattr(document, "_content", None), str):
            return None
        try:
            return str(document.summary)
        except (TypeError, ValueError, AttributeError):
            return self._unique(type(document))

    def _unique(self, kind: type) -> str:
        self.unstable.add(f"{kind.__module__}.{kind.__qualname__}")
        self._counter += 1
        return f"unique-{id(self)}-{self._counter}-{dt.datetime.now().timestamp()}"


def _references(value: Any) -> Any:
    """A document's field with every other document in it as a reference (see
    :class:`_Reference`); other values as they are."""
    if hasattr(value, "source_path") and hasattr(value, "__dict__"):
        return _Reference.to(value)
    if type(value) in (list, tuple):
        return type(value)(_references(item) for item in value)
    if type(value) is dict:
        return {key: _references(item) for key, item in value.items()}
    if isinstance(value, frozenset):
        return frozenset(_Same(_references(getattr(item, "value", item))) for item in value)
    return value


class _Reference(tuple):
    """Another document named inside a document (its translations, its versions, the original
    of a fallback copy): by kind, source, language and whether it is a fallback copy (its
    address follows from these and the settings). Documents point at each other in cycles;
    their own values are digested where they are listed (the site digest lists every
    document, a page's digest the documents it shows)."""

    __slots__ = ()

    @classmethod
    def to(cls, document: Any) -> _Reference:
        kind = type(document)
        fields = vars(document)
        return cls((f"{kind.__module__}.{kind.__qualname__}", str(fields["source_path"]),
                    str(fields.get("lang", "")), bool(fields.get("fallback", False))))


class _Same:
    """An unhashable list item in a set (by identity; digested by its value)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


@functools.cache
def _slots(kind: type) -> tuple[str, ...]:
    names: list[str] = []
    for klass in kind.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    return tuple(n for n in names if n not in ("__dict__", "__weakref__"))
