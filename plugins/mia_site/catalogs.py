"""UI string catalogues (Babel/gettext) for the theme, checked for completeness. No Pelican.

The msgids are the German source strings of the templates and plugins; German needs no
catalogue. Every other language has ``theme/translations/<lang>/LC_MESSAGES/messages.po``.
They are read by one loader for the site and the holiday engine alike
(:func:`inka_engine.texts.load_catalog`, here :func:`translations`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from inka_engine.texts import DOMAIN, N_, po_path
from inka_engine.texts import load_catalog as translations

__all__ = ["DOMAIN", "N_", "CatalogProblem", "compile_all", "extract", "inputs_digest",
           "po_path", "problems", "translations", "update"]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
METHOD_MAP = [
    ("theme/templates/**.html", "jinja2"),
    ("plugins/mia_site/**.py", "python"),
    ("plugins/inka_site/**.py", "python"),
    ("plugins/inka_engine/**.py", "python"),  # the feeds' texts (inka_engine.texts, sources)
    ("plugins/site_core/**.py", "python"),  # community titles and labels
    ("theme/poster/**.html", "jinja2"),  # print templates of plugins/inka_poster
]
OPTIONS = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n"},
           "theme/poster/**.html": {"extensions": "jinja2.ext.i18n"}}


@dataclass(frozen=True)
class CatalogProblem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def extract(root: Path) -> Catalog:
    """All UI strings of the templates and plugins, as a template catalogue (.pot)."""
    catalog = Catalog(project="MIA-DO-KI", version="1", charset="utf-8",
                      msgid_bugs_address="", copyright_holder="Stadt Dortmund")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), METHOD_MAP, options_map=OPTIONS, keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def inputs_digest(root: Path, languages: tuple[str, ...]) -> str:
    """What :func:`problems` looks at: the files of :data:`METHOD_MAP` and every language's
    catalogue (a build skips the check when none of them changed since it last passed)."""
    digest = hashlib.sha256("\0".join(languages).encode())
    paths = {p for pattern, _method in METHOD_MAP for p in root.glob(pattern.replace("**", "**/*"))}
    paths |= {po_path(root, lang) for lang in languages}
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _ids(catalog: Catalog) -> set[object]:
    return {m.id for m in catalog if m.id}


def problems(root: Path, languages: tuple[str, ...]) -> list[CatalogProblem]:
    """Every UI string that is missing, empty or fuzzy in any language (all plural forms)."""
    wanted = extract(root)
    found: list[CatalogProblem] = []
    for lang in languages:
        path = po_path(root, lang)
        shown = path.relative_to(root).as_posix()
        if not path.is_file():
            found.append(CatalogProblem(shown, "Katalog fehlt (invoke translations legt ihn an)"))
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for message in wanted:
            if not message.id:
                continue
            have = catalog.get(message.id)
            label = message.id[0] if isinstance(message.id, tuple) else message.id
            if have is None:
                found.append(CatalogProblem(shown, f"nicht übersetzt: {label!r}"))
            elif have.fuzzy:
                found.append(CatalogProblem(shown, f"unsicher (fuzzy): {label!r}"))
            else:
                strings = have.string if isinstance(have.string, tuple | list) else (have.string,)
                expected = catalog.num_plurals if isinstance(message.id, tuple) else 1
                if len([s for s in strings if s]) < expected:
                    found.append(CatalogProblem(shown, f"nicht übersetzt: {label!r}"))
    return found


def update(root: Path, languages: tuple[str, ...]) -> list[Path]:
    """Extract the strings, write the .pot and merge it into every language's .po."""
    from babel.messages.pofile import write_po

    template = extract(root)
    pot = root / "theme" / "translations" / f"{DOMAIN}.pot"
    pot.parent.mkdir(parents=True, exist_ok=True)
    with pot.open("wb") as fh:
        write_po(fh, template, width=100, omit_header=False, sort_output=True)
    written = [pot]
    for lang in languages:
        path = po_path(root, lang)
        if path.is_file():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
            catalog.update(template, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=lang, project="MIA-DO-KI", version="1", charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=True, ignore_obsolete=True)
        written.append(path)
    translations.cache_clear()
    return written


def compile_all(root: Path, languages: tuple[str, ...]) -> list[Path]:
    """Write messages.mo next to every messages.po (for gettext tools; the build reads .po)."""
    written = []
    for lang in languages:
        path = po_path(root, lang)
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        target = path.with_suffix(".mo")
        with target.open("wb") as fh:
            write_mo(fh, catalog)
        written.append(target)
    return written
