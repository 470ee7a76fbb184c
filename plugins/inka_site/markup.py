"""Holiday bodies as HTML, with the site's Python-Markdown settings (pelican.conf.py MARKDOWN)."""

from __future__ import annotations

import copy
import re
from typing import Any

from markdown import Markdown

from site_core import urls
from site_core.languages import DEFAULT_LANGUAGE, LANGUAGES

_H1 = re.compile(r"<h1[\s>]")
_HREF = re.compile(r'href="/(?!/)([^"]*)"')


def _convert(text: str, settings: dict[str, Any], baselevel: int) -> str:
    options = {k: v for k, v in settings.items() if k != "extensions"}
    configs = copy.deepcopy(options.get("extension_configs", {}))
    if baselevel > 1:
        toc = configs.setdefault("markdown.extensions.toc", {})
        toc["baselevel"] = baselevel
    options["extension_configs"] = configs
    return Markdown(**options, extensions=list(configs)).convert(text)


def localize_links(html: str, lang: str) -> str:
    """Root-relative links to pages (``/…/``) get the language prefix of ``lang``:
    translations keep the German links (docs/inka-daten.md); files (``.ics``, ``.pdf``) and
    links that already name a language stay as they are."""
    if lang == DEFAULT_LANGUAGE:
        return html

    def fix(match: re.Match[str]) -> str:
        path = match.group(1)
        page = path.split("#", 1)[0].split("?", 1)[0]
        if page.split("/", 1)[0] in LANGUAGES or (page and not page.endswith("/")):
            return match.group(0)
        return f'href="{urls.href(path, lang)}"'

    return _HREF.sub(fix, html)


def render_body(text: str, settings: dict[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """The explanation under the page's ``<h1>``: its ``##`` stay ``<h2>``; a body that uses
    ``#`` is shifted one level down so that the page keeps exactly one ``<h1>``. Links to
    pages point into ``lang``'s pages."""
    html = _convert(text, settings, 1)
    if _H1.search(html):
        html = _convert(text, settings, 2)
    return localize_links(html, lang)
