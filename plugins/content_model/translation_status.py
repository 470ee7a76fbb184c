"""``invoke translations --status``: every German original × language, as a table or JSON."""

from __future__ import annotations

from typing import Any

from content_model.translation_index import STATE_LABELS, STATES, TRANSLATED, Index

KIND_ORDER = ("page", "topic", "news", "event", "holiday")
KIND_LABELS = {"page": "Seiten", "topic": "Themen", "news": "Nachrichten",
               "event": "Veranstaltungen", "holiday": "Feiertage"}


def _sorted(index: Index) -> list[Any]:
    return sorted(index.originals,
                  key=lambda o: (KIND_ORDER.index(o.source.kind)
                                 if o.source.kind in KIND_ORDER else 99, o.source.rel))


def as_data(index: Index) -> dict[str, Any]:
    """The same facts as the table, for scripts (states in English: missing, outdated, …)."""
    documents = []
    for original in _sorted(index):
        languages: dict[str, Any] = {}
        for lang in TRANSLATED:
            found = original.translations.get(lang)
            languages[lang] = {"state": original.state(lang),
                               "path": found.source.shown if found else None,
                               "source_hash": found.stored if found else None}
        documents.append({"path": original.source.shown, "kind": original.source.kind,
                          "current_hash": original.current, "languages": languages})
    return {"languages": list(TRANSLATED), "states": list(STATES), "documents": documents,
            "totals": index.totals()}


def as_table(index: Index) -> str:
    """A plain-text table: one row per German original, one column per language, totals."""
    width = max((len(o.source.shown) for o in index.originals), default=10)
    cell = max(len(label) for label in STATE_LABELS.values())
    head = "Deutsches Original".ljust(width) + "  " + "  ".join(
        lang.ljust(cell) for lang in TRANSLATED)
    lines = [head, "-" * len(head)]
    kind = None
    for original in _sorted(index):
        if original.source.kind != kind:
            kind = original.source.kind
            lines.append(f"[{KIND_LABELS.get(str(kind), str(kind))}]")
        lines.append(original.source.shown.ljust(width) + "  " + "  ".join(
            STATE_LABELS[original.state(lang)].ljust(cell) for lang in TRANSLATED))
    lines.append("-" * len(head))
    totals = index.totals()
    for state in STATES:
        lines.append(f"{STATE_LABELS[state]} (Summe)".ljust(width) + "  " + "  ".join(
            str(totals[lang][state]).ljust(cell) for lang in TRANSLATED))
    lines.append(f"{len(index.originals)} deutsche Originale. fehlt = keine Übersetzung; "
                 "veraltet = das Original wurde seit der Übersetzung geändert; ohne Stand = "
                 "kein source_hash; ungeprüft = translation_reviewed ist nicht true.")
    return "\n".join(lines)
