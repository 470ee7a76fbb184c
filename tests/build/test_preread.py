"""Uncached files are read in forked processes before Pelican reads them (mia_site.preread,
issue 17). A child's read is kept only when it is exactly what the build process would have
cached; every other file is read again by Pelican, so messages do not depend on this step.
The whole site read this way equals the site read in one process:
tests/build/test_parallel_render.py (each run with its own content cache)."""

from __future__ import annotations

import logging
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mia_site import preread
from mia_site.reader import PROBLEMS, BuildProblems
from site_build import parallel
from tests.samples import CORE_BUILD

FAST = {**CORE_BUILD, "MIA_RENDER_CACHE": "0"}
Build = Callable[..., subprocess.CompletedProcess[str]]


class Reader:
    """Reads ``<name>.md`` as its name says: clean, or with a problem of one kind."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def read(self, path: str) -> tuple[str, dict[str, Any]]:
        name = Path(path).stem
        problems = self.settings[PROBLEMS]
        if name == "prints":
            print("HINWEIS: etwas")
        elif name == "logs":
            logging.getLogger("pelican.test").warning("eine Warnung")
        elif name == "warns":
            warnings.warn("eine Python-Warnung", UserWarning, stacklevel=1)
        elif name == "error":
            problems.errors.append("ein Fehler")
        elif name == "uncacheable":
            problems.uncacheable.add(path)
        elif name == "raises":
            raise ValueError("kaputt")
        return f"<p>{name}</p>", {"title": name, "reader_only": None}


class Readers:
    def __init__(self) -> None:
        self.settings: dict[str, Any] = {PROBLEMS: BuildProblems()}
        self.readers = {"md": Reader(self.settings)}


def test_a_child_keeps_only_clean_reads(capsys: pytest.CaptureFixture[str]) -> None:
    handlers, shown = logging.getLogger().handlers[:], warnings.showwarning
    names = ("clean", "prints", "logs", "warns", "error", "uncacheable", "raises", "also-clean")
    found = preread._read_share(Readers(), [f"/c/{name}.md" for name in names])
    assert [path for path, _data in found] == ["/c/clean.md", "/c/also-clean.md"]
    content, metadata = found[0][1]
    assert content == "<p>clean</p>" and metadata["title"] == "clean"
    captured = capsys.readouterr()
    assert "HINWEIS" not in captured.out + captured.err  # shown when the build reads it again
    assert "Warnung" not in captured.out + captured.err
    # The build's logging and warnings are given back.
    assert logging.getLogger().handlers == handlers and warnings.showwarning is shown


@pytest.mark.slow
@pytest.mark.skipif(not parallel.can_fork(), reason="no fork here: one process reads")
def test_a_broken_file_is_reported_as_in_one_process(tmp_path: Path, real_content_copy: Path,
                                                      build_site_process: Build) -> None:
    """Errors of the content check stop the build with the same messages, with the files read
    in two processes first or in the build process alone."""
    news = sorted((real_content_copy / "news").glob("*.md"))
    news[0].write_text(news[0].read_text(encoding="utf-8").replace("title:", "titel:", 1),
                       encoding="utf-8")
    messages = {}
    for workers in ("2", "1"):
        result = build_site_process(
            tmp_path / f"out-{workers}", real_content_copy,
            env={**FAST, "MIA_WORKERS": workers, "MIA_CACHE_PATH": str(tmp_path / workers)})
        assert result.returncode == 1, result.stderr
        assert ("in 2 Prozessen gelesen" in result.stderr) == (workers == "2"), result.stderr
        messages[workers] = [line for line in result.stderr.splitlines()
                             if line.startswith("content/")]
    assert messages["2"] and messages["2"] == messages["1"]
    assert any(news[0].name in line and "title" in line for line in messages["2"]), messages

