"""Full-text search with Pagefind (design.md §8): one index per language, built from the
finished output. It runs before tasks.build_site swaps the new output in, so a failed
indexing fails the build like any other error."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any


def index_site(pelican: Any) -> None:
    """Index every page's `data-pagefind-body` into `<output>/pagefind/` (per `<html lang>`)."""
    if os.environ.get("MIA_SEARCH", "1") == "0":
        print("Suche: übersprungen (MIA_SEARCH=0)", file=sys.stderr)
        return
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--silent"],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        print("Suchindex (Pagefind) konnte nicht erstellt werden.", file=sys.stderr)
        raise SystemExit(1)
    print(f"Suchindex erstellt in {time.perf_counter() - started:.1f} s", file=sys.stderr)
