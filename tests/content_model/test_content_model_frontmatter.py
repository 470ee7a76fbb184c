"""parse_front_matter: YAML between '---' lines, with the line of every key (design.md §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_core import ContentErrors, FrontMatter, parse_front_matter
from content_core.errors import ContentError

PATH = "content/pages/themen/beispiel.md"

GOOD = """---
title: Sprachmittlung
slug: sprachmittlung
contact:
  name: MIA-DO-KI
  phone: "0231 000"
tags:
  - Eins
  - Zwei
---
Erster Absatz.
"""


def parse_error(text: str) -> ContentError:
    with pytest.raises(ContentErrors) as info:
        parse_front_matter(text, PATH)
    errors = info.value.errors
    assert len(errors) == 1, errors
    assert str(info.value) == str(errors[0])
    return errors[0]


def test_data_body_and_lines() -> None:
    fm = parse_front_matter(GOOD, PATH)
    assert isinstance(fm, FrontMatter)
    assert fm.path == PATH
    assert fm.data["title"] == "Sprachmittlung"
    assert fm.data["contact"] == {"name": "MIA-DO-KI", "phone": "0231 000"}
    assert fm.body == "Erster Absatz.\n"
    assert fm.body_line == 11
    assert fm.line_of("title") == 2
    assert fm.line_of("slug") == 3
    assert fm.line_of("contact") == 4
    assert fm.line_of("contact", "name") == 5
    assert fm.line_of("contact", "phone") == 6
    assert fm.line_of("tags", 0) == 8
    assert fm.line_of("tags", 1) == 9
    assert fm.line_of("contact", "missing") == 4  # nearest parent
    assert fm.line_of("nothing") == 1


def test_error_helper_names_the_key_line() -> None:
    fm = parse_front_matter(GOOD, PATH)
    err = fm.error(("contact", "phone"), "falsch", "richtig")
    assert str(err) == f"{PATH}:6: falsch (richtig)"


def test_byte_order_mark_is_ignored() -> None:
    fm = parse_front_matter("\ufeff" + GOOD, PATH)
    assert fm.data["slug"] == "sprachmittlung"
    assert fm.line_of("slug") == 3


def test_crlf_file_as_the_reader_reads_it(tmp_path: Path) -> None:
    """Editors on Windows save CRLF; read_text's universal newlines turn it into LF."""
    file = tmp_path / "beispiel.md"
    file.write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8"))
    fm = parse_front_matter(file.read_text(encoding="utf-8"), PATH)
    assert fm.data["slug"] == "sprachmittlung"
    assert fm.line_of("tags", 1) == 9


def test_empty_front_matter_gives_empty_data() -> None:
    fm = parse_front_matter("---\n---\nText\n", PATH)
    assert fm.data == {}
    assert fm.body == "Text\n"


def test_missing_opening_fence() -> None:
    err = parse_error("title: Ohne Kopf\n---\nText\n")
    assert str(err).startswith(f"{PATH}:1: Kopfbereich fehlt")


def test_missing_closing_fence() -> None:
    err = parse_error("---\ntitle: Offen\nslug: offen\nText\n")
    assert str(err).startswith(f"{PATH}:1: ")
    assert "geschlossen" in err.message


def test_yaml_error_names_its_line() -> None:
    text = "---\ntitle: Gut\nslug: gut\nsummary: Ein Satz: mit Doppelpunkt\n---\nText\n"
    err = parse_error(text)
    assert str(err).startswith(f"{PATH}:4: YAML-Fehler")
    assert "Anführungszeichen" in err.expected


def test_yaml_error_in_a_nested_block() -> None:
    text = "---\ntitle: Gut\ncontact:\n  name: A\n   phone: B\n---\n"
    err = parse_error(text)
    assert err.path == PATH and err.line == 5, str(err)


def test_header_that_is_not_a_mapping() -> None:
    """The error names the first line of the YAML (line 2), not the '---' fence."""
    err = parse_error("---\n- eins\n- zwei\n---\nText\n")
    assert str(err).startswith(f"{PATH}:2: ")
    assert "feld: wert" in err.expected


def test_content_error_format() -> None:
    assert str(ContentError("a.md", 3, "kaputt")) == "a.md:3: kaputt"
    assert str(ContentError("a.md", 3, "kaputt", "heil")) == "a.md:3: kaputt (heil)"
    assert str(ContentError("a.md", 3, "kaputt", warning=True)).startswith("a.md:3: kaputt")
    many = ContentErrors([ContentError("b.md", 1, "x"), ContentError("a.md", 9, "y")])
    assert str(many).splitlines() == ["a.md:9: y", "b.md:1: x"]


# YAML 1.1 reads yes/no/on/off/true/false/null as booleans/None, also as keys: not field names.
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
_keys = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True).filter(lambda k: k not in _YAML_WORDS)
_values = st.from_regex(r"[A-Za-z0-9äöüß ]{1,20}", fullmatch=True).map(str.strip).filter(bool)


