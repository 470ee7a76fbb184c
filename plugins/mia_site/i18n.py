"""One Pelican pass for six languages (design.md §7): every document is read once; this module
gives each German page its versions in the other languages (a real translation, or a fallback
that shows the German text under a notice), and a gettext that follows the page's language."""

from __future__ import annotations

import copy
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations
from jinja2 import Undefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from mia_site import catalogs
from mia_site.cache import folder_for
from site_core import communities, urls
from site_core.languages import NATIVE_NAMES, prefix, rtl_languages


@cache
def _root_of(theme: str) -> Path:
    return Path(theme).resolve().parent


def catalog_root(settings: Mapping[str, Any]) -> Path:
    """The folder that holds ``theme/translations``: the parent of the build's THEME (from the
    settings, or a template context, which carries them)."""
    return _root_of(str(settings["THEME"]))


def catalog(settings: Mapping[str, Any], lang: str) -> NullTranslations:
    """The UI catalogue of ``lang`` for this build (German: the source strings themselves)."""
    return catalogs.translations(catalog_root(settings), lang)


def check_catalogs(pelican: Any) -> None:
    """Stop the build when a UI string is untranslated or fuzzy in any language. A check that
    passed is remembered (``<cache>/catalogs/``) until a template, plugin or catalogue changes."""
    settings = pelican.settings
    others = tuple(lang for lang in settings["LANGUAGES"] if lang != settings["DEFAULT_LANG"])
    root = catalog_root(settings)
    folder = folder_for(settings, "catalogs")
    passed = folder / f"{catalogs.inputs_digest(root, others)}.ok" if folder else None
    if passed is not None and passed.is_file():
        return
    found = catalogs.problems(root, others)
    if found:
        for problem in found:
            print(problem, file=sys.stderr)
        print(f"{len(found)} UI-Texte ohne Übersetzung: 'invoke translations' aktualisiert die "
              "Kataloge, dann die leeren msgstr ausfüllen.", file=sys.stderr)
        raise SystemExit(1)
    if passed is not None:
        passed.parent.mkdir(parents=True, exist_ok=True)
        for old in passed.parent.glob("*.ok"):
            old.unlink(missing_ok=True)
        passed.touch()


def lang_of(ctx: Context) -> str:
    """The language a template is rendered in: `page_lang`, else the page's/article's."""
    lang = ctx.get("page_lang")
    if lang:
        return str(lang)
    item = ctx.get("article") or ctx.get("page")
    return getattr(item, "lang", None) or ctx.get("DEFAULT_LANG") or "de"


@pass_context
def _gettext(ctx: Context, message: str) -> str:
    return catalog(ctx, lang_of(ctx)).gettext(message)


def _newstyle_gettext(known: dict[tuple[Any, str, bool], str]) -> Any:
    """Jinja's newstyle ``gettext`` (jinja2.ext._make_new_gettext) with the look-up of
    :func:`_gettext`, in one call: the translation, as Markup when autoescaping, always
    %-formatted with the call's variables. Without variables the result is kept in ``known``
    (per catalogue object: a changed catalogue is a new object)."""

    @pass_context
    def gettext(ctx: Context, message: str, /, **variables: Any) -> str:
        autoescape = ctx.eval_ctx.autoescape
        key = (catalog(ctx, lang_of(ctx)), message, autoescape)
        if not variables and key in known:
            return known[key]
        found: str = key[0].gettext(message)
        done = (Markup(found) if autoescape else found) % variables
        if not variables:
            known[key] = done
        return done

    return gettext


@pass_context
def _ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
    return catalog(ctx, lang_of(ctx)).ngettext(singular, plural, n)


def translate(settings: Mapping[str, Any], lang: str, message: str) -> str:
    """gettext for Python code (plugins) that knows the build's settings and the language."""
    return catalog(settings, lang).gettext(message)


# The community texts of site_core.communities in the language being rendered. Like `_()` in
# the templates they are Markup: catalogue texts are trusted, and they are written as `_()`
# writes them (an apostrophe stays an apostrophe).
@pass_context
def community_title(ctx: Context, key: str) -> Markup:
    """'Islamische Feiertage'."""
    return Markup(translate(ctx, lang_of(ctx), communities.TITLES[key]))


@pass_context
def community_label(ctx: Context, key: str) -> Markup:
    """'islamisch'."""
    return Markup(translate(ctx, lang_of(ctx), communities.LABELS[key]))


