"""Subscription feeds of the Interkultureller Kalender (design.md §3, §6).

The feeds and data files are made in this process by the Pelican-free writer
(inka_site.feeds.build_files) from the engine's data, with the session build's clock
(SOURCE_DATE_EPOCH = 2026-01-01 00:00 UTC, so INKA_YEARS = 2025…2029); one whole-site test
(slow) checks that the build serves exactly these bytes. Reference dates come from cited
public sources, not from the engine:

* Rosh Hashana 5787: first day 12 September 2026, two days, begins at sundown on 11 September
  (hebcal.com, "Rosh Hashana 2026").
* Eid al-Fitr 1447: 20 March 2026, three days (Diyanet İşleri Başkanlığı, Dini Günler 2026).
* Western Easter Sunday 2026: 5 April 2026 (Deutsche Bischofskonferenz, "Bewegliche Feiertage").
* Eid al-Fitr falls twice in 2033: 1454 AH in early January, 1455 AH in late December
  (Wikipedia, "Eid al-Fitr", table of dates; Umm al-Qura).

After a deliberate change to the feeds: ``pytest tests/inka_site/test_inka_feeds.py
--update-golden`` (it prints the diff of each rewritten file) and review it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ical_lint
import pytest
from icalendar import Calendar

from inka_engine import COMMUNITIES, load_holidays, occurrences
from inka_engine.export import OPEN_DATA_FIELDS, to_json
from inka_site import feeds
from inka_site.calendar import build_calendar as site_calendar
from inka_site.feeds import FeedSettings
from mia_site import catalogs
from site_core import history
from site_core.history import History

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")
YEARS = tuple(range(2025, 2030))
DOMAIN = "inka.mia-do-ki.dortmund.de"
BASE = "https://mia-do-ki.dortmund.de"
FEEDS = ("alle", *COMMUNITIES)
SOURCE_DATE_EPOCH = "1767225600"  # as tests/conftest.py: 2026-01-01 00:00 UTC
BUILD_DATE = dt.date(2026, 1, 1)  # that moment in Europe/Berlin (pelican.conf.py BUILD_DATE)
NODE_MODULES = ROOT / "node_modules"
Files = dict[str, bytes]  # path below the site → bytes


def _require_tool(config: pytest.Config) -> Callable[..., None]:
    """tests/conftest.py's require_tool (skip loudly / fail under CI=true). Found through
    pytest's plugin manager: the module name "conftest" is shared by several folders."""
    wanted = ROOT / "tests" / "conftest.py"
    for plugin in config.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "/").resolve() == wanted:
            return plugin.require_tool  # type: ignore[no-any-return]
    raise LookupError(f"{wanted} is not loaded")


def prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def feed_path(lang: str, name: str) -> str:
    return f"{prefix(lang)}kalender/{name}.ics"


@functools.cache
def parse(data: bytes) -> Calendar:
    """The parsed feed (once per content: several tests read the same 60 feeds)."""
    return Calendar.from_ical(data)


@functools.cache
def events(data: bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in parse(data).walk("VEVENT")}


def feed_events(files: Files, lang: str, name: str) -> dict[str, Any]:
    return events(files[feed_path(lang, name)])


def writer_files(content: Path) -> dict[str, bytes]:
    """Every feed and open-data file of the calendar, as the build writes them (path below the
    site → bytes), made in this process by the Pelican-free writer (inka_site.feeds) from the
    engine's data, with the session build's clock and settings (pelican.conf.py)."""
    calendar = site_calendar(load_holidays(content), BUILD_DATE, years=YEARS)

    def translations(lang: str) -> Any:
        return catalogs.translations(ROOT, lang)

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        settings = FeedSettings(
            languages=LANGUAGES, default_lang="de", years=YEARS, site_url=BASE,
            uid_domain=DOMAIN, dtstamp=dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), dt.UTC),
            translate=lambda lang, message: translations(lang).gettext(message),
            history=History.of(content), today=BUILD_DATE, catalog=translations)
        return feeds.build_files(calendar.occurrences, settings).contents


