"""An editor's first run (issue 14): the preview never touches output/, no traceback reaches the
editor, a missing Pango stops `make build` with the install commands but not the preview, and
the published folder is world-readable whatever the umask."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from tests.samples import NEWS

ROOT = Path(tasks.__file__).resolve().parent
pytestmark = pytest.mark.slow
Build = Callable[..., subprocess.CompletedProcess[str]]  # tests/conftest.py build_site_process



def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The real content without holidays (no posters: a quick build)."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target, ignore=shutil.ignore_patterns("inka"))
    (target / "news" / "2025-01-02-testmeldung.md").write_text(NEWS, encoding="utf-8")
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_preview_leaves_output_byte_identical() -> None:
    """`invoke serve` (= `make serve`) builds into .preview/, serves it, and leaves the last
    full build in output/ exactly as it was (files and modes)."""
    output = ROOT / "output"
    made = not output.exists()
    if made:  # no full build here: a stand-in that the preview must not touch either
        (output / "nachrichten").mkdir(parents=True)
        (output / "index.html").write_text("<p>letzte Website</p>", encoding="utf-8")
        (output / "nachrichten" / "index.html").write_text("<p>alt</p>", encoding="utf-8")
    before = _snapshot(output)
    port = _free_port()
    # `invoke serve`, with Ctrl+C reaching it even when this suite runs in the background,
    # where the shell makes every child ignore SIGINT (Python then never raises
    # KeyboardInterrupt, and the preview would not stop).
    serve = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler);"
             f" sys.argv = ['invoke', 'serve', '--port', '{port}'];"
             " runpy.run_module('invoke', run_name='__main__')")
    server = subprocess.Popen([sys.executable, "-c", serve],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    try:
        page = ""
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and "Vorschau" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    page = answer.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                time.sleep(0.5)
        assert "Vorschau – nicht veröffentlicht" in page
        assert (ROOT / ".preview" / ".preview-stamp").is_file()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        log = server.communicate(timeout=60)[0]
    assert _snapshot(output) == before, log
    assert not list(ROOT.glob(".preview.*")) and not list(ROOT.glob(".output.*")), log
    if made:
        shutil.rmtree(output)


def test_published_folder_is_world_readable_under_umask_077(
        content: Path, build_site_process: Build, tmp_path: Path) -> None:
    """tempfile's 0700 folder, swapped in as output/, made nginx answer 403 for every page."""
    output = tmp_path / "output"
    result = build_site_process(output, content, umask=0o077)
    assert result.returncode == 0, result.stderr
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [output, *output.rglob("*")]
             if p.is_dir()}
    assert modes == {0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in output.rglob("*") if p.is_file()} == {0o644}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_unexpected_error_is_one_german_sentence_and_keeps_the_site(
        content: Path, build_site_process: Build, tmp_path: Path) -> None:
    output = tmp_path / "output"
    assert build_site_process(output, content).returncode == 0
    before = _snapshot(output)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "<h1>{{ article.title }}</h1>",
        "<h1>{{ article.title }}{{ (1 // 0) if article.slug == 'testmeldung' }}</h1>", 1),
        encoding="utf-8")
    # Two render processes: the error happens in a forked child (site_build.parallel) and must
    # still name the file and its own type.
    result = build_site_process(output, content,
                                env={"MIA_THEME_PATH": str(theme), "MIA_WORKERS": "2"})
    assert result.returncode != 0
    assert ("Build abgebrochen bei content/news/2025-01-02-testmeldung.md: unerwarteter Fehler "
            "(ZeroDivisionError).") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Build fehlgeschlagen: " in result.stderr
    assert _snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output", "theme"]


def test_text_file_as_header_image_is_path_line_even_without_check(
        content: Path, build_site_process: Build, tmp_path: Path) -> None:
    """Even when the build runs without `invoke check` first, a text file renamed to .jpg is
    a path:line message, not PIL's 57-line traceback."""
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "foto.jpg").write_text("kein Bild\n", encoding="utf-8")
    news = content / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS.replace("lang: de\n", "lang: de\nimage: /images/foto.jpg\n"
                                 "image_alt: Ein Foto.\n"), encoding="utf-8")
    result = build_site_process(tmp_path / "output", content)
    assert result.returncode != 0
    assert ("content/news/2025-01-02-testmeldung.md:6: Bild '/images/foto.jpg': keine lesbare "
            "Bilddatei") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "UnidentifiedImageError" not in result.stderr


def test_both_image_spellings_build_to_root_addresses(content: Path, build_site_process: Build,
                                                      tmp_path: Path) -> None:
    from bs4 import BeautifulSoup
    from PIL import Image

    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (600, 400), (40, 90, 160)).save(content / "images" / "foto.jpg", "JPEG")
    news = content / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS.replace("lang: de\n", "lang: de\nimage: /images/foto.jpg\n"
                                 "image_alt: Ein Foto.\n")
                    .replace("Text.", "![Das Team](images/foto.jpg)"), encoding="utf-8")
    output = tmp_path / "output"
    result = build_site_process(output, content)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((output / "nachrichten/testmeldung/index.html").read_text("utf-8"),
                         "html.parser")
    sources = {img["src"] for img in page.select("main img")}
    assert sources == {"/images/foto.jpg"}, sources
    assert (output / "images" / "foto-480w.jpg").is_file()  # the header image's smaller copy


FAKE_WEASYPRINT = '''
raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared "
              "object file: No such file or directory")
'''


@pytest.fixture
def without_pango(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import weasyprint` fails as on a machine without Pango."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(FAKE_WEASYPRINT, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])}


def test_without_pango_build_stops_with_install_commands(without_pango: dict[str, str],
                                                         tmp_path: Path) -> None:
    output = tmp_path / "output"
    result = subprocess.run([sys.executable, "-m", "invoke", "build", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, check=False,
                            env={**os.environ, **without_pango})
    assert result.returncode == 1
    assert "Die Plakate (PDF) brauchen die Bibliothek Pango" in result.stderr
    for command in ("sudo apt-get install -y libpango-1.0-0", "sudo dnf install -y pango",
                    "brew install pango", "mingw-w64-ucrt-x86_64-pango"):
        assert command in result.stderr
    assert "Traceback" not in result.stderr and "OSError" not in result.stderr
    assert not output.exists()


def test_without_pango_the_preview_works(without_pango: dict[str, str], content: Path,
                                         tmp_path: Path) -> None:
    """WeasyPrint is imported only to render posters: the preview needs no Pango."""
    code = ("import sys, pathlib, tasks; "
            "sys.exit(0 if tasks.preview_build(pathlib.Path(sys.argv[1]), quiet=True, "
            "content=pathlib.Path(sys.argv[2])) else 1)")
    preview = tmp_path / "preview"
    result = subprocess.run([sys.executable, "-c", code, str(preview), str(content)], cwd=ROOT,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, **without_pango})
    assert result.returncode == 0, result.stderr
    assert "Vorschau – nicht veröffentlicht" in (preview / "index.html").read_text("utf-8")


def test_site_plugins_do_not_import_weasyprint() -> None:
    code = ("import sys; sys.path.insert(0, 'plugins'); import inka_poster.generator, "
            "inka_poster.render, mia_site; print('weasyprint' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
