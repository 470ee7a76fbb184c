"""``python -m inka_engine.bench``: time to compute all holidays for one year and 1900–2100.

Cold = all engine caches emptied first (libraries already imported); warm = run again.
Goal: one year < 50 ms, 201 years < 5 s (warm).
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from .engine import clear_caches, occurrences
from .loader import load_holidays
from .model import Holiday


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    t0 = time.perf_counter()
    count = run()
    return time.perf_counter() - t0, count


def measure(holidays: list[Holiday], year: int, first: int, last: int) -> list[tuple[str, float, int]]:
    def one() -> int:
        return len(occurrences(holidays, date(year, 1, 1), date(year, 12, 31)))

    def span() -> int:
        return len(occurrences(holidays, date(first, 1, 1), date(last, 12, 31)))

    rows = []
    clear_caches()
    rows.append((f"{year}, cold", *_timed(one)))
    rows.append((f"{year}, warm", *_timed(one)))
    clear_caches()
    rows.append((f"{first}–{last}, cold", *_timed(span)))
    rows.append((f"{first}–{last}, warm", *_timed(span)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m inka_engine.bench", description=__doc__)
    p.add_argument("--content", type=Path, default=Path("content/inka"))
    p.add_argument("--year", type=int, default=2026)
    p.add_argument("--first", type=int, default=1900)
    p.add_argument("--last", type=int, default=2100)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("inka_engine").setLevel(logging.WARNING)  # omissions are expected here
    t0 = time.perf_counter()
    holidays = load_holidays(args.content)
    load = time.perf_counter() - t0
    print(f"{len(holidays)} holidays loaded from {args.content} in {load * 1000:.0f} ms")
    print(f"{'run':<22} {'time':>10} {'occurrences':>12}")
    for name, seconds, count in measure(holidays, args.year, args.first, args.last):
        shown = f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
        print(f"{name:<22} {shown:>10} {count:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
