"""Helpers of the editors' workflow tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The test suite's one clock (tests/conftest.py SOURCE_DATE_EPOCH = 2026-01-01).
BUILD_DATE = dt.date(2026, 1, 1)
EPOCH_2026_01_01 = "1767225600"


def invoke(*args: str, epoch: str = EPOCH_2026_01_01) -> subprocess.CompletedProcess[str]:
    """Run ``invoke <args>`` as an editor would (no terminal, so nothing is asked)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
