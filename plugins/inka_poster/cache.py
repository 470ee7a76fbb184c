"""A folder of rendered posters keyed by what went into them (``cache/posters/``, git-ignored).

Rendering an A1 poster takes about a second; a build whose poster data, templates, CSS and
WeasyPrint version are unchanged copies the PDF from here instead.

A second, shared folder outside the clone (the user's cache folder, see :func:`shared_folder`)
keeps the posters for every clone of this machine and user: a fresh clone, or a CI run whose
home folder survives between runs, starts with the posters already set. The key holds
everything a poster is made of, so a shared entry is exactly the PDF this clone would render.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from site_build.files import write_atomic

#: Entries not used for this long are removed after a build.
MAX_AGE_DAYS = 30


def cache_key(*parts: str) -> str:
    """sha256 over the parts (each length-prefixed, so that no two splits collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def shared_folder() -> Path | None:
    """``$XDG_CACHE_HOME/mia-do-ki/posters`` (else ``~/.cache/…``); ``MIA_SHARED_CACHE=0``
    switches the shared folder off, and a build with its own ``MIA_POSTER_CACHE`` (tests)
    uses that folder alone."""
    if os.environ.get("MIA_SHARED_CACHE", "1").strip() == "0" or os.environ.get(
            "MIA_POSTER_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mia-do-ki" / "posters"


class PosterCache:
    def __init__(self, folder: Path, shared: Path | None = None) -> None:
        self.folder = folder
        self.shared = shared
        self.from_shared = 0  # entries this build found in the shared folder only

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        data = _read(self.path(key))
        if data is None and self.shared is not None:
            data = _read(self.shared / f"{key}.pdf")
            if data is not None:
                self.from_shared += 1
                self._keep(self.folder, key, data)
        return data

    def put(self, key: str, data: bytes) -> None:
        """Atomic (write a temporary file, then rename): parallel builds may share the folder.
        The shared folder is a help, not a need: a failure to write there is ignored."""
        write_atomic(self.path(key), data)
        if self.shared is not None:
            self._keep(self.shared, key, data)

    @staticmethod
    def _keep(folder: Path, key: str, data: bytes) -> None:
        try:
            write_atomic(folder / f"{key}.pdf", data)
        except OSError:
            pass

    def prune(self, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Remove entries unused for ``max_age_days`` (in both folders); returns how many
        were removed."""
        return sum(_prune(folder, max_age_days)
                   for folder in (self.folder, self.shared) if folder is not None)


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        os.utime(path)  # used: keep it
    except OSError:
        pass  # a shared folder this user may only read
    return data if data.startswith(b"%PDF-") else None


def _prune(folder: Path, max_age_days: int) -> int:
    if not folder.is_dir():
        return 0
    limit = time.time() - max_age_days * 86400
    removed = 0
    for path in folder.glob("*.pdf"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
