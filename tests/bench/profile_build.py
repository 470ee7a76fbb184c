"""Profile one build of the real site (issue 9: "profile before you optimise").

    invoke bench --profile            # or: python -m tests.bench.profile_build [--top 30]

Runs Pelican in this process under cProfile (into a temporary folder, SOURCE_DATE_EPOCH as the
test build) and prints the top entries by cumulative and by own time. cProfile inflates tight
Python loops (every call is counted), so the build is also timed once without the profiler and
per generator, which shows where the wall-clock time really goes. The environment decides
what runs (MIA_SEARCH=0, MIA_POSTERS=0, MIA_PRECOMPRESS=0, MIA_CACHE=0 switch parts off).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _pelican_args(output: Path) -> list[str]:
    return ["pelican", "-s", str(ROOT / "pelican.conf.py"), "-o", str(output), "-q",
            "--fatal", "warnings"]


def _run_pelican(output: Path) -> None:
    import pelican

    saved = sys.argv
    sys.argv = _pelican_args(output)
    try:
        pelican.main()
    except SystemExit as exc:
        if exc.code:
            raise
    finally:
        sys.argv = saved


def _timed_generators(stages: dict[str, float]) -> Callable[[], None]:
    """Wrap every generator's generate_context/generate_output with a wall-clock timer."""
    import importlib

    from pelican import generators

    for plugin in sorted((ROOT / "plugins").glob("*/__init__.py")):
        importlib.import_module(plugin.parent.name)  # so that their generators are wrapped too
    patched: list[tuple[type, str, Any]] = []

    def wrap(cls: type, name: str) -> None:
        original = cls.__dict__.get(name)
        if original is None:
            return

        def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                stages[f"{type(self).__name__}.{name}"] += time.perf_counter() - started

        patched.append((cls, name, original))
        setattr(cls, name, timed)

    def subclasses(cls: type) -> list[type]:
        return [cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))]

    for cls in subclasses(generators.Generator):
        wrap(cls, "generate_context")
        wrap(cls, "generate_output")

    def undo() -> None:
        for cls, name, original in patched:
            setattr(cls, name, original)

    return undo


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, help="write the pstats file here")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    for path in (ROOT, ROOT / "plugins"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    with tempfile.TemporaryDirectory(prefix="mia-profile-") as tmp:
        # 1. plain wall clock, per generator (imports warm, content cache as configured)
        import pelican  # noqa: F401 - import cost outside the timings

        stages: dict[str, float] = defaultdict(float)
        undo = _timed_generators(stages)
        started = time.perf_counter()
        try:
            _run_pelican(Path(tmp) / "timed")
        finally:
            undo()
        total = time.perf_counter() - started
        print(f"Build without profiler: {total:.2f} s wall")
        for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            if seconds >= 0.01:
                print(f"  {seconds:7.2f} s  {name}")
        rest = total - sum(stages.values())
        print(f"  {rest:7.2f} s  everything else (settings, plugins, static files, "
              "finalized: search index, compression)")
        # 2. cProfile
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            _run_pelican(Path(tmp) / "profiled")
        finally:
            profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(stream.getvalue())
    if args.save:
        stats.dump_stats(str(args.save))
    return 0


if __name__ == "__main__":
    sys.exit(main())
