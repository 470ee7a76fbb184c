"""Shared fixtures: one reproducible site build per session, a loopback server, a browser.

Tools that come from outside Python (Debian chromium, Java, the npm tools in node_modules) are
looked up here. A missing tool skips its gates LOUDLY outside CI and fails them under CI=true
(design.md §9); the skipped gates are listed in a banner at the end of the run.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/site/golden/*.html from the current build "
        "(review the diff by hand before committing)",
    )


#: Tests that build the whole site (or render posters, start nginx, a browser): the slow tier.
#: `invoke test --fast` runs everything else (the unit tier, well under a minute).
WHOLE_SITE_FIXTURES = {"site_dir", "site_server", "build_site_fixed", "browser"}
WHOLE_SITE_PATHS = (
    "tests/site/", "tests/deploy/", "tests/events/", "tests/inka_site/", "tests/bench/",
    "tests/build/test_build_safety.py", "tests/build/test_content_cache.py",
    "tests/editor/test_editor_build.py", "tests/i18n/test_catalogs.py",
    "tests/inka_poster/test_poster_pdf.py", "tests/inka_poster/test_poster_site.py",
    "tests/editor/test_editor_new.py::test_every_kind_passes_the_check_and_builds",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every whole-site test `slow` (by its fixtures or its place), so that
    `-m "not slow and not browser"` is the unit tier."""
    for item in items:
        nodeid = item.nodeid if item.nodeid.startswith("tests/") else f"tests/{item.nodeid}"
        if WHOLE_SITE_FIXTURES & set(getattr(item, "fixturenames", ())) \
                or nodeid.startswith(WHOLE_SITE_PATHS):
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _SKIPPED:
        return
    tr = terminalreporter
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


def build_fixed(output: Path) -> bool:
    """tasks.build_site with SOURCE_DATE_EPOCH set (and restored afterwards)."""
    import tasks

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    # tasks.ENV was copied from os.environ at import time; the build's subprocess uses it.
    saved_task_env = tasks.ENV.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = tasks.ENV["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        return tasks.build_site(output, quiet=True)
    finally:
        for env, value in ((os.environ, saved), (tasks.ENV, saved_task_env)):
            if value is None:
                env.pop("SOURCE_DATE_EPOCH", None)
            else:
                env["SOURCE_DATE_EPOCH"] = value


@pytest.fixture(scope="session")
def source_date_epoch() -> int:
    return int(SOURCE_DATE_EPOCH)


@pytest.fixture(scope="session")
def build_site_fixed() -> Any:
    """A callable: build the site into a directory with the session's SOURCE_DATE_EPOCH."""
    return build_fixed


@pytest.fixture(scope="session")
def site_dir() -> Iterator[Path]:
    """The whole site, built once per session with a fixed SOURCE_DATE_EPOCH.

    Built below a folder that others may enter (like /srv on a web server), not below pytest's
    private temporary folders, so that a web server's unprivileged user can read the output
    exactly as the build left it (tests/deploy)."""
    base = Path(tempfile.mkdtemp(prefix="mia-site-"))
    base.chmod(0o755)  # the parent folder only; the build's own output is never touched
    output = base / "site"
    try:
        if not build_fixed(output) or not (output / "index.html").is_file():
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
