"""``invoke new translation --of <German file> --lang <xx>``: the skeleton of a translation of
any kind, beside its original, with ``source_hash`` set. Refuses to overwrite.

Holidays get exactly the front matter of SPEC §1 (lang, summary, variants' ``who`` if the
original has variants, translation_reviewed); pages, topics, news and events a copy of the
German file with ``lang`` and ``translation_reviewed: false``. The German text stays in place as
the text to translate."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from content_core.errors import ContentErrors
from content_core.frontmatter import parse_front_matter
from content_model.mark_current import with_source_hash
from content_model.scaffold import ScaffoldError, existing
from content_model.source_hash import front_matter_hash
from content_model.translation_index import DEFAULT_LANG, TRANSLATED, kind_of

_LANG_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")
_LANG_LINE = re.compile(r"^lang:.*$", re.MULTILINE)
_SLUG_LINE = re.compile(r"^slug:.*$", re.MULTILINE)
_REVIEWED_LINE = re.compile(r"^translation_reviewed:.*\n?", re.MULTILINE)
TODO = "[Bitte übersetzen]"


def resolve(content_root: Path, of: str) -> Path:
    """The German file named by ``--of`` (relative to the project, to content/ or absolute)."""
    given = Path(of)
    candidates = [given] if given.is_absolute() else [
        content_root.parent / given, content_root / given, Path.cwd() / given]
    if not given.is_absolute() and given.parts[:1] == ("content",):
        candidates.insert(0, content_root.joinpath(*given.parts[1:]))
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    raise ScaffoldError(f"Datei {of!r} nicht gefunden (der Pfad der deutschen Datei, z. B. "
                        "--of content/pages/kontakt.md)")


def _holiday(text: str, shown: str, lang: str) -> str:
    fm = parse_front_matter(text, shown)
    summary = fm.data.get("summary")
    summary = " ".join(summary.split()) if isinstance(summary, str) and summary.strip() else TODO
    lines = ["---", f"lang: {lang}", "summary: >-",
             *textwrap.wrap(summary, width=96, initial_indent="  ", subsequent_indent="  ",
                            break_long_words=False, break_on_hyphens=False)]
    variants = fm.data.get("variants")
    if isinstance(variants, list) and variants:
        lines.append("variants:")
        for variant in variants:
            who = variant.get("who") if isinstance(variant, dict) else None
            who = " ".join(who.split()) if isinstance(who, str) and who.strip() else TODO
            lines.append(f"  - who: {json.dumps(who, ensure_ascii=False)}")
    lines += ["translation_reviewed: false", "---", ""]
    body = fm.body.rstrip("\n") + "\n" if fm.body.strip() else f"{TODO}\n"
    return "\n".join(lines) + body


def _page(text: str, shown: str, lang: str) -> str:
    note = (f"# Übersetzung ({lang}) von {shown}. Bitte title, summary und den Text übersetzen;\n"
            "# Fakten (slug, Daten, Adressen) bleiben wie im Original; tags: die deutschen Themen "
            "oder ihre\n# Bezeichnung aus dem Glossar. translation_reviewed: true erst, wenn eine "
            "Muttersprachlerin\n# oder ein Muttersprachler den Text geprüft hat.\n")
    text = _REVIEWED_LINE.sub("", text)
    lang_line = f"lang: {lang}\ntranslation_reviewed: false"
    if _LANG_LINE.search(text):
        text = _LANG_LINE.sub(lang_line, text, count=1)
    else:
        text = _SLUG_LINE.sub(lambda m: f"{m.group(0)}\n{lang_line}", text, count=1)
    return text.replace("---\n", "---\n" + note, 1)


def translation_text(text: str, shown: str, kind: str, lang: str) -> str:
    """The skeleton for a translation of the German ``text`` (file ``shown``) into ``lang``."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    fm = parse_front_matter(text, shown)
    skeleton = _holiday(text, shown, lang) if kind == "holiday" else _page(text, shown, lang)
    return with_source_hash(skeleton, front_matter_hash(kind, fm))


def create_translation(content_root: Path, of: str, lang: str) -> Path:
    """Write the translation skeleton of the German file ``of`` into ``lang``; its path."""
    if lang not in TRANSLATED:
        raise ScaffoldError(f"unbekannte Sprache {lang!r} für eine Übersetzung (eine von "
                            f"{', '.join(TRANSLATED)}: --lang tr)")
    original = resolve(content_root, of)
    try:
        rel = original.relative_to(content_root.resolve()).as_posix()
    except ValueError as exc:
        raise ScaffoldError(f"{of} liegt nicht in {content_root} (eine Datei unter content/)",
                            ) from exc
    kind = kind_of(rel)
    shown = f"content/{rel}"
    suffix = _LANG_SUFFIX.search(rel)
    if kind is None or not rel.endswith(".md"):
        raise ScaffoldError(f"{shown} ist keine Seite, Nachricht, Veranstaltung und kein "
                            "Feiertag (eine .md-Datei in content/pages, news, events, inka)")
    if suffix and suffix.group(1) != DEFAULT_LANG:
        raise ScaffoldError(f"{shown} ist selbst eine Übersetzung (--of nennt die deutsche "
                            "Datei, z. B. " + shown.replace(suffix.group(0), ".md") + ")")
    text = original.read_text(encoding="utf-8")
    try:
        data = parse_front_matter(text.lstrip("\ufeff"), shown).data
    except ContentErrors as exc:
        raise ScaffoldError(f"das Original hat Fehler, zuerst beheben: {exc}") from exc
    if kind != "holiday" and data.get("lang", DEFAULT_LANG) != DEFAULT_LANG:
        raise ScaffoldError(f"{shown} ist nicht deutsch (lang: {data.get('lang')})")
    target = original.with_name(f"{original.name[:-3]}.{lang}.md")
    target_shown = f"content/{rel[:-3]}.{lang}.md"
    if target.exists():
        raise ScaffoldError(f"{target_shown} gibt es schon; sie wird nicht überschrieben (die "
                            "vorhandene Datei bearbeiten)")
    if kind != "holiday" and isinstance(data.get("slug"), str):
        taken = existing(content_root, kind).get((lang, data["slug"]))
        if taken is not None:
            raise ScaffoldError(f"eine Übersetzung ({lang}) mit slug {data['slug']!r} gibt es "
                                f"schon: content/{taken.relative_to(content_root).as_posix()}")
    target.write_text(translation_text(text, shown, kind, lang), encoding="utf-8", newline="\n")
    return target


def next_steps(path: Path, content_root: Path, lang: str) -> str:
    """What the translator does next (German)."""
    shown = "content/" + path.relative_to(content_root).as_posix()
    holiday = shown.startswith("content/inka/")
    what = ("summary, jedes 'who' unter variants und den ganzen Text (jede ##-Überschrift; "
            "Grüße im Original lassen und ihre Bedeutung ergänzen)" if holiday else
            "title, summary, die Textfelder und den ganzen Text; Fakten bleiben")
    return "\n".join([
        "Nächste Schritte:",
        f"  1. {shown} öffnen und übersetzen: {what}.",
        f"  2. Begriffe nach dem Glossar: theme/translations/{lang}/glossary.yaml.",
        "  3. 'invoke check' ausführen und gemeldete Fehler beheben.",
        "  4. 'translation_reviewed: true' erst, wenn eine Muttersprachlerin oder ein "
        "Muttersprachler den Text geprüft hat.",
        "  5. Ändert sich später das deutsche Original, meldet 'invoke check' die Übersetzung als "
        f"veraltet; nach dem Anpassen: invoke translations --mark-current {shown}",
    ])
