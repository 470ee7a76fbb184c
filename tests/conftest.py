"""Shared fixtures: one reproducible site build per session, a loopback server, a browser.

Tools that come from outside Python (Debian chromium, Java, the npm tools in node_modules) are
looked up here. A missing tool skips its gates LOUDLY outside CI and fails them under CI=true
(design.md §9); the skipped gates are listed in a banner at the end of the run.
"""

from __future__ import annotations

import difflib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
# 2026-01-01 00:00 UTC: the one clock of the test build (design.md §6), so that every build of a
# commit is byte-identical and the golden files do not change with the day the tests run.
SOURCE_DATE_EPOCH = "1767225600"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

_SKIPPED: dict[str, set[str]] = {}
_NOTICES: list[str] = []
_GOLDEN_DIFFS: list[str] = []


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def require_tool(ok: bool, tool: str, how: str, gate: str) -> None:
    """Skip (locally, loudly) or fail (CI=true) when an external tool is missing."""
    if ok:
        return
    reason = f"{tool} is missing - {how}"
    if on_ci():
        pytest.fail(f"CI=true and {reason}: the gate '{gate}' must run on CI", pytrace=False)
    _SKIPPED.setdefault(reason, set()).add(gate)
    pytest.skip(f"!!! GATE NOT RUN: {gate}: {reason} !!!")


# Property tests: hypothesis' default of 100 examples on CI (CI=true), 25 in a local run (tests
# that set their own max_examples keep it everywhere).
settings.register_profile("ci", max_examples=100)
settings.register_profile("local", max_examples=25)
settings.load_profile("ci" if on_ci() else "local")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/site/golden, tests/inka_site/golden) from the "
        "current build; the run ends with a unified diff of each file it changed",
    )


#: Fixtures that make a test `slow` wherever it lives: they build a site with Pelican (every
#: build goes through `build_site_fixed` or `build_site_process`, and `site_dir` through
#: those), start a browser, run a tool from outside Python (node, Java), or hand out a copy of
#: the whole real content/ (every `invoke check` over it takes 1–3 s) or all feeds of the
#: calendar (tests/inka_site/test_inka_feeds.py, made in-process: ~16 s). A fixture that
#: depends on one of them (site_server, html_pages, nginx, fixture_site, …) is covered too:
#: `item.fixturenames` is the whole closure. `invoke test --fast` runs the rest (the unit tier).
SLOW_FIXTURES = frozenset({
    "build_site_fixed", "build_site_process", "browser", "node", "java", "vnu_jar", "axe_js",
    "real_content_copy", "inka_feed_files",
})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses a slow fixture `slow`, so that `-m "not slow and not
    browser"` is the unit tier. A test that builds without a fixture must say so itself
    (`@pytest.mark.slow`); `_unit_tier_guard` fails it otherwise."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


#: What a unit test must never start: a site build (Pelican), a browser, node/npm, Java, nginx.
_SLOW_EXECUTABLES = frozenset({"node", "npm", "npx", "java", "nginx", "chromium"})
_SLOW_MODULES = {("pelican",), ("site_build.run",), ("invoke", "build"), ("invoke", "serve")}


def _slow_command(args: Any) -> str | None:
    """Why a command belongs in the slow tier (a site build, a browser, node, …), or None."""
    words = [str(a) for a in args] if isinstance(args, list | tuple) else str(args).split()
    if words and Path(words[0]).name in _SLOW_EXECUTABLES:
        return Path(words[0]).name
    for i, word in enumerate(words[:-1]):
        if word == "-m" and ((words[i + 1],) in _SLOW_MODULES
                             or tuple(words[i + 1:i + 3]) in _SLOW_MODULES):
            return " ".join(words[i:i + 3])
        if word == "-c" and "build_site(" in words[i + 1]:
            return "tasks.build_site"
    return None


