"""Writing a file so that a reader never sees half of it, and a store of texts by key that
uses it. No Pelican import."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write a temporary file beside ``target``, then rename it: builds running side by side
    (a test and a preview) may share a cache folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class TextStore:
    """``<folder>/<name>.json``: key → a text made from what the key hashes, kept between
    builds (the feeds' VEVENTs, the events' .ics files); ``folder`` None: no cache."""

    folder: Path | None

    def _path(self, name: str) -> Path | None:
        return self.folder / f"{name}.json" if self.folder is not None else None

    def load(self, name: str) -> dict[str, str]:
        path = self._path(name)
        if path is None:
            return {}
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        texts = found.get("events") if isinstance(found, dict) else None
        return texts if isinstance(texts, dict) else {}

    def save(self, name: str, texts: dict[str, str]) -> None:
        path = self._path(name)
        if path is None:
            return
        data = json.dumps({"events": texts}, ensure_ascii=False, sort_keys=True)
        write_atomic(path, data.encode("utf-8"))