@pytest.fixture(scope="module")
def inka_feed_files() -> Files:
    """The calendar's feeds and data files of the real content/inka (in-process, no site).
    Six languages × five years take ~16 s of CPU: tests/conftest.py counts it as `slow`."""
    return writer_files(ROOT / "content" / "inka")


# --- which feeds exist ------------------------------------------------------------------------

def test_the_site_serves_what_the_writer_writes(site_dir: Path,
                                                inka_feed_files: Files) -> None:
    """The one whole-site feed test (slow): every feed and data file of every language is in
    the build, byte for byte what the writer gives (the other tests use the writer directly);
    every event links a page of the build; every .ics of the site (events too) passes the
    strict lint."""
    for lang in LANGUAGES:
        for name in FEEDS:
            assert feed_path(lang, name) in inka_feed_files, (lang, name)
    for path, data in inka_feed_files.items():
        assert (site_dir / path).read_bytes() == data, path
    for lang in LANGUAGES:
        for event in feed_events(inka_feed_files, lang, "alle").values():
            url = str(event["URL"])
            assert (site_dir / url.removeprefix(BASE + "/") / "index.html").is_file(), url
    files = sorted(site_dir.rglob("*.ics"))
    assert len(files) >= len(LANGUAGES) * len(FEEDS)
    found = {str(f.relative_to(site_dir)): ical_lint.problems(f.read_bytes()) for f in files}
    bad = {name: problems[:5] for name, problems in found.items() if problems}
    assert not bad, bad


def test_feed_window_is_last_year_to_three_ahead(inka_feed_files: Files) -> None:
    starts = [e["DTSTART"].dt for e in feed_events(inka_feed_files, "de", "alle").values()]
    assert {d.year for d in starts} == set(YEARS)


def test_all_feed_is_the_union_of_the_community_feeds(inka_feed_files: Files) -> None:
    for lang in ("de", "ar"):
        union: set[str] = set()
        for community in COMMUNITIES:
            found = feed_events(inka_feed_files, lang, community)
            labels = {str(e["CATEGORIES"].cats[0]) for e in found.values()}
            assert len(labels) == 1, (lang, community, labels)  # the community, in words
            if lang == "de":
                assert labels == {community.replace("juedisch", "jüdisch")}
            union |= set(found)
        assert set(feed_events(inka_feed_files, lang, "alle")) == union
        assert any(uid.startswith("gesellschaftlich-") for uid in union)


# --- calendar and event properties ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_properties(inka_feed_files: Files, lang: str) -> None:
    for name in FEEDS:
        cal = parse(inka_feed_files[feed_path(lang, name)])
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["PRODID"]).startswith("-//Stadt Dortmund//")
        assert str(cal["CALSCALE"]) == "GREGORIAN" and str(cal["METHOD"]) == "PUBLISH"
        calname = str(cal["X-WR-CALNAME"])
        assert calname and not any(str(y) in calname for y in range(2000, 2100)), calname
        assert str(cal["X-WR-CALDESC"])
        assert str(cal["X-PUBLISHED-TTL"]) == "P1D"
        raw = inka_feed_files[feed_path(lang, name)]
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in raw


def test_localised_calendar_names(inka_feed_files: Files) -> None:
    names = {lang: str(parse(inka_feed_files[feed_path(lang, "juedisch")])["X-WR-CALNAME"])
             for lang in ("de", "en", "tr")}
    assert names == {"de": "Jüdische Feiertage – INKA Dortmund",
                     "en": "Jewish festivals and days of remembrance – INKA Dortmund",
                     "tr": "Yahudi inanç ve anma günleri – INKA Dortmund"}


