"""The shipped nginx config (deploy/nginx/) serves the built site as promised (design.md §6, §8):
content types with charset, security headers, short caching, the 404 page per language, the
redirect map and an access log without full IP addresses.

Debian nginx (/usr/sbin/nginx, installed by .ci/run) runs with the shipped server block included
into a minimal nginx.conf in a temporary directory, on a free loopback port, root = the session
build. Missing nginx skips loudly outside CI and fails under CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
NGINX = Path("/usr/sbin/nginx")
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")


def _require_tool(config: pytest.Config) -> Callable[..., None]:
    """tests/conftest.py's require_tool (skip loudly / fail under CI=true). Found through
    pytest's plugin manager: the module name "conftest" is shared by several folders."""
    wanted = ROOT / "tests" / "conftest.py"
    for plugin in config.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "/").resolve() == wanted:
            return plugin.require_tool  # type: ignore[no-any-return]
    raise LookupError(f"{wanted} is not loaded")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def site_conf(site: Path, port: int, redirects: Path, access_log: Path) -> str:
    """The shipped file with its ADAPT paths pointed at the test's directories."""
    text = (DEPLOY / "mia-do-ki.conf").read_text(encoding="utf-8")
    replaced = {
        "/etc/nginx/mia-do-ki/redirects.map": str(redirects),
        "/srv/mia-do-ki/output": str(site),
        "/var/log/nginx/mia-do-ki.access.log": str(access_log),
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
    }
    for old, new in replaced.items():
        assert old in text, f"deploy/nginx/mia-do-ki.conf no longer contains {old!r}"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def nginx(site_dir: Path, tmp_path_factory: pytest.TempPathFactory,
          pytestconfig: pytest.Config) -> Iterator[dict[str, str]]:
    _require_tool(pytestconfig)(NGINX.is_file() or shutil.which("nginx") is not None, "nginx",
                 "install it with `apt-get install -y nginx`", "nginx config (deploy/nginx)")
    binary = str(NGINX) if NGINX.is_file() else str(shutil.which("nginx"))
    tmp = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    redirects = tmp / "redirects.map"
    redirects.write_text((DEPLOY / "redirects.map").read_text(encoding="utf-8")
                         + "/alte-seite/ /kalender/;\n", encoding="utf-8")
    access_log = tmp / "access.log"
    (tmp / "site.conf").write_text(site_conf(site_dir, port, redirects, access_log),
                                   encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = " ".join(f"{name}_temp_path {tmp / name};"
                    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(
        f"daemon off;\n{user}pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'};\n"
        "events {}\nhttp {\n  include /etc/nginx/mime.types;\n"
        "  default_type application/octet-stream;\n  access_log off;\n"
        f"  {temp}\n  include {tmp / 'site.conf'};\n}}\n", encoding="utf-8")
    # pytest's temporary folders are private to their owner; nginx workers read the site.
    site_dir.chmod(0o755)
    check = subprocess.run([binary, "-t", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    assert "warn" not in check.stderr, check.stderr
    proc = subprocess.Popen([binary, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"nginx did not start: {(tmp / 'error.log').read_text()}")
                time.sleep(0.1)
        yield {"base": f"http://127.0.0.1:{port}", "log": str(access_log)}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, \
                response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.mark.parametrize(("path", "content_type"), [
    ("/", "text/html; charset=utf-8"),
    ("/kalender/", "text/html; charset=utf-8"),
    ("/kalender/juedisch.ics", "text/calendar; charset=utf-8"),
    ("/en/kalender/alle.ics", "text/calendar; charset=utf-8"),
    ("/kalender/2026.json", "application/json; charset=utf-8"),
    ("/ar/kalender/2026.json", "application/json; charset=utf-8"),
    ("/kalender/2026.csv", "text/csv; charset=utf-8"),
    ("/static/css/site.css", "text/css; charset=utf-8"),
    ("/static/js/copy.js", "application/javascript; charset=utf-8"),
    ("/static/icons/favicon.svg", "image/svg+xml; charset=utf-8"),
])
def test_content_types(nginx: dict[str, str], path: str, content_type: str) -> None:
    status, headers, _body = fetch(nginx["base"] + path)
    assert status == 200, path
    assert headers["content-type"].lower() == content_type


@pytest.mark.parametrize("path", ["/", "/kalender/juedisch.ics", "/nicht-da/"])
def test_security_and_cache_headers_on_every_answer(nginx: dict[str, str], path: str) -> None:
    _status, headers, _body = fetch(nginx["base"] + path)
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    # No fingerprinted assets in the theme: nothing is immutable, everything one hour.
    assert headers["cache-control"] == "public, max-age=3600"
    assert "immutable" not in headers["cache-control"]


def test_a_subscriber_gets_the_same_bytes(nginx: dict[str, str], site_dir: Path) -> None:
    _status, _headers, body = fetch(nginx["base"] + "/kalender/alle.ics")
    assert body == (site_dir / "kalender" / "alle.ics").read_bytes()


@pytest.mark.parametrize(("path", "lang"), [("/gibt-es-nicht/", "de"),
                                            ("/en/gibt-es-nicht/", "en"),
                                            ("/ar/kalender/gibt-es-nicht.ics", "ar")])
def test_404_page_in_the_visitors_language(nginx: dict[str, str], path: str, lang: str) -> None:
    status, headers, body = fetch(nginx["base"] + path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert re.search(rf'<html lang="{lang}"', body.decode("utf-8"))


def test_redirect_map(nginx: dict[str, str]) -> None:
    status, headers, _body = fetch(nginx["base"] + "/alte-seite/")
    assert status == 301
    assert headers["location"].endswith("/kalender/")


def test_gzip_static_serves_a_precompressed_file(nginx: dict[str, str], site_dir: Path) -> None:
    """The build's own ``.gz`` when it wrote one; else a temporary one (removed again)."""
    import gzip

    original = site_dir / "kalender" / "islamisch.ics"
    packed = original.with_name(original.name + ".gz")
    made = not packed.exists()
    if made:
        packed.write_bytes(gzip.compress(original.read_bytes()))
    try:
        request = urllib.request.Request(nginx["base"] + "/kalender/islamisch.ics",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
            body = response.read()
        assert body == packed.read_bytes()  # the file itself, not compressed on the fly
        assert gzip.decompress(body) == original.read_bytes()
    finally:
        if made:
            packed.unlink()


def test_access_log_has_no_full_ip_address(nginx: dict[str, str]) -> None:
    fetch(nginx["base"] + "/kalender/?privat=ja")
    log = Path(nginx["log"])
    deadline = time.monotonic() + 5
    while "/kalender/" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, "nothing logged"
        time.sleep(0.1)
    lines = log.read_text().splitlines()
    assert lines
    for line in lines:
        assert "127.0.0.1" not in line
        assert line.startswith("127.0.0.0 "), line
        assert "privat=ja" not in line  # no query strings either
