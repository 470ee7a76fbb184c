"""Which files of ``content/`` and ``theme/`` may reach the site: no symbolic links anywhere
(Git carries them, and a link to ``/etc/passwd`` or to a large folder of the build host would
be published or copied), and in the static folders only the file types the site needs."""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

from content_core.errors import ContentError

#: Folders of ``content/`` copied to the site as they are (pelican.conf.py STATIC_PATHS).
STATIC_DIRS = ("images",)
#: Images, PDFs the editors link, a self-hosted video with its captions. No .js, .html, .svg
#: (an SVG can carry script), nothing executable.
STATIC_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".pdf",
                             ".mp4", ".webm", ".vtt"})
_TEMPLATE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
#: Files that are never read or published (pelican.conf.py IGNORE_FILES reads this): hidden
#: files, editor backups, README.md, and what operating systems leave behind.
IGNORE_PATTERNS = (".*", "*~", "README.md", "Thumbs.db", "desktop.ini")


def ignored(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORE_PATTERNS)


def _shown(path: Path, root: Path, label: str) -> str:
    return f"{label}/{path.relative_to(root).as_posix()}"


def symlink_problems(root: Path, label: str) -> list[ContentError]:
    """Every symbolic link below ``root`` (links are not followed while looking)."""
    problems: list[ContentError] = []
    if not root.is_dir():
        return problems
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            if path.is_symlink():
                problems.append(ContentError(
                    _shown(path, root, label), 1,
                    "symbolischer Link ist nicht erlaubt",
                    "die Datei selbst in den Ordner legen, keinen Verweis auf eine andere Stelle"))
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return problems


def static_problems(content_root: Path) -> list[ContentError]:
    """Files in the static folders whose type the site does not publish."""
    problems: list[ContentError] = []
    allowed = ", ".join(sorted(STATIC_SUFFIXES))
    for folder in STATIC_DIRS:
        base = content_root / folder
        if not base.is_dir():
            continue
        for dirpath, dirs, files in os.walk(base, followlinks=False):
            dirs[:] = [d for d in dirs if not ignored(d)]
            for name in sorted(files):
                path = Path(dirpath) / name
                if ignored(name) or path.is_symlink():
                    continue
                if path.suffix.lower() not in STATIC_SUFFIXES:
                    problems.append(ContentError(
                        _shown(path, content_root, "content"), 1,
                        f"Dateityp {path.suffix or '(ohne Endung)'!r} wird nicht veröffentlicht",
                        f"erlaubt sind {allowed}"))
    return problems


def file_problems(content_root: Path, theme_root: Path | None) -> list[ContentError]:
    """All problems of the files themselves, before any of them is read."""
    problems = symlink_problems(content_root, "content") + static_problems(content_root)
    if theme_root is not None:
        problems += symlink_problems(theme_root, "theme")
    return problems


def template_exists(name: str) -> bool:
    """A page's ``template:`` names a file of the theme's templates, nothing outside it."""
    if not _TEMPLATE_NAME.match(name):
        return False
    theme = Path(os.environ.get("MIA_THEME_PATH") or Path(__file__).resolve().parents[2] / "theme")
    return (theme / "templates" / f"{name}.html").is_file()


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (after resolving ``..``) lies below ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
