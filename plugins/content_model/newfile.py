"""The ``invoke new`` dialogue: take the options, ask for what is missing (only at a terminal),
then write the file (``scaffold``) or add a confirmed holiday date (``confirm_date``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from content_model.check import build_date_from_env
from content_model.confirm_date import add_confirmed
from content_model.scaffold import Request, ScaffoldError, create
from content_model.translation_scaffold import create_translation

__all__ = ["ScaffoldError", "run"]

KINDS = ("news", "event", "topic", "holiday-date", "translation")

#: What each kind needs, with the German question (asked only when the option is missing).
QUESTIONS: dict[str, list[tuple[str, str]]] = {
    "news": [("title", "Titel der Nachricht"),
             ("summary", "Kurzfassung (ein bis zwei Sätze, leer = später)")],
    "event": [("title", "Titel der Veranstaltung"),
              ("start", "Beginn (JJJJ-MM-TT HH:MM, ganztägig nur JJJJ-MM-TT)"),
              ("end", "Ende (leer = offen)"),
              ("location", "Ort (leer = wird noch bekannt gegeben)"),
              ("address", "Adresse (leer = später)"),
              ("summary", "Kurzfassung (leer = später)")],
    "topic": [("title", "Titel des Themas"), ("parent", "Oberthema (slug, leer = keines)"),
              ("summary", "Kurzfassung (leer = später)")],
    "holiday-date": [("community", "Gemeinschaft (z. B. islamisch)"),
                     ("key", "Feiertag (Dateiname ohne .md, z. B. eid-al-fitr)"),
                     ("start", "Bestätigtes Datum (JJJJ-MM-TT)"),
                     ("source", "Quelle (wer hat das Datum bekannt gegeben?)")],
}
TRANSLATION = [("slug", "slug des deutschen Originals"), ("title", "übersetzter Titel")]
TRANSLATION_OF = [("of", "Pfad der deutschen Datei (z. B. content/pages/kontakt.md)"),
                  ("lang", "Sprache der Übersetzung (en, tr, ar, uk, pl)")]


def _ask(values: dict[str, str], questions: list[tuple[str, str]],
         prompt: Callable[[str], str]) -> None:
    for name, question in questions:
        if not values.get(name):
            values[name] = prompt(f"{question}: ").strip()


def run(content_root: Path, kind: str, values: dict[str, str], *, interactive: bool = False,
        prompt: Callable[[str], str] = input, today: dt.date | None = None) -> Path:
    """Create what ``kind`` asks for; raises :class:`ScaffoldError` with a German reason."""
    if kind not in KINDS:
        raise ScaffoldError(f"unbekannte Art {kind!r} (eine von {', '.join(KINDS)})")
    values = dict(values)
    if kind == "translation":
        if values.get("lang") == "de":
            values["lang"] = ""
        if interactive:
            _ask(values, TRANSLATION_OF, prompt)
        if not values.get("of"):
            raise ScaffoldError("--of fehlt (der Pfad der deutschen Datei, z. B. "
                                "--of content/pages/kontakt.md --lang tr)")
        if not values.get("lang"):
            raise ScaffoldError("--lang fehlt (die Sprache der Übersetzung: en, tr, ar, uk, pl)")
        return create_translation(content_root, values["of"], values["lang"])
    if interactive:
        translation = kind != "holiday-date" and values.get("lang", "de") != "de"
        _ask(values, TRANSLATION if translation else QUESTIONS[kind], prompt)
    if kind == "holiday-date":
        for name in ("community", "key", "start", "source"):
            if not values.get(name):
                raise ScaffoldError(f"--{name} fehlt")
        try:
            day = dt.date.fromisoformat(values["start"].strip())
        except ValueError as exc:
            raise ScaffoldError(f"ungültiges Datum {values['start']!r} (JJJJ-MM-TT)") from exc
        return add_confirmed(content_root, values["community"], values["key"], day,
                             values["source"])
    order = values.get("order") or ""
    if order and not order.lstrip("-").isdigit():
        raise ScaffoldError(f"--order muss eine ganze Zahl sein, nicht {order!r}")
    request = Request(
        kind=kind, title=values.get("title", ""), slug=values.get("slug", ""),
        lang=values.get("lang") or "de", summary=values.get("summary", ""),
        date=values.get("date", ""), start=values.get("start", ""), end=values.get("end", ""),
        location=values.get("location", ""), address=values.get("address", ""),
        organizer=values.get("organizer", ""), parent=values.get("parent", ""),
        order=int(order) if order else None,
        tags=[t.strip() for t in (values.get("tags") or "").split(",") if t.strip()])
    return create(content_root, request, today or build_date_from_env())
