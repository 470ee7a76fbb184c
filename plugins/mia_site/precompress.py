"""Pre-compressed twins of the text files in the output (design.md §8, issue 9): `x.html.gz` and
`x.html.br` next to `x.html`, so that a static server (nginx `gzip_static`/`brotli_static`)
sends them as they are instead of compressing on every request.

Runs in Pelican's `finalized` signal after the search index (mia_site/__init__.py connects it
after search.index_site), so Pagefind's scripts and styles get twins too. Reproducible: gzip
with mtime 0 and no file name in the header; Brotli is deterministic. MIA_PRECOMPRESS=0 skips
it (the preview does not need it).
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli

from site_build import reuse

SUFFIXES = frozenset({".html", ".css", ".js", ".xml", ".json", ".ics", ".svg", ".txt", ".csv"})
MIN_SIZE = 1024  # bytes: below this, the compressed file saves less than a network packet
GZIP_LEVEL = 9
# Brotli quality 8 gives files about 11 % larger than quality 11 on this site (3.47 MB against
# 3.13 MB for all twins) at a tenth of its cost; quality 9 and up cost 10-60x more (measured
# with tests/bench, see issue 9). Still smaller than gzip -9 (4.02 MB).
BROTLI_QUALITY = 8


def eligible(output: Path) -> Iterator[Path]:
    """Every text file above MIN_SIZE, in a stable order."""
    for path in sorted(output.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file() and path.stat().st_size > MIN_SIZE:
            yield path


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=BROTLI_QUALITY)


def _twins(path: Path) -> int:
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip_bytes(data))
    path.with_name(path.name + ".br").write_bytes(brotli_bytes(data))
    return len(data)


def _taken_over(path: Path, output: Path, live: Path | None) -> bool:
    """Link the live site's twins of ``path`` when ``path`` is the live file itself (a page
    the build took over, site_build.reuse): the same file, so the same twins."""
    if live is None:
        return False
    old = live / path.relative_to(output)
    twins = [old.with_name(old.name + suffix) for suffix in (".gz", ".br")]
    try:
        if not os.path.samefile(old, path) or not all(t.is_file() for t in twins):
            return False
        for twin in twins:
            target = path.with_name(twin.name)
            try:
                os.link(twin, target)
            except OSError:
                shutil.copy2(twin, target)
    except OSError:
        return False
    return True


def compress_tree(output: Path, workers: int = 2,
                  live: Path | None = None) -> tuple[int, int, int]:
    """Write the twins of every eligible file; (files compressed, bytes read, twins taken
    over from ``live``). zlib releases the GIL while it compresses, so with two threads one
    file's gzip overlaps another's Brotli."""
    every = list(eligible(output))
    files = [p for p in every if not _taken_over(p, output, live)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        total = sum(pool.map(_twins, files))
    return len(files), total, len(every) - len(files)


def precompress_site(pelican: Any) -> None:
    """`finalized`: compress the finished output (before tasks.build_site swaps it in)."""
    if os.environ.get("MIA_PRECOMPRESS", "1") == "0":
        print("Komprimierung: übersprungen (MIA_PRECOMPRESS=0)", file=sys.stderr)
        return
    started = time.perf_counter()
    count, size, kept = compress_tree(Path(pelican.output_path), live=reuse.live_folder())
    print(f"Komprimiert (.gz, .br): {count} Dateien, {size / 1e6:.1f} MB in "
          f"{time.perf_counter() - started:.1f} s; {kept} aus dem letzten Build übernommen",
          file=sys.stderr)