@pytest.fixture(autouse=True)
def _unit_tier_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the unit tier (a test without the `slow` marker) starting Pelican, a browser, node,
    Java or nginx fails the test with the way out: use a slow fixture or mark it `slow`."""
    if request.node.get_closest_marker("slow") is not None:
        return
    real = subprocess.Popen

    class GuardedPopen(real):  # type: ignore[misc, valid-type]
        def __init__(self, args: Any, *rest: Any, **kwargs: Any) -> None:
            reason = _slow_command(args)
            if reason is not None:
                pytest.fail(f"a unit-tier test starts {reason!r}: use a slow fixture "
                            "(build_site_fixed, build_site_process, node, …) or mark it "
                            "@pytest.mark.slow", pytrace=False)
            super().__init__(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", GuardedPopen)


def _unified(expected: bytes, actual: bytes, old: str, new: str, context: int = 2) -> str:
    return "".join(difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=old, tofile=new, n=context))


class Golden:
    """Compare output with its golden file; with --update-golden rewrite the file instead and
    keep its unified diff for the end of the run (nothing changes unseen)."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, golden: Path, actual: bytes, *, built: str, update_with: str) -> None:
        shown = golden.relative_to(ROOT).as_posix() if golden.is_relative_to(ROOT) else str(golden)
        expected = golden.read_bytes() if golden.is_file() else None
        if self.update:
            if expected != actual:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_bytes(actual)
                diff = _unified(expected or b"", actual, f"a/{shown}", f"b/{shown}")
                _GOLDEN_DIFFS.append(diff if expected is not None else f"new file {shown}\n{diff}")
            return
        if expected is None:
            pytest.fail(f"{shown} is missing: create it with `{update_with}` and review the diff",
                        pytrace=False)
        if actual != expected:
            lines = _unified(expected, actual, shown, built).splitlines()
            more = f"\n… {len(lines) - 120} more diff lines" if len(lines) > 120 else ""
            pytest.fail(f"{built} differs from {shown}. If the change is intended, run "
                        f"`{update_with}` and review the diff.\n" + "\n".join(lines[:120]) + more,
                        pytrace=False)


@pytest.fixture(scope="session")
def golden(pytestconfig: pytest.Config) -> Golden:
    """Golden-file comparison (and rewriting with --update-golden, diff printed at the end)."""
    return Golden(bool(pytestconfig.getoption("--update-golden")))


@pytest.fixture(scope="session")
def announce() -> Callable[[str], None]:
    """Say something loudly in the run's summary (e.g. which pages a sampled gate checked)."""
    return _NOTICES.append


def pytest_terminal_summary(terminalreporter: Any) -> None:
    tr = terminalreporter
    if _GOLDEN_DIFFS:
        tr.write_sep("=", f"--update-golden REWROTE {len(_GOLDEN_DIFFS)} GOLDEN FILE(S): "
                     "review before committing", yellow=True, bold=True)
        for diff in _GOLDEN_DIFFS:
            tr.write(diff if diff.endswith("\n") else diff + "\n")
    if _NOTICES:
        tr.write_sep("=", "WHAT RAN", yellow=True, bold=True)
        for notice in _NOTICES:
            tr.write_line(f"  {notice}", yellow=True, bold=True)
    if not _SKIPPED:
        return
    tr.write_sep("!", "GATES SKIPPED BECAUSE A TOOL IS MISSING", red=True, bold=True)
    for reason, gates in sorted(_SKIPPED.items()):
        tr.write_line(f"  {reason}", red=True, bold=True)
        for gate in sorted(gates):
            tr.write_line(f"      - {gate}", red=True)
    tr.write_line(
        "  These checks did NOT run. Install the tools (see .ci/run) or run on CI, "
        "where nothing may skip.",
        red=True,
        bold=True,
    )
    tr.write_sep("!", red=True, bold=True)


def build_fixed(output: Path, content: Path | None = None,
                env: dict[str, str] | None = None) -> bool:
    """tasks.build_site with SOURCE_DATE_EPOCH (and `env`) set, restored afterwards."""
    import tasks

    extra = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    # tasks.ENV was copied from os.environ at import time; the build's subprocess uses it.
    saved = [(target, key, target.get(key)) for target in (os.environ, tasks.ENV)
             for key in extra]
    os.environ.update(extra)
    tasks.ENV.update(extra)
    try:
        return tasks.build_site(output, quiet=True, content=content)
    finally:
        for target, key, value in saved:
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value


