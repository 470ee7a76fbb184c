"""`make build` on a machine without libharfbuzz-subset0 (issue 14).

Chromium pulls that library in on CI; a fresh Debian without Chromium lacks it, WeasyPrint then
subsets fonts with fontTools and says so in a warning, which `--fatal warnings` turned into
"RuntimeError: Warning or error encountered" after minutes. The notice is filtered by its text
(inka_poster.render.HARMLESS); any other warning still stops the build.

The library is hidden in a private mount namespace (`unshare -m`, bind-mounting /dev/null over
it), which needs root. Where that is impossible (no root, a container without the right), a
`sitecustomize` on PYTHONPATH makes cffi refuse to open it instead, in every process of the
build; either way the test first asserts that WeasyPrint really runs without it.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tasks

ROOT = Path(tasks.__file__).resolve().parent
SHIM = """
import cffi

_dlopen = cffi.FFI.dlopen


def _without_harfbuzz_subset(self, name, *args, **kwargs):
    if name and "harfbuzz-subset" in str(name):
        raise OSError(f"cannot load library {name!r}: hidden by the test")
    return _dlopen(self, name, *args, **kwargs)


cffi.FFI.dlopen = _without_harfbuzz_subset
"""


def _library() -> Path | None:
    name = ctypes.util.find_library("harfbuzz-subset")
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                   "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"):
        path = Path(folder) / (name or "libharfbuzz-subset.so.0")
        if path.exists():
            return path.resolve()
    return None


def _hidden(command: str, library: Path) -> list[str]:
    return ["unshare", "-m", "--propagation", "private", "sh", "-c",
            f"mount --bind /dev/null {library} && exec {command}"]


@pytest.mark.slow
def test_build_without_harfbuzz_subset(tmp_path: Path) -> None:
    library = _library()
    hide: list[str] = []
    extra: dict[str, str] = {}
    if library is not None and shutil.which("unshare") and os.geteuid() == 0 \
            and subprocess.run(_hidden("true", library), capture_output=True,
                               check=False).returncode == 0:
        hide = [*_hidden("\"$@\"", library), "hidden"]
    elif library is not None:  # no mount namespace here: cffi refuses the library instead
        shim = tmp_path / "shim"
        shim.mkdir()
        (shim / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
        extra["PYTHONPATH"] = os.pathsep.join([str(shim), os.environ.get("PYTHONPATH", "")])
    probe = [sys.executable, "-c",
             "from weasyprint.text.ffi import harfbuzz_subset; print(harfbuzz_subset is None)"]
    build = [sys.executable, "-m", "invoke", "build", "--output", str(tmp_path / "output")]

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        wrapped = [*hide, *args]
        # German only, without search and compression: 10 posters (5 years × A1/A4), each
        # rendered afresh (a private poster cache), which is where the warning came from.
        env = {**os.environ, "MIA_LANGUAGES": "de", "MIA_SEARCH": "0", "MIA_PRECOMPRESS": "0",
               "MIA_POSTER_CACHE": str(tmp_path / "posters"), "MIA_POSTER_WORKERS": "1",
               **extra}
        return subprocess.run(wrapped, cwd=ROOT, env=env, capture_output=True, text=True,
                              check=False)

    probed = run(probe)
    assert probed.stdout.strip() == "True", probed.stdout + probed.stderr
    result = run(build)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Warning or error encountered" not in result.stdout + result.stderr
    pdfs = sorted((tmp_path / "output" / "kalender").rglob("*.pdf"))
    assert len(pdfs) == 10 and all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    assert len(list((tmp_path / "posters").glob("*.pdf"))) == 10  # all rendered, none cached


def test_only_the_named_notice_is_dropped() -> None:
    """The filter drops the HarfBuzz-Subset notice by its text, nothing else."""
    import logging

    from inka_poster.render import KnownHarmless

    def record(msg: str) -> logging.LogRecord:
        return logging.LogRecord("weasyprint", logging.WARNING, __file__, 1, msg, ("DejaVu",),
                                 None)

    harmless = KnownHarmless()
    assert not harmless.filter(record('Using fontTools instead of HarfBuzz-Subset for font "%s". '
                                      "This will be unsupported in future versions"))
    assert harmless.filter(record("Ignored `foo: bar` at 3:5, unknown property."))
    assert harmless.filter(record("Font %s not found"))
