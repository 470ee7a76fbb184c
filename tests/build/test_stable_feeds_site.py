"""Whole-site variant of the stable-feeds test (issue 15): two builds from two commits a day
apart, the second touching only ``docs/``, leave every VEVENT of every feed byte-identical.

The content is committed into a temporary git repository (fixed commit times); the builds use
``SOURCE_DATE_EPOCH`` of each commit's day as BUILD_DATE. The in-process variant (faster, with
a correction) is tests/inka_engine/test_stable_feeds.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks

ROOT = Path(tasks.__file__).resolve().parent
DAY1 = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
DAY2 = DAY1 + dt.timedelta(days=1)

Build = Callable[..., subprocess.CompletedProcess[str]]  # tests/conftest.py build_site_process
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo: Path, when: dt.datetime, *args: str) -> None:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S+0000")
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def _build(build: Build, output: Path, content: Path, day: dt.datetime) -> None:
    done = build(output, content, env={"SOURCE_DATE_EPOCH": str(int(day.timestamp())),
                                       "MIA_POSTERS": "0", "MIA_SEARCH": "0",
                                       "MIA_PRECOMPRESS": "0"})
    assert done.returncode == 0, done.stderr[-3000:]


def _vevents(output: Path) -> dict[tuple[str, str], bytes]:
    """(feed path, UID) → VEVENT bytes, over every .ics file of the site."""
    found: dict[tuple[str, str], bytes] = {}
    for path in sorted(output.rglob("*.ics")):
        for block in re.findall(rb"BEGIN:VEVENT\r\n(.*?)END:VEVENT", path.read_bytes(), re.S):
            uid = re.search(rb"^UID:(.*)\r$", block, re.M)
            assert uid is not None
            found[(path.relative_to(output).as_posix(), uid.group(1).decode())] = block
    return found


def test_two_builds_a_day_apart_leave_every_vevent_unchanged(tmp_path: Path,
                                                             build_site_process: Build) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    (repo / "docs").mkdir()
    (repo / "docs" / "notiz.md").write_text("eins\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _git(repo, DAY1, "add", "-A")
    _git(repo, DAY1, "commit", "-q", "-m", "content")
    _build(build_site_process, tmp_path / "out1", repo / "content", DAY1)
    (repo / "docs" / "notiz.md").write_text("zwei\n", encoding="utf-8")
    _git(repo, DAY2, "commit", "-q", "-am", "docs only")
    _build(build_site_process, tmp_path / "out2", repo / "content", DAY2)

    first, second = _vevents(tmp_path / "out1"), _vevents(tmp_path / "out2")
    assert len(first) > 1000
    assert first.keys() == second.keys()
    changed = [key for key in first if first[key] != second[key]]
    assert changed == [], f"{len(changed)} VEVENTs changed, e.g. {changed[:3]}"
    stamp = DAY1.strftime("%Y%m%dT%H%M%SZ").encode()
    feed = {uid: body for (path, uid), body in first.items() if path == "kalender/alle.ics"}
    assert all(b"DTSTAMP:" + stamp in body and b"LAST-MODIFIED:" + stamp in body
               for body in feed.values())
    assert any("-vorabend@" in uid for uid in feed)
