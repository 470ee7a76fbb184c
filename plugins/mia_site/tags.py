"""News tags in every language: one set of German keys; each language shows its label from
``theme/translations/<lang>/glossary.yaml`` (``tags:``), falling back to the German key.

A translation may write either the key or its language's label in ``tags:``; here each of its
tags becomes the German key's tag (so its link leads to ``/<lang>/nachrichten/thema/<slug of the
key>/``). Anything else is an error of ``invoke check`` (which ``invoke build`` runs first).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from content_model.glossary import load_glossary
from mia_site.i18n import lang_of


def labels(settings: dict[str, Any], lang: str) -> dict[str, str]:
    """German tag key → label in ``lang`` (empty for German or without a glossary)."""
    if lang == settings.get("DEFAULT_LANG", "de"):
        return {}
    glossary, _errors = load_glossary(Path(settings["THEME"]) / "translations", lang)
    return dict(glossary.tags) if glossary else {}


def localise_tags(items: list[Any], settings: dict[str, Any]) -> None:
    """Give each translation the German key's tag for each label it uses (keys stay)."""
    from mia_site.reader import tag

    keys: dict[str, dict[str, str]] = {}  # per language: label → German key
    for item in items:
        tags = getattr(item, "tags", None)
        if item.lang == settings["DEFAULT_LANG"] or not tags or getattr(item, "fallback", False):
            continue
        to_key = keys.get(item.lang)
        if to_key is None:
            to_key = keys[item.lang] = {label: key for key, label
                                        in labels(settings, item.lang).items()}
        item.tags = [tag(to_key[t.name], settings) if t.name in to_key else t for t in tags]
        item.metadata["tags"] = item.tags


def install(generator: Any) -> None:
    """The Jinja filter ``tag_label``: a tag's label in the language being rendered."""
    settings = generator.settings
    # Per language, once per generator, i.e. per build (the glossary is read before the build
    # writes; looking it up for each of some 30,000 tag links cost about 1 s at 1,000 news).
    known: dict[str, dict[str, str]] = {}

    @pass_context
    def tag_label(ctx: Context, tag: Any) -> str:
        name = getattr(tag, "name", str(tag))
        lang = lang_of(ctx)
        found = known.get(lang)
        if found is None:
            found = known[lang] = labels(settings, lang)
        return found.get(name, name)

    generator.env.filters["tag_label"] = tag_label