def build_process(output: Path, content: Path | None = None, env: dict[str, str] | None = None,
                  umask: int = -1) -> subprocess.CompletedProcess[str]:
    """tasks.build_site in a fresh interpreter, its output captured: this process's environment
    plus `env` (no fixed SOURCE_DATE_EPOCH unless `env` sets one); `content` replaces content/."""
    code = ("import sys, pathlib, tasks; content = sys.argv[2] or None; "
            "sys.exit(0 if tasks.build_site(pathlib.Path(sys.argv[1]), quiet=True, "
            "content=content and pathlib.Path(content)) else 1)")
    return subprocess.run([sys.executable, "-c", code, str(output), str(content or "")],
                          cwd=ROOT, env={**os.environ, **(env or {})}, umask=umask,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def real_content_copy(tmp_path: Path) -> Path:
    """A private copy of the whole real content/ (holidays included), to break. A check or
    build over it reads every file (1–3 s), so a test that uses it is `slow`; the rules
    themselves are unit-tested on a few files in tests/content_model."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def source_date_epoch() -> int:
    return int(SOURCE_DATE_EPOCH)


@pytest.fixture(scope="session")
def build_site_fixed() -> Callable[..., bool]:
    """A callable (output, content=None, env=None) -> bool: build the site in this process
    with the session's SOURCE_DATE_EPOCH. Using it makes a test `slow`."""
    return build_fixed


@pytest.fixture(scope="session")
def build_site_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """A callable (output, content=None, env=None, umask=-1) -> CompletedProcess: the build in
    a fresh interpreter (for tests that read its messages). Using it makes a test `slow`."""
    return build_process


@pytest.fixture(scope="session")
def site_dir(build_site_fixed: Callable[..., bool]) -> Iterator[Path]:
    """The whole site, built once per session with a fixed SOURCE_DATE_EPOCH.

    Built below a folder that others may enter (like /srv on a web server), not below pytest's
    private temporary folders, so that a web server's unprivileged user can read the output
    exactly as the build left it (tests/deploy)."""
    base = Path(tempfile.mkdtemp(prefix="mia-site-"))
    base.chmod(0o755)  # the parent folder only; the build's own output is never touched
    output = base / "site"
    try:
        if not build_site_fixed(output) or not (output / "index.html").is_file():
            pytest.fail(
                "the site build failed (see the pelican output above); "
                "every whole-site gate depends on it",
                pytrace=False,
            )
        yield output
    finally:
        shutil.rmtree(base, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser closing a connection early is not a test failure


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port> (base URL without a trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        with socket.create_connection((str(host), int(port)), timeout=5):
            pass
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian chromium driven by Playwright (design.md §9); no browser download."""
    require_tool(
        CHROMIUM.exists(),
        str(CHROMIUM),
        "install it with `apt-get install -y chromium`",
        "browser gates (axe, 320 px, keyboard, requests)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def java() -> str:
    path = shutil.which("java")
    require_tool(
        path is not None,
        "java",
        "install it with `apt-get install -y default-jre-headless`",
        "HTML/CSS validity (vnu)",
    )
    assert path is not None
    return path


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require_tool(
        VNU_JAR.is_file(),
        str(VNU_JAR.relative_to(ROOT)),
        "run `npm ci --ignore-scripts` (make test does it)",
        "HTML/CSS validity (vnu)",
    )
    return VNU_JAR


@pytest.fixture(scope="session")
def axe_js() -> Path:
    require_tool(
        AXE_JS.is_file(),
        str(AXE_JS.relative_to(ROOT)),
        "run `npm ci --ignore-scripts` (make test does it)",
        "accessibility (axe-core)",
    )
    return AXE_JS


@pytest.fixture(scope="session")
def node() -> str:
    """node (for the JS gates, e.g. ical.js); the npm packages come from node_modules."""
    path = shutil.which("node")
    require_tool(path is not None, "node", "install it with `apt-get install -y nodejs`",
                 "JS-based gates (ical.js)")
    assert path is not None
    return path
