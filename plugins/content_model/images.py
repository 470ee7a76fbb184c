"""Images an editor refers to: one spelling for the path, and a check that the file is an image.

``images/foto.jpg`` and ``/images/foto.jpg`` mean the same file, ``content/images/foto.jpg``,
in the header (``image:``) and in the text. ``image_problem`` opens a file with Pillow (as the
build does) so that a text file renamed to ``.jpg`` is reported by ``invoke check`` instead of
stopping the build with a traceback.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

IMAGE_FOLDER = "images/"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")


def image_file(value: str) -> str:
    """The path below ``content/`` of an image written ``images/x.jpg`` or ``/images/x.jpg``."""
    return value.strip().lstrip("/")


def site_image(value: str) -> str | None:
    """``/images/x.jpg`` for a target written ``images/x.jpg`` (relative), else None."""
    return f"/{value}" if value.startswith(IMAGE_FOLDER) else None


@cache
def _problem(path: Path, size: int, mtime: int) -> str | None:  # size, mtime: cache key
    try:
        with Image.open(path) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        return "keine lesbare Bilddatei"
    return None


def image_problem(path: Path) -> str | None:
    """None for an image Pillow can read, else what is wrong (German)."""
    try:
        stat = path.stat()
    except OSError:
        return "nicht gefunden"
    return _problem(path.resolve(), stat.st_size, stat.st_mtime_ns)


def is_image_name(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)