def test_every_event_is_all_day_transparent_and_categorised(inka_feed_files: Files) -> None:
    for lang in LANGUAGES:
        for uid, event in feed_events(inka_feed_files, lang, "alle").items():
            start, end = event["DTSTART"], event["DTEND"]
            assert type(start.dt) is dt.date and type(end.dt) is dt.date, uid
            assert start.params.get("VALUE") == "DATE" or "VALUE" not in start.params
            assert end.dt > start.dt
            assert str(event["TRANSP"]) == "TRANSPARENT"
            # the community's label in the feed's language (German: the folder's word)
            label = str(event["CATEGORIES"].cats[0])
            if lang == "de":
                assert label == uid.split("-")[0].replace("juedisch", "jüdisch")
            else:
                assert label != uid.split("-")[0], label
            # Stamped with the last change of its own files (git), not with the build time.
            assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt
            assert event["DTSTAMP"].dt.year >= 2024 and event["DTSTAMP"].dt.utcoffset() == \
                dt.timedelta(0)
            assert int(event["SEQUENCE"]) >= 0
            assert str(event["CLASS"]) == "PUBLIC"
            assert str(event["X-MICROSOFT-CDO-ALLDAYEVENT"]) == "TRUE"
            assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == "FREE"
            assert uid.endswith(f"@{DOMAIN}")
            url = str(event["URL"])
            assert url.startswith(f"{BASE}/{prefix(lang)}kalender/") and url.endswith("/")
            assert url in str(event["DESCRIPTION"])  # a page of the build: the site test
    raw = inka_feed_files[feed_path("de", "alle")]
    assert b"DTSTART;VALUE=DATE:" in raw and b"DTEND;VALUE=DATE:" in raw


def test_rosh_hashana_5787_from_hebcal(inka_feed_files: Files) -> None:
    event = feed_events(inka_feed_files, "de", "juedisch")[f"juedisch-rosch-ha-schana-5787@{DOMAIN}"]
    assert event["DTSTART"].dt == dt.date(2026, 9, 12)
    assert event["DTEND"].dt == dt.date(2026, 9, 14)  # exclusive: 12 and 13 September
    assert str(event["SUMMARY"]) == "Rosch haSchana (Jüdisches Neujahr)"
    assert "Beginnt am Vorabend mit Sonnenuntergang." in str(event["DESCRIPTION"])


def test_eid_al_fitr_1447_from_diyanet(inka_feed_files: Files) -> None:
    uid = f"islamisch-eid-al-fitr-1447@{DOMAIN}"
    for lang, summary in (("de", "Ramadanfest (Ramazan Bayramı)"), ("en", "Eid al-Fitr"),
                          ("ar", "عيد الفطر")):
        event = feed_events(inka_feed_files, lang, "islamisch")[uid]
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (dt.date(2026, 3, 20),
                                                             dt.date(2026, 3, 23))
        assert str(event["SUMMARY"]) == summary  # confirmed: no "(voraussichtlich)"
    description = str(feed_events(inka_feed_files, "de", "islamisch")[uid]["DESCRIPTION"])
    assert "Diyanet/DITIB" in description and "um einen Tag abweichen" in description


def test_easter_2026(inka_feed_files: Files) -> None:
    event = feed_events(inka_feed_files, "de", "christlich")[f"christlich-ostersonntag-2026@{DOMAIN}"]
    assert event["DTSTART"].dt == dt.date(2026, 4, 5)


def test_estimated_dates_say_so_in_the_feeds_language(inka_feed_files: Files) -> None:
    # Kadir Gecesi 1448: computed by Diyanet's method, not yet published (the night of
    # 5 to 6 March 2027); 1447 is in Diyanet's published list: confirmed, no mark.
    uid = f"islamisch-lailat-al-qadr-1448@{DOMAIN}"
    # the same words as on the pages (one marker per language)
    expected = {"de": ("(voraussichtlich)", "kann sich um 1 Tag verschieben"),
                "en": ("(expected)", "may move by 1 day"),
                "tr": ("(tahmini)", "1 gün kayabilir"),
                "pl": ("(przewidywany termin)", "o 1 dzień")}
    for lang, (mark, variance) in expected.items():
        event = feed_events(inka_feed_files, lang, "islamisch")[uid]
        assert event["DTSTART"].dt == dt.date(2027, 3, 5)
        assert str(event["SUMMARY"]).endswith(" " + mark)
        assert variance in str(event["DESCRIPTION"])
    published = feed_events(inka_feed_files, "de", "islamisch")[
        f"islamisch-lailat-al-qadr-1447@{DOMAIN}"]
    assert published["DTSTART"].dt == dt.date(2026, 3, 16)  # Diyanet: Kadir Gecesi 16 März
    assert "voraussichtlich" not in str(published["SUMMARY"])
    assert "Diyanet" in str(published["DESCRIPTION"])
    # exact arithmetic dates are "estimated" but cannot move: no mark
    easter = feed_events(inka_feed_files, "de", "christlich")[f"christlich-ostersonntag-2026@{DOMAIN}"]
    assert str(easter["SUMMARY"]) == "Ostersonntag"


