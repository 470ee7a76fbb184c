"""Holiday bodies as HTML, with the site's Python-Markdown settings (pelican.conf.py MARKDOWN)."""

from __future__ import annotations

import copy
import re
from typing import Any

from markdown import Markdown

_H1 = re.compile(r"<h1[\s>]")


def _convert(text: str, settings: dict[str, Any], baselevel: int) -> str:
    options = {k: v for k, v in settings.items() if k != "extensions"}
    configs = copy.deepcopy(options.get("extension_configs", {}))
    if baselevel > 1:
        toc = configs.setdefault("markdown.extensions.toc", {})
        toc["baselevel"] = baselevel
    options["extension_configs"] = configs
    return Markdown(**options, extensions=list(configs)).convert(text)


def render_body(text: str, settings: dict[str, Any]) -> str:
    """The explanation under the page's ``<h1>``: its ``##`` stay ``<h2>``; a body that uses
    ``#`` is shifted one level down so that the page keeps exactly one ``<h1>``."""
    html = _convert(text, settings, 1)
    if _H1.search(html):
        html = _convert(text, settings, 2)
    return html
