"""Every task of the project (design.md §2). Run with `make <task>` or `invoke <task>`.

Cross-platform: paths via pathlib, tools via sys.executable, no shell-only syntax.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONF = ROOT / "pelican.conf.py"
PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, cwd=ROOT, env=ENV, check=False, **kwargs)  # type: ignore[call-overload]


def build_site(output: Path, *, quiet: bool = False, content: Path | None = None) -> bool:
    """Build into a temporary sibling of `output` and swap it in only when the build succeeded.

    A failed build leaves the last good `output` untouched (design.md §2). `content` replaces
    the content folder (tests build broken copies of it).
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    started = time.perf_counter()
    args = [PY, "-m", "pelican", "-s", str(CONF), "-o", str(tmp), "--fatal", "warnings"]
    if quiet:
        args.append("-q")
    env = {**ENV, "MIA_CONTENT_PATH": str(content.resolve())} if content is not None else ENV
    result = subprocess.run(args, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Build FAILED: {output} was left as it was.", file=sys.stderr)
        return False
    old = output.with_name(f".{output.name}.old-{os.getpid()}")
    if output.exists():
        output.rename(old)
    tmp.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {output} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return True


@task(help={"output": "target directory (default: output)"})
def build(c, output="output"):
    """Build the whole site once into output/ (atomically)."""
    if not build_site(ROOT / output):
        sys.exit(1)


@task(help={"port": "port on localhost (default 8000)", "output": "directory to serve"})
def serve(c, port=8000, output="output"):
    """Build, serve at http://localhost:8000 and rebuild when content, theme or plugins change."""
    import functools
    import http.server
    import threading

    from watchfiles import watch

    target = ROOT / output
    build_site(target)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(target))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://localhost:{port}/ - edit files to rebuild, Ctrl+C to stop.",
          file=sys.stderr)
    watched = [ROOT / "content", ROOT / "theme", ROOT / "plugins", CONF]
    try:
        for _changes in watch(*watched, debounce=300):
            build_site(target, quiet=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


@task
def lint(c):
    """ruff over all Python code."""
    sys.exit(_run([PY, "-m", "ruff", "check", "."]).returncode)


@task(help={"k": "only tests matching this expression", "x": "stop at the first failure"})
def test(c, k="", x=False):
    """The whole suite: ruff, JS tools (npm ci), pytest (engine, plugins, whole-site gates)."""
    if _run([PY, "-m", "ruff", "check", "."]).returncode != 0:
        sys.exit(1)
    npm = shutil.which("npm")
    if (ROOT / "package-lock.json").exists():
        stamp = ROOT / "node_modules" / ".package-lock.json"
        if npm is None:
            print("WARNING: npm not found: JS-based gates (vnu, axe, ical.js) will be SKIPPED",
                  file=sys.stderr)
        elif not stamp.exists() or stamp.stat().st_mtime < (ROOT / "package-lock.json").stat().st_mtime:
            if _run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"]).returncode != 0:
                sys.exit(1)
    args = [PY, "-m", "pytest", "-q", "-ra"]
    if k:
        args += ["-k", k]
    if x:
        args.append("-x")
    sys.exit(_run(args).returncode)


@task(help={"years": "e.g. 2020-2035", "format": "json|csv|ics|table", "lang": "de, en, …",
            "community": "only this community"})
def holidays(c, years="", format="table", lang="de", community=""):  # noqa: A002
    """Print holiday occurrences (design.md §5): data on stdout, logs on stderr."""
    args = [PY, "-m", "inka_engine", "--format", format, "--lang", lang,
            "--content", str(ROOT / "content" / "inka")]
    if years:
        args += ["--years", years]
    if community:
        args += ["--community", community]
    sys.exit(_run(args).returncode)


@task
def translations(c):
    """Extract UI strings (templates, plugins), update every catalogue, compile, report gaps."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from mia_site import catalogs

    languages = ("en", "tr", "ar", "uk", "pl")
    for path in catalogs.update(ROOT, languages):
        print(f"updated {path.relative_to(ROOT)}", file=sys.stderr)
    for path in catalogs.compile_all(ROOT, languages):
        print(f"compiled {path.relative_to(ROOT)}", file=sys.stderr)
    gaps = catalogs.problems(ROOT, languages)
    for gap in gaps:
        print(gap, file=sys.stderr)
    if gaps:
        print(f"{len(gaps)} UI strings still need a translation (the build refuses them).",
              file=sys.stderr)
        sys.exit(1)


@task
def bench(c):
    """Benchmarks (not tests): holiday engine timings."""
    sys.exit(_run([PY, "-m", "inka_engine.bench"]).returncode)


@task
def clean(c):
    """Remove generated files (output/, caches)."""
    for name in ("output", "cache", ".pytest_cache", ".ruff_cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
