"""Markdown to HTML the way the site renders it: one set of Python-Markdown settings for the
build (``pelican.conf.py`` reads :func:`markdown_settings`), the holiday pages and
``invoke check``, and the content HTML policy applied to the result."""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown

from content_core.errors import ContentError
from content_model import html_policy
from content_model.slugs import slugify


def markdown_settings() -> dict[str, Any]:
    """A fresh copy of Pelican's ``MARKDOWN`` setting (Pelican may change what it is given)."""
    return {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.toc": {"permalink": False, "slugify": slugify},
            "markdown.extensions.sane_lists": {},
            "content_model.image_paths": {},  # images/x.jpg in the text = /images/x.jpg
        },
        "output_format": "html5",
    }


def to_html(body: str) -> str:
    settings = markdown_settings()
    configs = settings.pop("extension_configs")
    return Markdown(**settings, extensions=list(configs), extension_configs=configs).convert(body)


# Plain Markdown text, links to https/mailto/tel and site paths always passes the policy; only
# raw HTML, attribute lists ({: …}) and other URL schemes can fail it. Bodies without any of
# these are not looked at again (by the check or the build).
_MAYBE = re.compile(r"[<{]|(?<![\w+.-])(?!(?:https?|mailto|tel):)[a-zA-Z][\w+.-]*:[^\s\d]")


def policy_errors(shown: str, body: str, body_line: int,
                  rendered: str | None = None) -> list[ContentError]:
    """Errors for everything in ``body`` that the HTML policy would drop, with its line."""
    if not _MAYBE.search(body):
        return []  # also the build's fast path: most bodies need no second look
    if rendered is None:
        rendered = to_html(body)
    return [ContentError(shown, line, message, expected)
            for line, message, expected in html_policy.problems(rendered, body, body_line)]