@pass_context
def community_intro(ctx: Context, key: str) -> Markup:
    """The lead paragraph of a community's calendar page."""
    return Markup(translate(ctx, lang_of(ctx), communities.INTROS[key]))


@pass_context
def lpath(ctx: Context, path: str = "") -> str:
    """Root-relative URL of a site path in the current language: 'themen/' → '/en/themen/'."""
    return urls.href(path, lang_of(ctx))


@pass_context
def localize(ctx: Context, items: Any) -> Any:
    """The current language's version of a German page/article (or of each in a list)."""
    lang = lang_of(ctx)
    if items is None or isinstance(items, Undefined):
        return None
    if isinstance(items, list | tuple):
        return [version(item, lang) for item in items]
    return version(items, lang)


def version(item: Any, lang: str) -> Any:
    versions = getattr(item, "versions", None)
    return versions.get(lang, item) if versions else item


def _item(ctx: Context) -> Any:
    return ctx.get("article") or ctx.get("page")


@pass_context
def language_links(ctx: Context) -> list[tuple[str, str]]:
    """(language, root-relative URL) of this page in every language, for the switcher."""
    item = _item(ctx)
    versions = getattr(item, "versions", None)
    if versions:
        return [(lang, versions[lang].url) for lang in ctx["LANGUAGES"] if lang in versions]
    path = ctx.get("section_path") or ""
    return [(lang, prefix(lang) + path) for lang in ctx["LANGUAGES"]]


@pass_context
def hreflang_links(ctx: Context) -> list[tuple[str, str]]:
    """Real versions only (fallback pages are left out, design.md §7)."""
    item = _item(ctx)
    if getattr(item, "versions", None):
        return alternates(item)
    if ctx.get("section_path") is None:
        return []
    return language_links(ctx)


def install(generator: Any) -> None:
    env = generator.env
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    # `_()` and `{% trans %}` without Jinja's two wrappers around each call (about 430,000
    # calls at 1,000 news per language): what they return, remembered per catalogue.
    env.globals["gettext"] = env.globals["_"] = _newstyle_gettext({})
    env.globals.update(lpath=lpath, NATIVE_NAMES=NATIVE_NAMES,
                       RTL_LANGUAGES=rtl_languages(), paths=urls,
                       language_links=language_links, hreflang_links=hreflang_links)
    env.filters.update(localize=localize, community_title=community_title,
                       community_label=community_label, community_intro=community_intro)


def _fallback(original: Any, lang: str) -> Any:
    """A copy of a German page for `lang`: UI in `lang`, text German (lang="de" on it)."""
    clone = copy.copy(original)
    clone.metadata = {**original.metadata, "lang": lang}
    clone.lang = lang
    clone.in_default_lang = False
    clone.fallback = True
    clone.content_lang = original.lang
    clone.translations = []
    clone.override_url = urls.localized(original.url, lang)
    clone.override_save_as = urls.localized(original.save_as, lang)
    return clone


def link_versions(originals: list[Any], languages: tuple[str, ...], default: str) -> list[Any]:
    """Give every original `.versions` {lang: page}; return the fallbacks that were made."""
    made = []
    for original in originals:
        if original.lang != default:
            continue
        versions = {default: original}
        for translation in getattr(original, "translations", []):
            versions[translation.lang] = translation
        for lang in languages:
            if lang not in versions:
                versions[lang] = _fallback(original, lang)
                made.append(versions[lang])
        # One order everywhere (the switcher, hreflang), whatever order files were read in.
        versions = {lang: versions[lang] for lang in languages if lang in versions}
        for item in versions.values():
            item.versions = versions
            item.original = original
            item.translation_outdated = outdated(item, original)
            if not getattr(item, "fallback", False):
                item.fallback = False
                item.content_lang = item.lang
    return made


def outdated(item: Any, original: Any) -> bool:
    """A translation whose German original changed since it was translated: its recorded
    ``source_hash`` differs from the original's ``content_hash`` (content_model.source_hash).
    Unknown (no source_hash), the original itself and fallbacks: False."""
    if item is original or getattr(item, "fallback", False):
        return False
    stored = getattr(item, "source_hash", None)
    current = getattr(original, "content_hash", None)
    return bool(stored and current and stored != current)


def alternates(item: Any) -> list[tuple[str, str]]:
    """(hreflang, root-relative URL) of the real versions of a page: no fallbacks."""
    versions = getattr(item, "versions", None) or {item.lang: item}
    return [(lang, page.url) for lang, page in versions.items()
            if not getattr(page, "fallback", False)]
