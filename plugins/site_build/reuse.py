"""Pages that did not change are taken over from the last build, not rendered again (issue 17).
No Pelican import.

``tasks.build_site`` builds into a new folder beside the live one and swaps it in. It tells the
build (environment, :func:`from_environment`) where the live folder is and where its manifest
lies: for every page written last time, the digest it was rendered from
(:mod:`site_build.fingerprint`) and the files it made, with size and modification time. When a
page's digest is the same again and its files in the live folder are unchanged, they are linked
(else copied) into the new folder instead of being rendered; the new manifest is written beside
the old one and replaces it only after the swap (:func:`commit`), so a failed build leaves both
the site and its manifest as they were.

Everything that is not a page's own value goes into the one site digest (settings, templates,
plugins, catalogues, every document's metadata): change any of it and every page is rendered
again. ``MIA_RENDER_CACHE=0`` switches reuse off.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_build.fingerprint import Digests

FORMAT = 1
KEEP_DAYS = 3
ENV_FROM = "MIA_RENDER_FROM"  # the live output folder
ENV_MANIFEST = "MIA_RENDER_MANIFEST"  # its manifest (read)
ENV_NEXT = "MIA_RENDER_NEXT"  # the new build's manifest (written)
ENV_OFF = "MIA_RENDER_CACHE"
#: Environment that changes what a page looks like without being a setting.
_ENV_PREFIXES = ("MIA_", "SOURCE_DATE_EPOCH", "TZ")
_ENV_IGNORED = frozenset({ENV_FROM, ENV_MANIFEST, ENV_NEXT, "MIA_WORKERS",
                          "MIA_POSTER_WORKERS", "MIA_CACHE_PATH"})


def manifest_paths(cache: Path, output: Path, build_folder: Path) -> tuple[Path, Path]:
    """(manifest of ``output``, the manifest a build into ``build_folder`` writes)."""
    name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    folder = cache / "render"
    return folder / f"{name}.json", folder / f"{name}.{build_folder.name}.json"


def environment(cache: Path, output: Path, build_folder: Path,
                env: Mapping[str, str]) -> dict[str, str]:
    """The variables ``build_site`` adds to ``env`` for a build into ``build_folder`` that
    replaces ``output``; none when ``env`` switches reuse or every cache off. Manifests unused
    for :data:`KEEP_DAYS` are removed (test builds into temporary folders leave theirs)."""
    if env.get(ENV_OFF, "1") == "0" or env.get("MIA_CACHE", "1") == "0":
        return {}
    current, following = manifest_paths(cache, output, build_folder)
    _prune(current.parent, keep=current)
    return {ENV_FROM: str(output.resolve()), ENV_MANIFEST: str(current),
            ENV_NEXT: str(following)}


def _prune(folder: Path, keep: Path) -> None:
    if not folder.is_dir():
        return
    limit = time.time() - KEEP_DAYS * 86400
    for path in folder.glob("*.json"):
        try:
            if path != keep and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass  # another build removed or replaced it


def live_folder() -> Path | None:
    """In a build: the live folder it replaces, when reuse is on (pages and their compressed
    twins may be taken over from it)."""
    live = os.environ.get(ENV_FROM)
    return Path(live) if live and os.environ.get(ENV_OFF, "1") != "0" else None


def commit(env: Mapping[str, str], *, succeeded: bool) -> None:
    """After the swap: the new manifest becomes the live folder's; after a failure it goes."""
    following = env.get(ENV_NEXT)
    if not following or not os.path.exists(following):
        return
    if succeeded:
        os.replace(following, env[ENV_MANIFEST])
    else:
        os.unlink(following)


def files_digest(roots: Iterable[Path]) -> bytes:
    """Every file under ``roots`` (name and bytes; compiled Python left out)."""
    digest = hashlib.sha256()
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _environment_digest() -> bytes:
    shown = sorted((k, v) for k, v in os.environ.items()
                   if k.startswith(_ENV_PREFIXES) and k not in _ENV_IGNORED)
    return json.dumps(shown).encode()


@dataclass
class Entry:
    key: str
    files: list[tuple[str, int, int]]  # output-relative path, size, mtime_ns


@dataclass
class Reuse:
    """One build's view: the live folder, its manifest, and what this build wrote."""

    live: Path
    manifest: Path
    following: Path
    inputs: bytes  # code, theme, environment: see :func:`files_digest`
    previous: dict[str, Entry] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    digests: Digests = field(default_factory=Digests)
    site_digest: bytes | None = None
    reused: int = 0
    rendered: int = 0
    folders: set[Path] = field(default_factory=set)  # made already by take_over

    def key(self, name: str, template: str, context: Mapping[str, Any],
            values: Mapping[str, Any]) -> str:
        """The digest page ``name`` is rendered from. The site digest is taken at the first
        page: Pelican has read everything by then and only writes."""
        if self.site_digest is None:
            self.site_digest = hashlib.sha256(
                self.inputs + self.digests.site(context)).digest()
        digest = hashlib.sha256(self.site_digest)
        digest.update(f"{name}\0{template}\0".encode())
        digest.update(self.digests.page(dict(values)))
        return digest.hexdigest()

    def reusable(self, name: str, key: str) -> list[Path] | None:
        """The live files of page ``name`` when they were made from ``key`` and are untouched
        since, else None."""
        entry = self.previous.get(name)
        if entry is None or entry.key != key:
            return None
        found = []
        for relative, size, mtime_ns in entry.files:
            path = self.live / relative
            try:
                stat = path.stat()
            except OSError:
                return None
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return None
            found.append(path)
        return found

    def take_over(self, source: Path, target: Path) -> None:
        """Put the live file ``source`` at ``target`` in the new build (a hard link: the
        file is the same; a copy where links are not possible)."""
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    def record(self, name: str, key: str, files: list[str]) -> None:
        self.entries[name] = Entry(key, [(f, 0, 0) for f in files])

    def save(self, output: Path) -> None:
        """Write the new manifest with the files as they are now in ``output``."""
        entries = {}
        for name, entry in self.entries.items():
            files = []
            for relative, _size, _mtime in entry.files:
                stat = (output / relative).stat()
                files.append((relative, stat.st_size, stat.st_mtime_ns))
            entries[name] = {"key": entry.key, "files": files}
        self.following.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.following.with_suffix(".tmp")
        tmp.write_text(json.dumps({"format": FORMAT, "pages": entries}), encoding="utf-8")
        os.replace(tmp, self.following)
        if self.digests.unstable:
            print("Hinweis (Technik): diese Werte sind zwischen Builds nicht vergleichbar, "
                  "Seiten mit ihnen werden immer neu gebaut: "
                  + ", ".join(sorted(self.digests.unstable)), file=sys.stderr)


def from_environment(code: Iterable[Path]) -> Reuse | None:
    """The build's :class:`Reuse` when ``build_site`` asked for it, else None."""
    live, manifest, following = (os.environ.get(k) for k in (ENV_FROM, ENV_MANIFEST, ENV_NEXT))
    if not (live and manifest and following) or os.environ.get(ENV_OFF, "1") == "0":
        return None
    reuse = Reuse(Path(live), Path(manifest), Path(following),
                  files_digest(code) + _environment_digest())
    reuse.previous = _load(Path(manifest))
    return reuse


def _load(manifest: Path) -> dict[str, Entry]:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    return {name: Entry(entry["key"], [tuple(f) for f in entry["files"]])
            for name, entry in data.get("pages", {}).items()}
