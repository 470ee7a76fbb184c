"""Markdown extension: ``images/x.jpg`` in the text means ``/images/x.jpg``, as in the header.

Editors write both; a relative ``images/…`` would point below the page's own address on the
site (``/nachrichten/<slug>/images/…``). ``invoke check`` accepts both spellings
(content_model.images); this makes the build agree.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from content_model.images import site_image

_ATTRIBUTES = {"img": "src", "a": "href"}


class _RootImages(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            name = _ATTRIBUTES.get(element.tag)
            value = element.get(name) if name else None
            fixed = site_image(value) if value else None
            if name and fixed:
                element.set(name, fixed)


class _RootImagesInHtml(Postprocessor):
    """The same for raw HTML in the text (``<img src="images/x.jpg">``)."""

    PATTERN = re.compile(r"(<(?:img|a)\b[^>]*?\b(?:src|href)=[\"']?)images/", re.IGNORECASE)

    def run(self, text: str) -> str:
        return self.PATTERN.sub(r"\1/images/", text)


class ImagePathExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_RootImages(md), "mia_root_images", 5)
        md.postprocessors.register(_RootImagesInHtml(md), "mia_root_images_html", 5)


def makeExtension(**kwargs: Any) -> ImagePathExtension:
    return ImagePathExtension(**kwargs)