def test_other_languages_explain_in_their_language(inka_feed_files: Files) -> None:
    event = feed_events(inka_feed_files, "en", "juedisch")[f"juedisch-purim-5786@{DOMAIN}"]
    description = str(event["DESCRIPTION"])
    assert description.startswith("A joyful festival")  # content/inka/juedisch/purim.en.md
    assert "Ein fröhliches Fest" not in description
    assert "Begins at sunset on the evening before." in description
    assert "Basis of calculation: Jewish calendar" in description  # words, no program name
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert event["DESCRIPTION"].params["LANGUAGE"] == "en"  # all of it is English now


# --- UIDs ---------------------------------------------------------------------------------------

def test_uids_and_dates_are_the_same_in_every_language(inka_feed_files: Files) -> None:
    for name in FEEDS:
        german = {uid: (e["DTSTART"].dt, e["DTEND"].dt)
                  for uid, e in feed_events(inka_feed_files, "de", name).items()}
        for lang in LANGUAGES[1:]:
            other = {uid: (e["DTSTART"].dt, e["DTEND"].dt)
                     for uid, e in feed_events(inka_feed_files, lang, name).items()}
            assert other == german, (lang, name)


def test_uid_is_unique_when_eid_falls_twice_in_a_year() -> None:
    holidays = [h for h in load_holidays(ROOT / "content" / "inka")
                if h.ident == "islamisch/eid-al-fitr"]
    found = occurrences(holidays, dt.date(2033, 1, 1), dt.date(2033, 12, 31))
    assert [(o.start.year, o.start.month) for o in found] == [(2033, 1), (2033, 12)]
    rows = json.loads(to_json(found, "de", BASE, fields=OPEN_DATA_FIELDS,
                              uid_domain=DOMAIN))["holidays"]
    # The contract id names the occurrence like the UID, so it is unique (design.md §6).
    assert [r["id"] for r in rows] == ["islamisch/eid-al-fitr/1454", "islamisch/eid-al-fitr/1455"]
    assert [r["uid"] for r in rows] == [f"islamisch-eid-al-fitr-1454@{DOMAIN}",
                                        f"islamisch-eid-al-fitr-1455@{DOMAIN}"]


@pytest.fixture(scope="module")
def retitled(tmp_path_factory: pytest.TempPathFactory) -> Files:
    """The writer's files, made again, of a copy of content/inka in which Purim got a new
    German title."""
    content = tmp_path_factory.mktemp("retitled") / "inka"
    shutil.copytree(ROOT / "content" / "inka", content)
    purim = content / "juedisch" / "purim.md"
    text = purim.read_text(encoding="utf-8")
    text = text.replace("title: Purim\n", "title: Purimfest\n", 1)
    text = text.replace('  de: "Purim"\n', '  de: "Purimfest (Losfest)"\n', 1)
    purim.write_text(text, encoding="utf-8")
    return writer_files(content)


def test_a_title_edit_keeps_every_uid(inka_feed_files: Files,
                                      retitled: Files) -> None:
    uid = f"juedisch-purim-5786@{DOMAIN}"
    before = feed_events(inka_feed_files, "de", "juedisch")
    after = feed_events(retitled, "de", "juedisch")
    assert set(before) == set(after)
    assert str(before[uid]["SUMMARY"]) == "Purim"
    assert str(after[uid]["SUMMARY"]) == "Purimfest (Losfest)"
    # The copy is not a git checkout: its events carry the fixed fallback (SEQUENCE 0);
    # tests/inka_engine/test_stable_feeds.py follows stamps and SEQUENCE through commits.
    assert {int(e["SEQUENCE"]) for e in after.values()} == {0}


