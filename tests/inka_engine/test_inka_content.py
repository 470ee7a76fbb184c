"""The real content/inka: every holiday of the spec loads without errors and has a 2026 date.

The expected community/key pairs are the spec (shared/holiday-rules.md tables: 83 holidays
plus the 5 societal days), not engine output. Reference dates of the real files are checked
against the same cited tables as the rule kinds (test_inka_references.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from inka_test_support import CONTENT
from test_inka_references import EXACT, WITHIN

from inka_engine import Holiday, collect_holidays, occurrences

SPEC: dict[str, tuple[str, ...]] = {
    "christlich": (
        "heilige-drei-koenige", "aschermittwoch", "gruendonnerstag", "karfreitag",
        "ostersonntag", "ostermontag", "christi-himmelfahrt", "pfingstsonntag", "pfingstmontag",
        "fronleichnam", "mariae-himmelfahrt", "erntedankfest", "reformationstag",
        "allerheiligen", "buss-und-bettag", "erster-advent", "heiligabend", "weihnachten",
    ),
    "orthodox": (
        "weihnachten", "neujahr", "theophanie", "reiner-montag", "karfreitag", "ostern",
        "ostermontag", "christi-himmelfahrt", "pfingsten", "mariae-entschlafung",
    ),
    "juedisch": (
        "tu-bischwat", "purim", "pessach", "jom-ha-schoa", "schawuot", "tischa-be-aw",
        "rosch-ha-schana", "jom-kippur", "sukkot", "schemini-azeret", "simchat-tora", "chanukka",
    ),
    "islamisch": (
        "islamisches-neujahr", "aschura", "maulid", "lailat-al-miradsch", "lailat-al-baraa",
        "ramadan-beginn", "lailat-al-qadr", "eid-al-fitr", "eid-al-adha",
    ),
    "alevitisch": (
        "hizir-orucu", "nevruz", "hidirellez", "sivas-gedenktag", "haci-bektas-veli",
        "muharrem-fasten", "asure", "gadir-hum",
    ),
    "jesidisch": (
        "cile-zivistane", "xidir-nebi-xidir-ilyas", "carsema-sor", "cejna-cemaiye",
        "rojiyen-ezid", "cejna-ezid",
    ),
    "hinduistisch": (
        "makar-sankranti", "thai-pongal", "maha-shivaratri", "holi", "tamil-neujahr",
        "rama-navami", "raksha-bandhan", "krishna-janmashtami", "ganesh-chaturthi", "navaratri",
        "dussehra", "diwali",
    ),
    "buddhistisch": (
        "neujahr-lunar", "losar", "parinirvana", "magha-puja", "vesak", "asalha-puja",
        "ullambana", "bodhi-tag",
    ),
    "gesellschaftlich": (
        "tag-der-muttersprache", "tag-gegen-rassismus", "tag-der-roma", "weltfluechtlingstag",
        "tag-der-menschenrechte",
    ),
}
EXPECTED = {(c, k) for c, keys in SPEC.items() for k in keys}


@pytest.fixture(scope="module")
def content() -> dict[str, Holiday]:
    holidays, errors = collect_holidays(CONTENT)
    assert not errors, "\n".join(str(e) for e in errors)
    return {h.ident: h for h in holidays}


def test_spec_has_88_holidays() -> None:
    assert len(EXPECTED) == 88


def test_all_holidays_load(content: dict[str, Holiday]) -> None:
    loaded = {tuple(ident.split("/")) for ident in content}
    assert sorted(EXPECTED - loaded) == [], "missing holiday files"
    assert sorted(loaded - EXPECTED) == [], "holiday files not in the spec"


def test_every_holiday_occurs_in_2026(content: dict[str, Holiday]) -> None:
    found = occurrences(content.values(), date(2026, 1, 1), date(2026, 12, 31))
    seen = {f"{o.community}/{o.key}" for o in found}
    assert sorted(set(content) - seen) == []


@pytest.mark.parametrize(("ident", "refs"), [(e[0], e[2]) for e in EXACT],
                         ids=[e[0] for e in EXACT])
def test_content_gives_reference_dates(content: dict[str, Holiday], ident: str,
                                       refs: list[str]) -> None:
    holiday = content[ident]
    for reference in refs:
        day = date.fromisoformat(reference)
        starts = {o.start for o in occurrences([holiday], date(day.year, 1, 1),
                                               date(day.year, 12, 31))}
        assert day in starts, (ident, reference, starts)


@pytest.mark.parametrize(("ident", "refs", "variance"), [(w[0], w[2], w[3]) for w in WITHIN],
                         ids=[w[0] for w in WITHIN])
def test_content_estimates_within_variance(content: dict[str, Holiday], ident: str,
                                           refs: list[str], variance: int) -> None:
    holiday = content[ident]
    assert holiday.variance_days >= variance
    for reference in refs:
        day = date.fromisoformat(reference)
        starts = [o.start for o in occurrences([holiday], date(day.year, 1, 1),
                                               date(day.year, 12, 31))]
        assert min(abs((s - day).days) for s in starts) <= holiday.variance_days
