"""Responsive news images: smaller copies made with Pillow at build time, into the output only.

``content/images/`` is Pelican's static path, so the original is published as it is. For each
width in :data:`WIDTHS` that is smaller than the original, the build writes
``<name>-<width>w.<ext>`` next to it; the page gets ``srcset``/``sizes`` and the original's
``width``/``height`` (no layout shift). The editor's file is never changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image

from site_build import working

WIDTHS = (480, 800, 1200)
#: The text column is at most about 46rem wide; on phones the image is as wide as the screen.
SIZES = "(min-width: 48rem) 46rem, 100vw"


@dataclass(frozen=True)
class Picture:
    src: str  # root-relative URL of the original
    width: int
    height: int
    srcset: str
    sizes: str = SIZES


@dataclass(frozen=True)
class Variant:
    source: Path  # the original in content/
    target: str  # output path, relative to the output folder
    width: int


def variant_path(image: str, width: int) -> str:
    path = PurePosixPath(image)
    return str(path.with_name(f"{path.stem}-{width}w{path.suffix}"))


def picture(image: str, content_root: Path) -> tuple[Picture, list[Variant]]:
    """The <img> attributes for one image and the smaller copies they need."""
    source = content_root / image
    working.mark(f"content/{image}")
    with Image.open(source) as img:
        width, height = img.size
    variants = [Variant(source, variant_path(image, w), w) for w in WIDTHS if w < width]
    candidates = [f"/{v.target} {v.width}w" for v in variants] + [f"/{image} {width}w"]
    return Picture(f"/{image}", width, height, ", ".join(candidates)), variants


def prepare(articles: Iterable[Any], content_root: Path) -> list[Variant]:
    """Give every article with an image its ``picture``; return the copies to write."""
    found: dict[str, Variant] = {}
    cache: dict[str, tuple[Picture, list[Variant]]] = {}
    for article in articles:
        image = getattr(article, "image", None)
        if not image:
            continue
        if image not in cache:
            cache[image] = picture(image, content_root)
        article.picture, variants = cache[image]
        found.update({v.target: v for v in variants})
    return [found[k] for k in sorted(found)]


def write(variants: Iterable[Variant], claim: Callable[[str, str], Path]) -> None:
    """Scale each copy down (Lanczos), same format as the original, no metadata. ``claim(path,
    producer)`` reserves the output path and gives the file to write (the build's writer)."""
    for variant in variants:
        source = f"content/{PurePosixPath(variant.target).parent}/{variant.source.name}"
        working.mark(source)
        target = claim(variant.target, f"verkleinerte Kopie von {source}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(variant.source) as img:
            height = round(img.height * variant.width / img.width)
            small = img.resize((variant.width, height), Image.Resampling.LANCZOS)
            options: dict[str, Any] = {"optimize": True}
            if img.format == "JPEG":
                small = small.convert("RGB")
                options["quality"] = 82
            small.save(target, format=img.format, **options)
