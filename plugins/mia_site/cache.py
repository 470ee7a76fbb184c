"""Pelican's content cache (CACHE_CONTENT), made safe for our reader.

Our reader does more than turn a file into HTML: it records content problems (printed together
at the end, and errors stop the build) and hands Pelican an unpublished stand-in for a broken
file. A cached read would skip both, so a broken file would be published silently on the next
build. Therefore:

- reads that recorded a problem (error or warning) or that depend on another file (a news
  image) are never cached (`mia_site.reader.BuildProblems.uncacheable`); they are read again
  every build;
- the cache lives in a folder named after everything else a read depends on: the content
  folder, BUILD_DATE (a news item dated today turns from draft to published), the Markdown
  settings, and the source of the reader and the content rules, so changing any of them starts
  a fresh cache;
- the cache file is replaced atomically, so builds running side by side never read half a file.
Files are compared by content hash (CHECK_MODIFIED_METHOD = "md5"), not by time stamp.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import markdown
import pelican

from mia_site import reader
from site_build.fingerprint import Digests

PLUGINS = Path(__file__).resolve().parents[1]
# The code whose behaviour a cached read stands for.
SOURCES = (PLUGINS / "mia_site" / "reader.py", *sorted((PLUGINS / "content_core").glob("*.py")),
           *sorted((PLUGINS / "content_model").glob("*.py")))
KEEP_DAYS = 3


def cache_key(settings: dict[str, Any]) -> str:
    """The same for every build with the same inputs (the Markdown settings hold functions,
    e.g. the slugify of the table of contents: digested by name, not by ``repr``, which shows a
    memory address that changes every run)."""
    digest = hashlib.sha256(Digests().page(settings.get("MARKDOWN")))
    for part in (str(Path(settings["PATH"]).resolve()), str(settings.get("BUILD_DATE")),
                 settings.get("DEFAULT_LANG", ""),
                 settings.get("TIMEZONE", ""), markdown.__version__, pelican.__version__):
        digest.update(part.encode("utf-8") + b"\0")
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:20]


def folder_for(settings: dict[str, Any], name: str) -> Path | None:
    """``<cache>/<name>/`` for another cache of the build (e.g. the feeds' VEVENTs), or None
    when caching is off (MIA_CACHE=0). ``<cache>`` is CACHE_PATH (MIA_CACHE_PATH), also after
    :func:`configure` moved Pelican's own cache into a keyed sub-folder."""
    if not settings.get("CACHE_CONTENT"):
        return None
    base = Path(settings["CACHE_PATH"])
    return (base.parent if base.name.startswith("content-") else base) / name


def configure(pel: Any) -> None:
    """`initialized`: point CACHE_PATH at this build's keyed folder; drop stale folders."""
    settings = pel.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    base = Path(settings["CACHE_PATH"])
    if base.name.startswith("content-"):  # already configured (a second Pelican instance)
        return
    settings["CACHE_PATH"] = str(base / f"content-{cache_key(settings)}")
    _prune(base, Path(settings["CACHE_PATH"]))


def _prune(base: Path, keep: Path) -> None:
    if not base.is_dir():
        return
    limit = time.time() - KEEP_DAYS * 86400
    for folder in base.glob("content-*"):
        if folder != keep and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


def guard(readers: Any) -> None:
    """`readers_init`: keep rejected and dependent reads out of the cache; save atomically."""
    original = readers.cache_data

    def cache_data(path: str, data: Any) -> None:
        if path in reader.problems_of(readers.settings).uncacheable:
            readers._cache.pop(path, None)
            return
        original(path, data)

    def save_cache() -> None:
        if not readers._cache_data_policy:
            return
        target = Path(readers._cache_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=target.name + ".", dir=target.parent)
        os.close(fd)
        try:  # opened as Pelican opens it to load (GZIP_CACHE)
            with readers._cache_open(tmp, "wb") as out:
                pickle.dump(readers._cache, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    readers.cache_data = cache_data
    readers.save_cache = save_cache
