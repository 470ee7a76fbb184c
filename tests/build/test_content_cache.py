"""Pelican's content cache (mia_site.cache) never hides a content problem: a broken file is
reported again on a second build that finds a warm cache, and a file whose check depends on
another file (a news image) is read again when that file disappears. Unchanged good files are
served from the cache."""

from __future__ import annotations

import pickle
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from tests.samples import CORE_BUILD, NEWS

ROOT = Path(tasks.__file__).resolve().parent
FAST = CORE_BUILD
Build = Callable[[], subprocess.CompletedProcess[str]]


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    return {"content": content, "output": tmp_path / "out", "cache": tmp_path / "cache"}


@pytest.fixture
def build(site: dict[str, Path],
          build_site_process: Callable[..., subprocess.CompletedProcess[str]]
          ) -> Callable[[], subprocess.CompletedProcess[str]]:
    """Build `site` with its own readers' cache (a fresh interpreter each time)."""
    return lambda: build_site_process(site["output"], site["content"],
                                      env={**FAST, "MIA_CACHE_PATH": str(site["cache"])})


def _cached_paths(site: dict[str, Path]) -> set[str]:
    """Source files that the readers' cache of the latest build holds (the cache folder's name
    changes whenever the reader's code does, so older folders may lie next to it)."""
    folders = sorted({f.parent for f in site["cache"].rglob("*-Readers")},
                     key=lambda f: f.stat().st_mtime)
    found: set[str] = set()
    for file in folders[-1].glob("*-Readers") if folders else ():
        with file.open("rb") as handle:
            found |= set(pickle.load(handle))
    return found


def test_broken_file_is_reported_again_on_a_cached_build(site: dict[str, Path],
                                                          build: Build) -> None:
    news = site["content"] / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS, encoding="utf-8")
    first = build()
    assert first.returncode == 0, first.stderr
    assert str(news) in _cached_paths(site), "good files are cached"

    news.write_text(NEWS.replace("slug: testmeldung", "titel: Testmeldung"), encoding="utf-8")
    for attempt in ("after the edit", "again, with a warm cache"):
        result = build()
        assert result.returncode != 0, f"broken file published {attempt}"
        assert ("content/news/2025-01-02-testmeldung.md:3: unbekanntes Feld 'titel'"
                in result.stderr), f"error not reported {attempt}:\n{result.stderr}"
        assert str(news) not in _cached_paths(site), "a rejected read was cached"

    news.write_text(NEWS, encoding="utf-8")
    assert build().returncode == 0, "the repaired file builds again"


def test_missing_image_is_found_although_the_news_file_did_not_change(
        site: dict[str, Path], build: Build) -> None:
    from PIL import Image

    image = site["content"] / "images" / "cache-test.jpg"
    image.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(image, "JPEG")
    news = site["content"] / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS.replace("---\nText", "image: images/cache-test.jpg\n"
                                 "image_alt: Ein Foto für den Test.\n---\nText"), encoding="utf-8")
    assert build().returncode == 0
    assert str(news) not in _cached_paths(site), "a read that depends on an image was cached"

    image.unlink()
    result = build()
    assert result.returncode != 0
    assert "Bild 'images/cache-test.jpg' nicht gefunden" in result.stderr, result.stderr


def test_next_build_reads_from_the_cache(site: dict[str, Path], build: Build) -> None:
    """A warm cache is used: a text changed inside the cache (not in the file) is what the next
    build shows, so the file was not read again."""
    news = site["content"] / "news" / "2025-01-02-testmeldung.md"
    news.write_text(NEWS, encoding="utf-8")
    assert build().returncode == 0
    folders = sorted({f.parent for f in site["cache"].rglob("ArticlesGenerator-Readers")})
    assert len(folders) == 1
    cache_file = folders[0] / "ArticlesGenerator-Readers"
    with cache_file.open("rb") as handle:
        cached = pickle.load(handle)
    stamp, (content, metadata) = cached[str(news)]
    cached[str(news)] = (stamp, (content.replace("Text.", "Aus dem Cache."), metadata))
    with cache_file.open("wb") as handle:
        pickle.dump(cached, handle)
    assert build().returncode == 0
    page = site["output"] / "nachrichten" / "testmeldung" / "index.html"
    assert "Aus dem Cache." in page.read_text(encoding="utf-8")


def test_cache_folder_is_the_same_in_every_run() -> None:
    """The readers' cache is found again by the next build: its key does not depend on memory
    addresses (the Markdown settings hold a function) or the hash seed."""
    import sys

    code = ("import sys; sys.path.insert(0, 'plugins'); "
            "from pelican.settings import read_settings; from mia_site import cache; "
            "print(cache.cache_key(read_settings('pelican.conf.py')))")
    keys = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, check=True, env={"PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2)}
    assert len(keys) == 1, keys
