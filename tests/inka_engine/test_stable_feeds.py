"""Stable feeds (issue 15, design.md §6): DTSTAMP/LAST-MODIFIED are the last change of each
event's own files, so an unrelated commit a day later leaves every VEVENT byte-identical.

In-process and Pelican-free: the holiday files are committed into a temporary git repository
with fixed commit times, and the feeds are written with the same function the site uses.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from inka_engine import load_holidays, occurrences
from inka_engine.history import NO_HISTORY, History, holiday_files
from inka_engine.ical import build_calendar, to_ics

ROOT = Path(__file__).resolve().parents[2]
DAY1 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
DAY2 = DAY1 + dt.timedelta(days=1)
DAY3 = DAY2 + dt.timedelta(days=1)
COMMUNITIES = ("islamisch", "juedisch", "christlich")

# slow: each test writes the feeds of every holiday twice in a throw-away git repository
pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
              pytest.mark.slow]


def _git(repo: Path, *args: str, when: dt.datetime | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when is not None:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S+0000")
        env |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with three communities' holiday files and the engine, committed on DAY1."""
    repo = tmp_path / "site"
    for community in COMMUNITIES:
        shutil.copytree(ROOT / "content" / "inka" / community,
                        repo / "content" / "inka" / community)
    shutil.copytree(ROOT / "plugins" / "inka_engine", repo / "plugins" / "inka_engine",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "docs").mkdir()
    (repo / "docs" / "readme.md").write_text("Erste Fassung\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first", when=DAY1)
    return repo


def _feeds(repo: Path, today: dt.date) -> dict[str, dict[str, bytes]]:
    """lang → {UID: VEVENT bytes} of the whole feed 2025–2027, as the site writes them.

    The rule kinds' files are those of the repository under test (``rule_files`` names
    the engine's own modules; the copies in ``repo`` are what History knows)."""
    holidays = load_holidays(repo / "content" / "inka")
    found = occurrences(holidays, dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    history = History.of(repo / "content")
    engine = ROOT / "plugins"

    def in_repo(path: Path) -> Path:
        try:
            return repo / "plugins" / path.resolve().relative_to(engine)
        except ValueError:
            return path

    result: dict[str, dict[str, bytes]] = {}
    for lang in ("de", "tr"):
        cal = build_calendar(
            found, dtstamp=NO_HISTORY, lang=lang, today=today,
            change_for=lambda o, lang=lang: history.change(
                in_repo(p) for p in holiday_files(o.holiday, lang)))
        events = {}
        for block in to_ics(cal).split(b"BEGIN:VEVENT")[1:]:
            body = block.split(b"END:VEVENT")[0]
            uid = next(line for line in body.split(b"\r\n") if line.startswith(b"UID:"))
            events[uid.decode()] = body
        result[lang] = events
    return result


def test_unrelated_commit_a_day_later_leaves_every_vevent_identical(repo: Path) -> None:
    first = _feeds(repo, DAY1.date())
    (repo / "docs" / "readme.md").write_text("Zweite Fassung\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "docs only", when=DAY2)
    second = _feeds(repo, DAY2.date())
    for lang in first:
        assert len(first[lang]) > 150
        assert first[lang].keys() == second[lang].keys()
        changed = [uid for uid in first[lang] if first[lang][uid] != second[lang][uid]]
        assert changed == [], f"{lang}: {len(changed)} VEVENTs changed, e.g. {changed[:3]}"
    # The stamp is the commit time of the files, not the day of the build or the last commit.
    stamp = DAY1.strftime("%Y%m%dT%H%M%SZ").encode()
    sample = first["de"]["UID:juedisch-jom-kippur-5787@inka.mia-do-ki.dortmund.de"]
    assert b"DTSTAMP:" + stamp in sample and b"LAST-MODIFIED:" + stamp in sample
    assert b"SEQUENCE:0" in sample


def test_a_correction_changes_only_its_own_events_and_raises_sequence(repo: Path) -> None:
    first = _feeds(repo, DAY1.date())
    path = repo / "content" / "inka" / "juedisch" / "purim.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "variance_days: 0", "variance_days: 0\n# korrigiert"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "purim corrected", when=DAY3)
    second = _feeds(repo, DAY3.date())["de"]
    changed = sorted(uid for uid in first["de"] if first["de"][uid] != second[uid])
    assert changed and all("juedisch-purim-" in uid for uid in changed)
    stamp = DAY3.strftime("%Y%m%dT%H%M%SZ").encode()
    for uid in changed:
        assert b"LAST-MODIFIED:" + stamp in second[uid]
        assert b"SEQUENCE:1" in second[uid]


def test_without_git_the_stamp_is_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy = tmp_path / "plain"
    shutil.copytree(ROOT / "content" / "inka" / "juedisch", copy / "juedisch")
    history = History.of(copy)
    holiday = load_holidays(copy)[0]
    change = history.change(holiday_files(holiday, "de"))
    assert not history.available
    assert (change.stamp, change.sequence) == (NO_HISTORY, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert history.change([holiday.path]).stamp == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
