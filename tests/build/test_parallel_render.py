"""Pages render in forked processes (site_build.parallel, issue 17): the site is the same byte
for byte as when one process renders everything, and an error in a child names the file the
build was working on, as in one process (the whole build with a broken template:
tests/build/test_first_run.py, test_unexpected_error_is_one_german_sentence_…)."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from site_build import parallel, working
from tests.samples import CORE_BUILD

ROOT = Path(tasks.__file__).resolve().parent
FAST = {**CORE_BUILD, "MIA_RENDER_CACHE": "0"}
Build = Callable[..., subprocess.CompletedProcess[str]]
needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no fork here: one process")


@needs_fork
def test_children_results_come_back_in_order() -> None:
    assert parallel.run_forked(3, lambda part: [part * 10, part]) == [[0, 0], [10, 1], [20, 2]]


@needs_fork
def test_a_failing_child_says_what_it_was_working_on() -> None:
    def work(part: int) -> int:
        working.mark(f"content/news/{part}.md")
        if part == 1:
            raise ValueError("kaputt")
        return part

    first, failed = parallel.run_forked(2, work)
    assert first == 0
    assert (failed.where, failed.kind, failed.message) == ("content/news/1.md", "ValueError",
                                                           "kaputt")
    with pytest.raises(parallel.ChildError, match=r"^kaputt$") as raised:
        failed.raise_again()
    assert raised.value.kind == "ValueError"
    assert "raise ValueError" in raised.value.details
    assert working.current() == "content/news/1.md"


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


@needs_fork
def test_parallel_site_equals_one_process(tmp_path: Path, build_site_process: Build) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    results = {}
    for workers in ("2", "1"):
        output = tmp_path / f"out-{workers}"
        # Each run with its own content cache: with two, the files are read in two processes
        # first (mia_site.preread), with one, Pelican reads them in the build process.
        result = build_site_process(output, content, env={
            **FAST, "MIA_WORKERS": workers, "MIA_CACHE_PATH": str(tmp_path / f"cache-{workers}")})
        assert result.returncode == 0, result.stderr
        assert ("in 2 Prozessen gelesen" in result.stderr) == (workers == "2")
        results[workers] = _tree(output)
    two, one = results["2"], results["1"]
    assert set(two) == set(one)
    differ = [p for p in sorted(one) if not filecmp.cmp(one[p], two[p], shallow=False)]
    assert differ == []
    assert len([p for p in one if p.endswith(".html")]) > 900
