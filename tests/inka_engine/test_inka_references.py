"""Rule kinds against reference dates from cited public tables (not from this engine).

Each table gives the start (first full civil day) of a holiday. The rules are those of
shared/holiday-rules.md; the same references are also checked against the real content
files in test_content.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inka_engine import Rule, rule_dates

D = date.fromisoformat


def starts(rule: Rule, year_from: int, year_to: int) -> set[date]:
    return {d for _, d in rule_dates(rule, date(year_from, 1, 1), date(year_to, 12, 31))}


# ---- christlich -------------------------------------------------------------------------
# Source: Western Easter Sunday table, de.wikipedia.org "Osterdatum" / "Ostersonntag"
# (also the dates behind the German public-holiday laws, e.g. FTG NRW).
WESTERN_EASTER = [
    "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21", "2020-04-12",
    "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05",
    "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
]
# Source: Buß- und Bettag (Saxony public holiday, SächsSFG), de.wikipedia.org "Buß- und Bettag".
BUSS_UND_BETTAG = ["2020-11-18", "2021-11-17", "2022-11-16", "2023-11-22", "2024-11-20",
                   "2025-11-19", "2026-11-18", "2027-11-17", "2028-11-22", "2029-11-21"]
# Source: de.wikipedia.org "Advent" (Termine des 1. Advents).
ERSTER_ADVENT = ["2020-11-29", "2021-11-28", "2022-11-27", "2023-12-03", "2024-12-01",
                 "2025-11-30", "2026-11-29", "2027-11-28", "2028-12-03", "2029-12-02"]
# Source: public-holiday calendars of Bavaria/NRW (Christi Himmelfahrt, Fronleichnam).
HIMMELFAHRT = ["2020-05-21", "2021-05-13", "2022-05-26", "2023-05-18", "2024-05-09",
               "2025-05-29", "2026-05-14", "2027-05-06", "2028-05-25", "2029-05-10"]
FRONLEICHNAM = ["2020-06-11", "2021-06-03", "2022-06-16", "2023-06-08", "2024-05-30",
                "2025-06-19", "2026-06-04", "2027-05-27", "2028-06-15", "2029-05-31"]

# ---- orthodox ---------------------------------------------------------------------------
# Source: en.wikipedia.org "List of dates for Easter" (Eastern column).
ORTHODOX_EASTER = [
    "2015-04-12", "2016-05-01", "2017-04-16", "2018-04-08", "2019-04-28", "2020-04-19",
    "2021-05-02", "2022-04-24", "2023-04-16", "2024-05-05", "2025-04-20", "2026-04-12",
    "2027-05-02", "2028-04-16", "2029-04-08", "2030-04-28",
]
# Source: Julian Dec 25 = Jan 7 (1901–2099), e.g. Serbian/Russian public holiday lists.
ORTHODOX_CHRISTMAS = [f"{y}-01-07" for y in range(2015, 2031)]

# ---- juedisch ---------------------------------------------------------------------------
# Source: hebcal.com holiday calendars (diaspora), first full civil day.
ROSH_HASHANA = ["2015-09-14", "2016-10-03", "2017-09-21", "2018-09-10", "2019-09-30",
                "2020-09-19", "2021-09-07", "2022-09-26", "2023-09-16", "2024-10-03",
                "2025-09-23", "2026-09-12"]
PESACH = ["2015-04-04", "2016-04-23", "2017-04-11", "2018-03-31", "2019-04-20", "2020-04-09",
          "2021-03-28", "2022-04-16", "2023-04-06", "2024-04-23", "2025-04-13", "2026-04-02"]
YOM_KIPPUR = ["2020-09-28", "2021-09-16", "2022-10-05", "2023-09-25", "2024-10-12",
              "2025-10-02", "2026-09-21"]
CHANUKKA = ["2020-12-11", "2021-11-29", "2022-12-19", "2023-12-08", "2024-12-26",
            "2025-12-15", "2026-12-05"]
PURIM = ["2020-03-10", "2021-02-26", "2022-03-17", "2023-03-07", "2024-03-24", "2025-03-14",
         "2026-03-03"]
# hebcal.com Yom HaShoah (with the Friday/Sunday moves: 2021, 2024, 2025).
YOM_HASHOAH = ["2020-04-21", "2021-04-08", "2022-04-28", "2023-04-18", "2024-05-06",
               "2025-04-24", "2026-04-14"]
# hebcal.com Tish'a B'Av (postponed from Shabbat in 2022 and 2025).
TISHA_BAV = ["2020-07-30", "2021-07-18", "2022-08-07", "2023-07-27", "2024-08-13",
             "2025-08-03", "2026-07-23"]
SHAVUOT = ["2020-05-29", "2021-05-17", "2022-06-05", "2023-05-26", "2024-06-12",
           "2025-06-02", "2026-05-22"]

# ---- islamisch --------------------------------------------------------------------------
# Source: Diyanet İşleri Başkanlığı, "Dini Günler" / Turkish public holidays (Ramazan Bayramı,
# Kurban Bayramı first day).
RAMAZAN_BAYRAMI = ["2015-07-17", "2016-07-05", "2017-06-25", "2018-06-15", "2019-06-04",
                   "2020-05-24", "2021-05-13", "2022-05-02", "2023-04-21", "2024-04-10",
                   "2025-03-30", "2026-03-20"]
KURBAN_BAYRAMI = ["2015-09-24", "2016-09-12", "2017-09-01", "2018-08-21", "2019-08-11",
                  "2020-07-31", "2021-07-20", "2022-07-09", "2023-06-28", "2024-06-16",
                  "2025-06-06", "2026-05-27"]
# Source: Diyanet "Dini Günler": first fasting day of Ramadan, and Hijri New Year.
# These are estimated by the engine (Umm al-Qura): they must lie within variance_days = 1.
RAMADAN_DIYANET = ["2020-04-24", "2021-04-13", "2022-04-02", "2023-03-23", "2024-03-11",
                   "2025-03-01", "2026-02-19"]
HIJRI_NEW_YEAR_DIYANET = ["2020-08-20", "2021-08-09", "2022-07-30", "2023-07-19",
                          "2024-07-07", "2025-06-26"]

# ---- alevitisch -------------------------------------------------------------------------
# Sources: holiday-rules.md §5 check points — NRW 2019 Hızır fast 12–14 Feb; Dortmund INKA
# 2026 start 10 Feb; Muharrem fast start t24.com.tr 2023-07-19, iits.univie.ac.at 2024-07-07.
HIZIR = ["2019-02-12", "2026-02-10"]
MUHARREM = ["2023-07-19", "2024-07-07"]
# Gadir-i Hum = Diyanet Kurban Bayramı + 8 days (adipanadolu.org; holiday-rules.md §5).
GADIR = [str(D(d) + timedelta(8)) for d in KURBAN_BAYRAMI]

# ---- jesidisch --------------------------------------------------------------------------
# Sources: Çarşema Sor — Iraqi official holiday 2023-04-19, 2024-04-17, 2025-04-16 (news
# reports of the Iraqi cabinet decision; de.wikipedia "Religiöse Feste der Jesiden" rule);
# Cejna Êzîd — s-j-a.org 2020-12-18, anfdeutsch.com 2022-12-16.
CARSEMA_SOR = ["2023-04-19", "2024-04-17", "2025-04-16"]
CEJNA_EZID = ["2020-12-18", "2022-12-16"]
# Cejna Cemaiyê: Iraqi law, Oct 6–13 (Julian Sep 23–30), every year 1900–2099.
CEJNA_CEMAIYE = [f"{y}-10-06" for y in range(2015, 2031)]

# ---- hinduistisch -----------------------------------------------------------------------
# Source: Government of India, central government holiday lists (gazetted/restricted),
# cross-checked with drikpanchang.com.
HOLI = ["2019-03-21", "2020-03-10", "2021-03-29", "2022-03-18", "2023-03-08", "2024-03-25",
        "2025-03-14", "2026-03-04"]
DUSSEHRA = ["2020-10-25", "2021-10-15", "2022-10-05", "2023-10-24", "2024-10-12",
            "2025-10-02"]
DIWALI = ["2019-10-27", "2020-11-14", "2021-11-04", "2022-10-24", "2023-11-12"]
MAHA_SHIVARATRI = ["2020-02-21", "2021-03-11", "2022-03-01", "2023-02-18", "2024-03-08",
                   "2025-02-26"]
GANESH_CHATURTHI = ["2020-08-22", "2021-09-10", "2022-08-31", "2023-09-19", "2024-09-07",
                    "2025-08-27"]

# ---- buddhistisch -----------------------------------------------------------------------
# Source: en.wikipedia.org "Chinese New Year" (table of dates); Vietnam (Tết) identical in
# these years except 2030 (holiday-rules.md §8: Vietnam 2030-02-02, China 2030-02-03).
TET = ["2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
       "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
       "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02"]
CHINESE_NEW_YEAR = [*TET[:-1], "2030-02-03"]
# Source: NASA/timeanddate.com moon phase tables, first full moon in May (Europe/Berlin).
VESAK_DBU = ["2020-05-07", "2021-05-26", "2022-05-16", "2023-05-05", "2024-05-23",
             "2025-05-12", "2026-05-01", "2027-05-20", "2028-05-08", "2029-05-27",
             "2030-05-17"]
# Source: en.wikipedia.org "Ghost Festival" (15th day of the 7th lunar month).
ULLAMBANA = ["2020-09-02", "2021-08-22", "2022-08-12", "2023-08-30", "2024-08-18",
             "2025-09-06"]
# Source: Thai public holiday calendars (Makha Bucha, Asanha Bucha).
MAKHA_BUCHA = ["2020-02-08", "2021-02-26", "2022-02-16", "2023-03-06", "2024-02-24",
               "2025-02-12", "2026-03-03"]
ASALHA_BUCHA = ["2020-07-05", "2021-07-24", "2022-07-13", "2023-08-01", "2024-07-20",
                "2025-07-10"]
# Source: Losar (Tibetan New Year), en.wikipedia.org "Losar" table of dates.
LOSAR = ["2020-02-24", "2021-02-12", "2022-03-03", "2023-02-21", "2024-02-10", "2025-02-28",
         "2026-02-18"]

R = Rule.of

#: (community/key, rule from holiday-rules.md, reference starts)
EXACT: list[tuple[str, Rule, list[str]]] = [
    ("christlich/ostersonntag", R("easter", calendar="western", offset=0), WESTERN_EASTER),
    ("christlich/buss-und-bettag",
     R("weekday-on-or-after", weekday="wednesday", month=11, day=16), BUSS_UND_BETTAG),
    ("christlich/erster-advent",
     R("weekday-on-or-after", weekday="sunday", month=11, day=27), ERSTER_ADVENT),
    ("christlich/christi-himmelfahrt", R("easter", calendar="western", offset=39), HIMMELFAHRT),
    ("christlich/fronleichnam", R("easter", calendar="western", offset=60), FRONLEICHNAM),
    ("orthodox/ostern", R("easter", calendar="orthodox", offset=0), ORTHODOX_EASTER),
    ("orthodox/weihnachten", R("julian", month=12, day=25), ORTHODOX_CHRISTMAS),
    ("juedisch/rosch-ha-schana", R("hebrew", month="tishri", day=1), ROSH_HASHANA),
    ("juedisch/pessach", R("hebrew", month="nisan", day=15), PESACH),
    ("juedisch/jom-kippur", R("hebrew", month="tishri", day=10), YOM_KIPPUR),
    ("juedisch/chanukka", R("hebrew", month="kislev", day=25), CHANUKKA),
    ("juedisch/purim", R("hebrew", month="adar", day=14), PURIM),
    ("juedisch/jom-ha-schoa", R("hebrew", month="nisan", day=27, postpone="yom-hashoah"),
     YOM_HASHOAH),
    ("juedisch/tischa-be-aw", R("hebrew", month="av", day=9, postpone="shabbat"), TISHA_BAV),
    ("juedisch/schawuot", R("hebrew", month="sivan", day=6), SHAVUOT),
    ("islamisch/eid-al-fitr", R("hijri", month=10, day=1), RAMAZAN_BAYRAMI),
    ("islamisch/eid-al-adha", R("hijri", month=12, day=10), KURBAN_BAYRAMI),
    ("alevitisch/hizir-orucu",
     R("weekday-on-or-after", weekday="tuesday", month=2, day=8), HIZIR),
    ("alevitisch/gadir-hum", R("hijri", month=12, day=18), GADIR),
    ("jesidisch/carsema-sor",
     R("weekday-on-or-after", weekday="wednesday", month=4, day=1, calendar="julian"),
     CARSEMA_SOR),
    ("jesidisch/cejna-ezid",
     R("weekday-on-or-after", weekday="friday", month=12, day=1, calendar="julian"),
     CEJNA_EZID),
    ("jesidisch/cejna-cemaiye", R("julian", month=9, day=23), CEJNA_CEMAIYE),
    ("hinduistisch/holi", R("table", source="holidays:IN", name="Holi"), HOLI),
    ("hinduistisch/dussehra", R("table", source="holidays:IN", name="Dussehra"), DUSSEHRA),
    ("hinduistisch/diwali", R("table", source="holidays:IN", name="Diwali"), DIWALI),
    ("hinduistisch/maha-shivaratri", R("table", source="holidays:IN", name="Maha Shivaratri"),
     MAHA_SHIVARATRI),
    ("hinduistisch/ganesh-chaturthi",
     R("table", source="holidays:IN",
       name=["Ganesh Chaturthi / Vinayak Chaturthi", "Ganesh Chaturthi"]), GANESH_CHATURTHI),
    ("buddhistisch/neujahr-lunar", R("table", source="holidays:VN", name="Lunar New Year"), TET),
    ("buddhistisch/vesak", R("full-moon", month=5, timezone="Europe/Berlin"), VESAK_DBU),
    ("buddhistisch/ullambana", R("chinese-lunar", month=7, day=15), ULLAMBANA),
    ("buddhistisch/magha-puja", R("table", source="holidays:TH", name="Makha Bucha"),
     MAKHA_BUCHA),
    ("buddhistisch/asalha-puja", R("table", source="holidays:TH", name="Asarnha Bucha"),
     ASALHA_BUCHA),
    ("buddhistisch/losar", R("table", source="holidays:BT", name="Losar"), LOSAR),
]

#: Estimated rules: reference within ``variance`` days.
WITHIN: list[tuple[str, Rule, list[str], int]] = [
    ("islamisch/ramadan-beginn", R("hijri", month=9, day=1), RAMADAN_DIYANET, 1),
    ("islamisch/islamisches-neujahr", R("hijri", month=1, day=1), HIJRI_NEW_YEAR_DIYANET, 1),
    ("alevitisch/muharrem-fasten", R("hijri", month=1, day=1), MUHARREM, 1),
]


def _cases() -> list[tuple[str, Rule, str]]:
    return [(ident, rule, ref) for ident, rule, refs in EXACT for ref in refs]


@pytest.mark.parametrize(("ident", "rule", "reference"), _cases(),
                         ids=[f"{i}-{r}" for i, _, r in _cases()])
def test_rule_gives_reference_date(ident: str, rule: Rule, reference: str) -> None:
    day = D(reference)
    assert day in starts(rule, day.year, day.year), ident


@pytest.mark.parametrize(("ident", "rule", "refs", "variance"), WITHIN,
                         ids=[w[0] for w in WITHIN])
def test_estimate_within_variance(ident: str, rule: Rule, refs: list[str], variance: int) -> None:
    for reference in refs:
        day = D(reference)
        found = starts(rule, day.year, day.year)
        assert min(abs((d - day).days) for d in found) <= variance, (ident, reference, found)


def test_chinese_lunar_kind_matches_chinese_new_year() -> None:
    rule = R("chinese-lunar", month=1, day=1)
    for reference in CHINESE_NEW_YEAR:
        day = D(reference)
        assert day in starts(rule, day.year, day.year)


def test_reference_rows_per_community() -> None:
    """At least ten reference rows for each community where public tables exist."""
    counts: dict[str, int] = {}
    for ident, _, refs in EXACT:
        counts[ident.split("/")[0]] = counts.get(ident.split("/")[0], 0) + len(refs)
    for ident, _, refs, _ in WITHIN:
        counts[ident.split("/")[0]] = counts.get(ident.split("/")[0], 0) + len(refs)
    assert all(counts[c] >= 10 for c in counts), counts
