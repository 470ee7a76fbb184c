"""The digests that decide whether a page is rendered again (site_build.fingerprint): equal
values give equal digests in every run, a document's text counts for its own page only, and a
value that cannot be compared between runs never lets a page be reused."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass, field
from hashlib import sha1
from pathlib import Path

from site_build.fingerprint import Digests

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


class Document:
    """Shaped like a Pelican document: metadata as attributes, the text in ``_content``."""

    def __init__(self, source: str, lang: str, title: str, text: str) -> None:
        self.source_path = source
        self.lang = lang
        self.title = title
        self._content = text
        self.metadata = {"title": title, "lang": lang, "content_hash": sha1(text.encode()).hexdigest()}
        self.translations: list[Document] = []
        self.versions: dict[str, Document] = {}

    @property
    def summary(self) -> str:
        return self._content.split(".")[0]


def _pair(text: str = "Erster Satz. Zweiter Satz.") -> tuple[Document, Document]:
    german = Document("/c/a.md", "de", "Titel", text)
    english = Document("/c/a.en.md", "en", "Title", "First. Second.")
    for doc in (german, english):
        doc.versions = {"de": german, "en": english}
    german.translations, english.translations = [english], [german]
    return german, english


def test_equal_values_equal_digests() -> None:
    first, second = Digests(), Digests()
    value = {"year": 2026, "when": dt.date(2026, 4, 5), "names": ["a", "b"], "x": (1, 2.5)}
    assert first.page(value) == second.page(dict(value))
    assert first.page(value) != second.page({**value, "year": 2027})
    assert first.page(["a", "b"]) != first.page(["b", "a"]), "list order counts"
    assert first.page({"a": 1, "b": 2}) == first.page({"b": 2, "a": 1}), "key order does not"


def test_text_counts_for_its_own_page_not_for_the_site() -> None:
    german, _english = _pair()
    edited, _ = _pair("Erster Satz. Ein anderer zweiter Satz.")
    assert Digests().site({"articles": [german]}) == Digests().site({"articles": [edited]})
    assert Digests().page({"article": german}) != Digests().page({"article": edited})
    retitled, _ = _pair()
    retitled.title = "Neuer Titel"
    assert Digests().site({"articles": [german]}) != Digests().site({"articles": [retitled]})


def _build_keys(context: dict[str, object], pages: list[dict[str, object]]) -> list[bytes]:
    """As a build takes them: the site digest first, then each page's digest."""
    digests = Digests()
    digests.site(context)
    return [digests.page(values) for values in pages]


@dataclass
class Part:
    """A value inside a document that holds text of its own (a holiday's explanation)."""

    heading: str
    body: str


def test_page_digest_after_the_site_digest_still_sees_every_text() -> None:
    """A page digest reuses what the site digest saw of a document; the text left out there,
    at any depth, still counts, and the same values still give the same digest."""
    german, _ = _pair()
    same, _ = _pair()
    edited, _ = _pair("Erster Satz. Ein anderer zweiter Satz.")
    assert (_build_keys({"articles": [german]}, [{"article": german}])
            == _build_keys({"articles": [same]}, [{"article": same}]))
    assert (_build_keys({"articles": [german]}, [{"article": german}])
            != _build_keys({"articles": [edited]}, [{"article": edited}]))
    listing = [{"articles": [german], "page": 1}]
    assert (_build_keys({"articles": [german]}, listing)
            != _build_keys({"articles": [edited]}, [{"articles": [edited], "page": 1}]))
    german.parts = [Part("Ursprung", "Alter Text")]  # type: ignore[attr-defined]
    before = _build_keys({"articles": [german]}, [{"article": german}])
    german.parts[0].body = "Neuer Text"  # type: ignore[attr-defined]
    assert _build_keys({"articles": [german]}, [{"article": german}]) != before
    assert Digests().site({"articles": [german]}) == Digests().site(
        {"articles": [_with_part(german, "Alter Text")]})


def _with_part(document: Document, body: str) -> Document:
    copy, _ = _pair()
    copy.parts = [Part("Ursprung", body)]  # type: ignore[attr-defined]
    return copy


def test_summary_counts_for_the_site() -> None:
    german, _ = _pair()
    new_summary, _ = _pair("Ein neuer erster Satz. Zweiter Satz.")
    assert Digests().site({"articles": [german]}) != Digests().site({"articles": [new_summary]})


def test_documents_pointing_at_each_other_give_one_digest_in_any_order() -> None:
    german, english = _pair()
    # The same documents reached first through the German or through the English one.
    one = Digests()
    a = (one.page({"article": german}), one.page({"article": english}))
    two = Digests()
    b_english = two.page({"article": english})
    b = (two.page({"article": german}), b_english)
    assert a == b


def test_translation_order_does_not_count() -> None:
    german, english = _pair()
    french = Document("/c/a.fr.md", "fr", "Titre", "Un.")
    german.translations = [english, french]
    first = Digests().page({"article": german})
    german.translations = [french, english]
    assert Digests().page({"article": german}) == first


@dataclass
class Holiday:
    key: str
    body: str
    _html: dict[str, str] = field(default_factory=dict)


def test_rendering_caches_do_not_count() -> None:
    holiday = Holiday("ostern", "Text")
    before = Digests().page({"holiday": holiday})
    holiday._html["en"] = "<p>Text</p>"
    assert Digests().page({"holiday": holiday}) == before
    assert Digests().page({"holiday": Holiday("ostern", "Anderer Text")}) != before


class Opaque:
    __slots__ = ()


def test_values_without_a_comparable_form_are_never_equal() -> None:
    digests = Digests()
    assert digests.page({"x": Opaque()}) != Digests().page({"x": Opaque()})
    assert digests.unstable == {f"{__name__}.Opaque"}


@dataclass(frozen=True)
class Note:
    heading: str
    body: str


def test_digest_is_the_same_in_another_interpreter() -> None:
    """Another hash seed (set and dict order of strings) gives the same digest."""
    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]];"
            "from tests.build.test_fingerprint import _pair; "
            "from site_build.fingerprint import Digests; g, e = _pair(); "
            "print(Digests().page({'article': g, 'tags': {'b', 'a', 'c'}}).hex(), "
            "Digests().site({'articles': [g, e]}).hex()); "
            # Texts in a set: the page digest after the site digest takes them in one order.
            "from tests.build.test_fingerprint import Note; "
            "g.notes = frozenset(Note(k, k * 3) for k in 'abcdefg'); "
            "d = Digests(); d.site({'articles': [g, e]}); print(d.page({'article': g}).hex())")
    root = str(PLUGINS.parent)
    outputs = {subprocess.run([sys.executable, "-c", code, str(PLUGINS), root],
                              env={"PYTHONHASHSEED": str(seed)}, capture_output=True,
                              text=True, check=True).stdout for seed in (1, 2, 3, 4, 5)}
    assert len(outputs) == 1, outputs