@given(st.dictionaries(_keys, _values, min_size=1, max_size=8), st.integers(0, 3))
def test_every_key_line_is_where_the_key_is(fields: dict[str, str], blank: int) -> None:
    lines = ["---", *(f'{k}: "{v}"' for k, v in fields.items()), "---", *([""] * blank), "Text"]
    fm = parse_front_matter("\n".join(lines) + "\n", PATH)
    assert fm.data == fields
    for key in fields:
        assert lines[fm.line_of(key) - 1].startswith(f"{key}:")
    assert fm.body == "Text\n"


# --- YAML mistakes in plain German; bounded parsing (issues 13 and 14) --------------------------

@pytest.mark.parametrize(("header", "line", "wrong", "expected"), [
    ("title: Gut\n\tslug: gut\n", 3, "Tabulator", "Tabulator durch Leerzeichen ersetzen"),
    ("title: Termin: Fest\n", 2, "Doppelpunkt", "title: \"Beispiel: Sprechstunde\""),
    ("title: \"Offen\nslug: offen\n", 4, "Anführungszeichen wird nicht geschlossen", "\"…\""),
    ("title: Gut\nslug\nlang: de\n", 4, "Zeile ohne Doppelpunkt", "'title: Neue Sprechstunde'"),
    ("tags: [Beratung, Familie\n", 3, "nicht richtig geschlossen", "tags: [Beratung, Familie]"),
    ("title: @Beispiel\n", 2, "besonders deutet", "Anführungszeichen"),
])
def test_yaml_errors_in_german(header: str, line: int, wrong: str, expected: str) -> None:
    err = parse_error(f"---\n{header}---\nText\n")
    assert (err.line, err.message.startswith("YAML-Fehler: ")) == (line, True), str(err)
    assert wrong in err.message and expected in err.expected, str(err)
    # no English from PyYAML, and the example field is a real field (not 'titel')
    for english in ("found", "mapping values", "expected", "while scanning", "titel:"):
        assert english not in str(err), str(err)


def test_alias_bomb_is_refused_at_once() -> None:
    """Nine levels of aliases ("billion laughs") took 5 GB of memory; now the first anchor is
    an error with its line, found by a linear scan before any tree is walked."""
    import time

    levels = "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
                     for i in range(1, 10))
    text = f"---\ntitle: Bombe\na0: &a0 [lol, lol, lol]\n{levels}---\nText\n"
    started = time.perf_counter()
    err = parse_error(text)
    assert time.perf_counter() - started < 1.0
    assert (err.line, err.message) == (3, "YAML-Anker '&a0' ist im Kopfbereich nicht erlaubt")


def test_alias_alone_is_refused() -> None:
    err = parse_error("---\ntitle: Gut\nslug: *gut\n---\nText\n")
    assert (err.line, err.message) == (3, "YAML-Verweis '*gut' ist im Kopfbereich nicht erlaubt")


def test_quoted_ampersand_and_star_are_text() -> None:
    fm = parse_front_matter("---\ntitle: \"&Co\"\nsummary: \"*neu*\"\n---\nText\n", PATH)
    assert fm.data == {"title": "&Co", "summary": "*neu*"}


def test_file_over_one_megabyte_is_refused() -> None:
    text = "---\ntitle: Groß\n---\n" + "Wort " * 220_000
    err = parse_error(text)
    assert (err.line, err.message) == (1, "Datei ist mit 1,1 MB zu groß")
    assert err.expected.startswith("höchstens 1 MB Text pro Datei")
    # just under the cap is fine
    parse_front_matter("---\ntitle: Gut\n---\n" + "x" * 999_000, PATH)


def test_content_error_survives_pickle() -> None:
    """Pelican's content cache pickles what the reader returns (and the settings with it)."""
    import pickle

    error = ContentError("content/news/x.md", 3, "Fehler", "erwartet", warning=True)
    assert pickle.loads(pickle.dumps(error)) == error
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


HEADERS = [
    "title: Ostern\ndate: 2025-04-20\n",
    "title: \"Fest: Beginn\"\nsummary: 'zwei\n  Zeilen'\ntags: [a, b]\n",
    "location:\n  name: Rathaus\n  address: Friedensplatz 1\nconfirmed:\n  - start: 2026-03-20\n"
    "    source: Diyanet\n  - start: 2027-03-10\n",
    "text: |\n  erste Zeile\n  zweite Zeile\nnumber: 12\nflag: yes\nnothing: ~\n",
    "names:\n  tr: Ramazan Bayramı\n  ar: عيد الفطر\n",
]


@pytest.mark.parametrize("header", HEADERS)
def test_fast_and_pure_python_parsers_agree(header: str) -> None:
    """libyaml reads valid headers (fast); the result is what PyYAML's own parser gives, lines
    included (dates stay text in both)."""
    from content_core import frontmatter

    if frontmatter._FastLoader is None:
        pytest.skip("PyYAML without libyaml here: only the pure-Python parser exists")
    fast_node, fast_data = frontmatter._compose(header)
    loader = frontmatter._Loader(header)
    node = loader.get_single_node()
    data = loader.construct_document(node)
    fast_lines: dict = {}
    lines: dict = {}
    frontmatter._collect_lines(fast_node, (), fast_lines)
    frontmatter._collect_lines(node, (), lines)
    assert (fast_data, fast_lines) == (data, lines)
    assert all(not hasattr(v, "year") for v in fast_data.values())
