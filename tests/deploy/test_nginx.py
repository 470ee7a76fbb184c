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
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
NGINX = Path("/usr/sbin/nginx")
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HOST = "mia-do-ki.dortmund.de"


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


def site_conf(site: Path, ports: tuple[int, int], redirects: Path, logs: Path,
              cert: tuple[Path, Path]) -> str:
    """The shipped file with its ADAPT paths pointed at the test's directories."""
    text = (DEPLOY / "mia-do-ki.conf").read_text(encoding="utf-8")
    replaced = {
        "/etc/nginx/mia-do-ki/redirects.map": str(redirects),
        "/srv/mia-do-ki/output": str(site),
        "/var/log/mia-do-ki/": f"{logs}/",
        "/etc/ssl/mia-do-ki/fullchain.pem": str(cert[0]),
        "/etc/ssl/mia-do-ki/privkey.pem": str(cert[1]),
        "listen 80;": f"listen 127.0.0.1:{ports[0]};",
        "listen 443 ssl;": f"listen 127.0.0.1:{ports[1]} ssl;",
        "listen [::]:80;": "",
        "listen [::]:443 ssl;": "",
    }
    for old, new in replaced.items():
        assert old in text, f"deploy/nginx/mia-do-ki.conf no longer contains {old!r}"
        text = text.replace(old, new)
    return text


