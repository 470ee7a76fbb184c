"""A folder of rendered posters keyed by what went into them (``cache/posters/``, git-ignored).

Rendering an A1 poster takes about a second; a build whose poster data, templates, CSS and
WeasyPrint version are unchanged copies the PDF from here instead.
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


class PosterCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        os.utime(path)  # used: keep it
        return data if data.startswith(b"%PDF-") else None

    def put(self, key: str, data: bytes) -> None:
        """Atomic (write a temporary file, then rename): parallel builds may share the folder."""
        write_atomic(self.path(key), data)

    def prune(self, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Remove entries unused for ``max_age_days``; returns how many were removed."""
        if not self.folder.is_dir():
            return 0
        limit = time.time() - max_age_days * 86400
        removed = 0
        for path in self.folder.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
