"""``invoke check`` rules for translations: outdated against their German original, without a
recorded version (one summary line), and news/event tags that are neither a German tag key nor
that language's label of one (glossary ``tags:``)."""

from __future__ import annotations

from collections.abc import Iterable

from content_core.errors import ContentError
from content_model.glossary import Glossary
from content_model.source_hash import FIELD, HASH_RE
from content_model.translation_index import DEFAULT_LANG, Index, Source


def version_rules(index: Index) -> list[ContentError]:
    """A warning for each outdated translation; one for all translations without a version."""
    problems: list[ContentError] = []
    unmarked = []
    for translation in index.translations:
        source = translation.source
        stored = source.fm.data.get(FIELD)
        if stored is not None and (not isinstance(stored, str) or not HASH_RE.match(stored)):
            if source.kind == "holiday":  # other kinds: schema.validate reports it
                problems.append(source.fm.error((FIELD,), f"ungültiger {FIELD} {stored!r}",
                                                "nur das Werkzeug schreibt ihn: 'invoke "
                                                f"translations --mark-current {source.shown}'"))
            continue
        if translation.stored is None:
            unmarked.append(translation)
        elif translation.outdated:
            problems.append(ContentError(
                source.shown, translation.line,
                f"Übersetzung veraltet: das deutsche Original {translation.original.source.shown}"
                " wurde seitdem geändert",
                f"Übersetzung prüfen, dann 'invoke translations --mark-current {source.shown}'",
                warning=True))
    if unmarked:
        first = min(unmarked, key=lambda t: t.source.rel)
        others = len(unmarked) - 1
        problems.append(ContentError(
            first.source.shown, first.line,
            f"{len(unmarked)} Übersetzung(en) ohne '{FIELD}'"
            + (f" (diese und {others} weitere)" if others else "")
            + ": es ist nicht vermerkt, welche Fassung des deutschen Originals übersetzt ist",
            "Liste: 'invoke translations --status' (Spalte 'ohne Stand'); eine geprüfte "
            "Übersetzung vermerken: 'invoke translations --mark-current <datei>'",
            warning=True))
    return problems


def german_tags(sources: Iterable[Source]) -> list[str]:
    """The tag keys: every tag of a German news item or event, in first-seen order."""
    keys: dict[str, None] = {}
    for source in sources:
        lang = source.fm.data.get("lang", DEFAULT_LANG)
        tags = source.fm.data.get("tags")
        if source.kind in ("news", "event") and lang == DEFAULT_LANG and isinstance(tags, list):
            keys.update((t, None) for t in tags if isinstance(t, str))
    return sorted(keys)


def tag_rules(sources: Iterable[Source], glossaries: dict[str, Glossary]) -> list[ContentError]:
    """A translation's tags are German keys or its language's labels of them."""
    sources = list(sources)
    keys = german_tags(sources)
    problems: list[ContentError] = []
    for source in sources:
        lang = source.fm.data.get("lang", DEFAULT_LANG)
        tags = source.fm.data.get("tags")
        if source.kind not in ("news", "event") or lang == DEFAULT_LANG \
                or not isinstance(tags, list):
            continue
        labels = glossaries[lang].tags if lang in glossaries else {}
        allowed = set(keys) | {labels[k] for k in keys if k in labels}
        for number, tag in enumerate(tags):
            if isinstance(tag, str) and tag not in allowed:
                shown = ", ".join(f"{k} ({labels[k]})" if k in labels else k for k in keys)
                problems.append(source.fm.error(
                    ("tags", number), f"unbekanntes Thema {tag!r} in 'tags'",
                    f"ein Thema der deutschen Nachrichten oder seine Bezeichnung ({lang}): "
                    f"{shown or 'noch keine Themen'}"))
    return problems