def _workers(master: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            children.append(int(stat.parent.name))
    return children


@pytest.fixture(scope="module")
def nginx(site_dir: Path, tmp_path_factory: pytest.TempPathFactory,
          pytestconfig: pytest.Config) -> Iterator[dict[str, Any]]:
    """Debian nginx with the shipped config, serving the session's build as the build left it
    (no chmod here): as root, the workers run as ``nobody``; otherwise all of nginx runs as the
    current, non-root user. TLS with a throw-away self-signed certificate."""
    require = _require_tool(pytestconfig)
    require(NGINX.is_file() or shutil.which("nginx") is not None, "nginx",
            "install it with `apt-get install -y nginx`", "nginx config (deploy/nginx)")
    brotli = Path("/usr/share/nginx/modules/ngx_http_brotli_static_module.so")
    require(brotli.is_file(), "nginx brotli_static module",
            "install it with `apt-get install -y libnginx-mod-http-brotli-static`",
            "nginx config (deploy/nginx)")
    require(shutil.which("openssl") is not None, "openssl",
            "install it with `apt-get install -y openssl`", "nginx config (deploy/nginx)")
    binary = str(NGINX) if NGINX.is_file() else str(shutil.which("nginx"))
    tmp = tmp_path_factory.mktemp("nginx")
    ports = (_free_port(), _free_port())
    redirects = tmp / "redirects.map"
    redirects.write_text((DEPLOY / "redirects.map").read_text(encoding="utf-8")
                         + "/alte-seite/ /kalender/;\n", encoding="utf-8")
    logs = tmp / "logs"
    logs.mkdir()
    cert = (tmp / "cert.pem", tmp / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", f"/CN={HOST}", "-keyout", str(cert[1]), "-out", str(cert[0])],
                   check=True, capture_output=True)
    (tmp / "site.conf").write_text(site_conf(site_dir, ports, redirects, logs, cert),
                                   encoding="utf-8")
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    temp = " ".join(f"{name}_temp_path {tmp / name};"
                    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(
        f"daemon off;\n{user}pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'main-error.log'};\n"
        f"load_module {brotli};\n"
        "events {}\nhttp {\n  include /etc/nginx/mime.types;\n"
        "  default_type application/octet-stream;\n  access_log off;\n"
        f"  {temp}\n  include {tmp / 'site.conf'};\n}}\n", encoding="utf-8")
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
                socket.create_connection(("127.0.0.1", ports[1]), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"nginx did not start: {(tmp / 'main-error.log').read_text()}")
                time.sleep(0.1)
        yield {"base": f"https://127.0.0.1:{ports[1]}", "http": f"http://127.0.0.1:{ports[0]}",
               "log": str(logs / "access.log"), "error_log": str(logs / "error.log"),
               "master": proc.pid}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_TLS = ssl.create_default_context()
_TLS.check_hostname = False
_TLS.verify_mode = ssl.CERT_NONE  # the test's own throw-away certificate


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=_TLS))
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
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
    max_age = re.fullmatch(r"max-age=(\d+)", headers["strict-transport-security"])
    assert max_age and int(max_age.group(1)) >= 365 * 24 * 3600
    assert "camera=()" in headers["permissions-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
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


@pytest.mark.parametrize(("encoding", "path", "content_type"), [
    ("gzip", "/kalender/islamisch.ics", "text/calendar; charset=utf-8"),
    ("br", "/kalender/", "text/html; charset=utf-8"),  # Debian's brotli_static module
])
def test_precompressed_file_is_served_as_built(nginx: dict[str, str], site_dir: Path,
                                               encoding: str, path: str,
                                               content_type: str) -> None:
    """The build's own ``.gz``/``.br`` copy, not one compressed on the fly (a temporary copy
    where the build wrote none, removed again); the build writes .br only because the deploy
    serves it."""
    import gzip

    import brotli

    compress, decompress, suffix = {"gzip": (gzip.compress, gzip.decompress, ".gz"),
                                    "br": (brotli.compress, brotli.decompress, ".br")}[encoding]
    original = site_dir / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    packed = original.with_name(original.name + suffix)
    made = not packed.exists()
    if made:
        packed.write_bytes(compress(original.read_bytes()))
    try:
        _status, headers, body = fetch(nginx["base"] + path,
                                       {"Accept-Encoding": f"{encoding}, identity"})
        assert headers["content-encoding"] == encoding
        assert headers["content-type"] == content_type
        assert body == packed.read_bytes()
        assert decompress(body) == original.read_bytes()
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


def test_port_80_only_redirects_to_https(nginx: dict[str, str]) -> None:
    status, headers, body = fetch(nginx["http"] + "/kalender/?a=1")
    assert status == 301
    assert headers["location"] == f"https://{HOST}/kalender/?a=1"
    assert b"Interkultureller Kalender" not in body


def test_workers_do_not_run_as_root(nginx: dict[str, Any]) -> None:
    workers = _workers(nginx["master"])
    assert workers, "no nginx worker found"
    for pid in workers:
        status = Path(f"/proc/{pid}/status").read_text()
        uid = int(re.search(r"^Uid:\s+(\d+)", status, re.MULTILINE).group(1))  # type: ignore[union-attr]
        assert uid != 0, f"worker {pid} runs as root"


def test_broken_links_are_logged_with_path_but_no_query_or_ip(nginx: dict[str, str]) -> None:
    status, _headers, _body = fetch(nginx["base"] + "/kaputter-link/?mail=jemand@example.org")
    assert status == 404
    log = Path(nginx["log"])
    deadline = time.monotonic() + 5
    while "/kaputter-link/" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, "the 404 was not logged with its path"
        time.sleep(0.1)
    line = next(x for x in log.read_text().splitlines() if "/kaputter-link/" in x)
    assert '"GET /kaputter-link/ HTTP/1.1" 404 ' in line
    assert "example.org" not in line
    assert "127.0.0.1" not in line
    # The error log (missing file, bad request) keeps neither address nor query string.
    fetch(nginx["base"] + "/%zz?geheim=1")
    error_log = Path(nginx["error_log"])
    text = error_log.read_text() if error_log.exists() else ""
    assert "127.0.0.1" not in text
    assert "geheim" not in text
    assert "mail=" not in text


def test_logrotate_keeps_the_logs_as_long_as_the_privacy_page_says() -> None:
    config = (ROOT / "deploy" / "logrotate" / "mia-do-ki").read_text(encoding="utf-8")
    rotate = re.search(r"^\s*rotate (\d+)$", config, re.MULTILINE)
    maxage = re.search(r"^\s*maxage (\d+)$", config, re.MULTILINE)
    assert rotate and maxage and rotate.group(1) == maxage.group(1)
    assert re.search(r"^\s*daily$", config, re.MULTILINE)
    days = int(rotate.group(1))
    privacy = (ROOT / "content" / "pages" / "datenschutz.md").read_text(encoding="utf-8")
    assert re.search(rf"\b{days} Tage", privacy), "datenschutz.md states another retention"
    site = (DEPLOY / "mia-do-ki.conf").read_text(encoding="utf-8")
    for log in re.findall(r"(?:access|error)_log (\S+)", site):
        assert log.startswith("/var/log/mia-do-ki/"), log  # the folder logrotate covers
