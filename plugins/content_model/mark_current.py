"""``invoke translations --mark-current``: write ``source_hash: <hash>`` into a translation's
front matter, in place. Only that one line is added or replaced; every other byte of the file
(comments, order, quotes, line endings) stays as it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from content_model.source_hash import FIELD
from content_model.translation_index import Index, Translation

_FENCE = re.compile(r"^---[ \t]*(\r?\n|$)")


class MarkError(Exception):
    """A path that cannot be marked; the message says why (German)."""


def scalar(value: str) -> str:
    """``value`` as YAML that reads back as this text (a hash of digits only is quoted)."""
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else f'"{value}"'


def with_source_hash(text: str, value: str) -> str:
    """``text`` with the front-matter line ``source_hash: value`` set (added or replaced)."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        raise MarkError("Kopfbereich fehlt (die Datei muss mit '---' beginnen)")
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        raise MarkError("Kopfbereich wird nicht geschlossen (zweite Zeile '---' fehlt)")
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    entry = f"{FIELD}: {scalar(value)}"
    for i in range(1, end):
        if re.match(rf"{FIELD}\s*:", lines[i]):
            ending = lines[i][len(lines[i].rstrip("\r\n")):]
            lines[i] = entry + ending
            return "".join(lines)
    after = None
    for key in ("translation_reviewed", "lang"):
        after = next((i for i in range(1, end) if re.match(rf"{key}\s*:", lines[i])), None)
        if after is not None:
            break
    at = end if after is None else after + 1
    while after is not None and at < end and lines[at][:1] in (" ", "\t"):
        at += 1  # a value continued on indented lines
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, entry + newline)
    return "".join(lines)


def set_source_hash(path: Path, value: str) -> bool:
    """Write ``source_hash`` into the file; False when it already had this value."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    new = with_source_hash(text, value)
    if new == text:
        return False
    path.write_bytes(new.encode("utf-8"))
    return True


@dataclass(frozen=True)
class Marked:
    translation: Translation
    changed: bool


def select(index: Index, content_root: Path, paths: Iterable[Path]) -> list[Translation]:
    """The translations named by ``paths`` (files or folders); all of them for no paths."""
    paths = list(paths)
    if not paths:
        return list(index.translations)
    root = content_root.resolve()
    chosen: list[Translation] = []
    for path in paths:
        target = path.resolve()
        try:
            rel = target.relative_to(root).as_posix()
        except ValueError as exc:
            raise MarkError(f"{path}: liegt nicht unter {content_root} (eine Übersetzung in "
                            "content/)") from exc
        if target.is_dir():
            below = [t for t in index.translations
                     if rel in ("", ".") or t.source.rel.startswith(rel + "/")]
            chosen += below
            continue
        found = index.translation_at(rel)
        if found is None:
            raise MarkError(f"{path}: keine Übersetzung mit deutschem Original (eine Datei wie "
                            "content/pages/kontakt.tr.md oder content/inka/islamisch/"
                            "eid-al-fitr.tr.md)")
        chosen.append(found)
    unique = {t.source.rel: t for t in chosen}
    return [unique[rel] for rel in sorted(unique)]


def mark(translations: Iterable[Translation]) -> list[Marked]:
    """Record the current version of each translation's original in the translation."""
    return [Marked(t, set_source_hash(t.source.path, t.original.current)) for t in translations]