def test_two_runs_give_byte_identical_feeds_and_data(inka_feed_files: Files,
                                                     retitled: Files) -> None:
    """Two runs of the writer with one SOURCE_DATE_EPOCH: every file the title edit does not
    touch is byte-identical (the English names did not change). Two whole builds are compared
    in tests/site/test_golden.py."""
    unchanged = [*(feed_path("en", name) for name in FEEDS),
                 feed_path("de", "islamisch"), feed_path("de", "alevitisch"),
                 *(f"en/kalender/{y}.json" for y in YEARS),
                 *(f"pl/kalender/{y}.csv" for y in YEARS)]
    for path in unchanged:
        # The copy has no git history: its stamps are the fallback (compared elsewhere).
        assert _stable(inka_feed_files[path]) == _stable(retitled[path]), path


def test_dtstamp_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    fallback = dt.date(2000, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert history.repository_stamp(ROOT, fallback) == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert history.repository_stamp(tmp_path, fallback) == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_dtstamp_without_epoch_is_the_last_commit(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fallback = dt.date(2000, 1, 1)
    git = shutil.which("git")
    if git is not None and (ROOT / ".git").exists():
        committed = subprocess.run([git, "-C", str(ROOT), "log", "-1", "--format=%ct"],
                                   capture_output=True, text=True, check=True).stdout.strip()
        assert history.repository_stamp(ROOT, fallback) == dt.datetime.fromtimestamp(
            int(committed), tz=dt.UTC)
    # not a git checkout: midnight UTC of the build date, said out loud
    assert history.repository_stamp(tmp_path, fallback) == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    assert "kein git-Checkout" in capsys.readouterr().err


# --- strict lint, ical.js, Radicale -------------------------------------------------------------

def test_strict_lint_of_every_ics_file(inka_feed_files: Files) -> None:
    found = {path: ical_lint.problems(data) for path, data in inka_feed_files.items()
             if path.endswith(".ics")}
    assert len(found) == len(LANGUAGES) * len(FEEDS)
    bad = {name: problems[:5] for name, problems in found.items() if problems}
    assert not bad, bad


def test_lint_catches_what_icalendar_lets_through() -> None:
    good = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//DE\r\nX-WR-CALNAME:x\r\n"
            b"BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\n"
            b"DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\n"
            b"SUMMARY:Gr\xc3\xbc\xc3\x9fe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert ical_lint.problems(good) == []
    assert ical_lint.problems(good.replace(b"\r\n", b"\n"))
    assert ical_lint.problems(good.replace(b"SUMMARY:Gr", b"SUMMARY:" + b"x" * 80))
    assert ical_lint.problems(good.replace(b"UID:a@x\r\n", b""))
    assert ical_lint.problems(good.replace(b"SUMMARY:Gr", b"SUMMARY:a\r\nweil kaputt\r\nSUMMARY:Gr"))
    assert ical_lint.problems(good.replace(b"20260102", b"20260101"))
    # a fold inside the two octets of "ü" leaves an undecodable physical line
    folded = good.replace(b"SUMMARY:Gr\xc3\xbc", b"SUMMARY:Gr\xc3\r\n \xbc")
    assert any("UTF-8" in p for p in ical_lint.problems(folded))


def test_icalendar_folds_long_lines_without_splitting_characters(inka_feed_files: Files) -> None:
    raw = inka_feed_files[feed_path("ar", "alle")]
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long Arabic text was folded
    for line in lines:
        line.decode("utf-8")  # every physical line is whole UTF-8


def _icaljs(files: list[Path], node: str, config: pytest.Config) -> dict[str, dict[str, object]]:
    _require_tool(config)((NODE_MODULES / "ical.js").is_dir(), "node_modules/ical.js",
                          "run `npm ci --ignore-scripts` (make test does it)",
                          "INKA feeds parse with ical.js")
    script = Path(__file__).with_name("icaljs_inka.mjs")
    result = subprocess.run([node, str(script), *map(str, files)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_inka_feed_parses_with_icaljs(inka_feed_files: Files, node: str, tmp_path: Path,
                                            pytestconfig: pytest.Config) -> None:
    files: list[Path] = []
    for lang in LANGUAGES:
        for name in FEEDS:
            files.append(tmp_path / f"{lang}-{name}.ics")
            files[-1].write_bytes(inka_feed_files[feed_path(lang, name)])
    parsed = _icaljs(files, node, pytestconfig)
    assert set(parsed) == {str(f) for f in files}
    for file in files:
        info = parsed[str(file)]
        assert info["version"] == "2.0"
        assert len(info["events"]) == len(events(file.read_bytes()))  # type: ignore[arg-type]
        assert all(e["isDate"] for e in info["events"])  # type: ignore[union-attr]
    seen = {e["uid"]: e for e in parsed[str(tmp_path / "de-alle.ics")]["events"]}  # type: ignore[union-attr]
    rosh = seen[f"juedisch-rosch-ha-schana-5787@{DOMAIN}"]
    assert (rosh["start"], rosh["end"]) == ("2026-09-12", "2026-09-14")
    eid = seen[f"islamisch-eid-al-fitr-1447@{DOMAIN}"]
    assert (eid["summary"], eid["start"], eid["categories"]) == (
        "Ramadanfest (Ramazan Bayramı)", "2026-03-20", "islamisch")


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Radicale (pinned in requirements.txt) on loopback, auth none, storage in tmp."""
    import socket
    import sys
    import time

    tmp = tmp_path_factory.mktemp("radicale")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = tmp / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n[rights]\n"
        f"type = authenticated\n[storage]\nfilesystem_folder = {tmp / 'collections'}\n"
        "[logging]\nlevel = warning\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"Radicale did not start: {out}")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _dav(method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None
         ) -> tuple[int, bytes]:
    import base64
    import urllib.error
    import urllib.request

    auth = base64.b64encode(b"inka:x").decode()
    request = urllib.request.Request(url, data=body or None, method=method,
                                     headers={"Authorization": f"Basic {auth}", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize(("lang", "name"), [("de", "alle"), ("ar", "islamisch")])
@pytest.mark.slow  # a CalDAV server in a subprocess
def test_radicale_accepts_a_whole_feed(inka_feed_files: Files, radicale: str, lang: str,
                                       name: str) -> None:
    collection = f"{radicale}/inka/{lang}-{name}/"
    status, body = _dav("MKCALENDAR", collection)
    assert status == 201, body
    feed = inka_feed_files[feed_path(lang, name)]
    status, body = _dav("PUT", collection, feed,
                        {"Content-Type": "text/calendar; charset=utf-8"})
    assert status == 201, body[:500]
    status, body = _dav("PROPFIND", collection, b'<?xml version="1.0"?>'
                        b'<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>',
                        {"Depth": "1", "Content-Type": "application/xml"})
    assert status == 207
    items = body.decode().count(".ics</")
    assert items == len(events(feed))


# --- golden -------------------------------------------------------------------------------------

def _stable(data: bytes) -> bytes:
    """Feed bytes without the lines that come from the git history (DTSTAMP, LAST-MODIFIED,
    SEQUENCE): those change with every commit of a holiday file and are tested on their own
    (tests/inka_engine/test_stable_feeds.py, tests/build/test_stable_feeds_site.py)."""
    return re.sub(rb"^(DTSTAMP|LAST-MODIFIED|SEQUENCE):[^\r\n]*", rb"\1:(history)", data,
                  flags=re.M)


@pytest.mark.parametrize("path", ["kalender/juedisch.ics", "kalender/2026.json"])
def test_golden(inka_feed_files: Files, path: str, golden: Any) -> None:
    golden.check(GOLDEN / path.replace("/", "_"), _stable(inka_feed_files[path]),
                 built=f"writer: {path}", update_with="pytest tests/inka_site --update-golden")
