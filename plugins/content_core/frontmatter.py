"""Split a Markdown file into YAML front matter and body, keeping the line of every key."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from content_core.errors import ContentError, ContentErrors
from content_core.yaml_messages import explain

#: A content file is text for one page: more than this is a mistake (a pasted export, a
#: binary file) and would make pages of many megabytes (issue 13: 10 MB made 61 MB of HTML).
MAX_BYTES = 1_000_000

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)

KeyPath = tuple[str | int, ...]


class _AnchorFound(Exception):
    def __init__(self, kind: str, name: str, line: int) -> None:
        super().__init__(kind, name, line)
        self.kind, self.name, self.line = kind, name, line


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: the schema parses them and can name the line.

    Anchors (``&a``) and aliases (``*a``) are refused while composing, before any alias is
    followed: a few nested aliases ("billion laughs") would otherwise cost minutes and
    gigabytes wherever the tree or the data is walked."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        _refuse_anchor(self.peek_event())
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def _refuse_anchor(event: yaml.Event) -> None:
    """Raise :class:`_AnchorFound` when ``event`` is an alias or carries an anchor."""
    if isinstance(event, yaml.AliasEvent):
        raise _AnchorFound("Verweis", f"*{event.anchor}", event.start_mark.line + 1)
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise _AnchorFound("Anker", f"&{anchor}", event.start_mark.line + 1)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

#: The same rules on libyaml's parser (PyYAML's C extension), about ten times faster. Used for
#: headers it reads without complaint; a header it rejects is read again by :class:`_Loader`,
#: whose messages ``yaml_messages.explain`` words for editors.
_FastLoader: type[yaml.SafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

    _FastLoader = _CLoader


def _refuse_anchors(header: str, loader_class: type[yaml.SafeLoader]) -> None:
    """Raise :class:`_AnchorFound` for the first anchor or alias, before any is followed."""
    loader = loader_class(header)
    try:
        while loader.check_event():
            _refuse_anchor(loader.get_event())
    finally:
        loader.dispose()


def _compose(header: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for lines) and its data; the first anchor or alias raises
    :class:`_AnchorFound`."""
    if _FastLoader is not None:
        try:
            _refuse_anchors(header, _FastLoader)
            return _node_and_data(_FastLoader(header))
        except yaml.YAMLError:
            pass  # read again below: the pure-Python parser names the problem
    return _node_and_data(_Loader(header))


def _node_and_data(loader: yaml.SafeLoader) -> tuple[yaml.Node | None, Any]:
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def line_of(lines: dict[KeyPath, int], *keys: str | int) -> int:
    """The 1-based line of a key path in ``lines`` (or of its nearest parent); 1 if unknown."""
    path: KeyPath = tuple(keys)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


@dataclass
class FrontMatter:
    """Parsed front matter: the data, the line of each key path, and the Markdown body."""

    path: str
    data: dict[str, Any]
    body: str
    body_line: int
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, *keys: str | int) -> int:
        """The 1-based line of a key (or its nearest parent); 1 if unknown."""
        return line_of(self.lines, *keys)

    def error(self, keys: tuple[str | int, ...], message: str, expected: str = "",
              warning: bool = False) -> ContentError:
        return ContentError(self.path, self.line_of(*keys), message, expected, warning)


def _collect_lines(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            _collect_lines(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, index)
            lines[key] = item.start_mark.line + 1
            _collect_lines(item, key, lines)


def load_yaml(text: str, path: str) -> tuple[Any, dict[KeyPath, int]]:
    """Any YAML document (e.g. a glossary) with the 1-based line of every key path.

    Raises :class:`ContentErrors` with the line of a syntax error."""
    try:
        node, data = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _fail(path, (mark.line + 1) if mark else 1, f"YAML-Fehler: {exc.problem or exc}",
                    "gültiges YAML; Texte mit Doppelpunkt in Anführungszeichen") from exc
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return data, lines


def _fail(path: str, line: int, message: str, expected: str = "") -> ContentErrors:
    return ContentErrors([ContentError(path, line, message, expected)])


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")


@dataclass(frozen=True)
class _Problem:
    line: int  # within the header
    message: str
    expected: str


@lru_cache(maxsize=4096)
def _parse_header(header: str) -> tuple[dict[str, Any], dict[KeyPath, int]] | _Problem:
    """The YAML between the fences: (data, line of each key path) or the problem. Cached by
    text: ``invoke check``, each preview rebuild and the tests read the same headers again."""
    try:
        node, data = _compose(header)  # one parse: the node tree gives lines, then the data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        wrong, expected = explain(exc.problem)
        return _Problem(mark.line + 1 if mark else 1, f"YAML-Fehler: {wrong}", expected)
    except _AnchorFound as found:
        return _Problem(found.line, f"YAML-{found.kind} '{found.name}' ist im Kopfbereich "
                        "nicht erlaubt", "jeden Wert ausschreiben; ein Wert, der mit & oder * "
                        "beginnt, gehört in Anführungszeichen")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return _Problem(node.start_mark.line + 1 if node is not None else 1,
                        "Kopfbereich ist keine Liste von Feldern", "Zeilen der Form 'feld: wert'")
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return data, lines


def parse_front_matter(text: str, path: str) -> FrontMatter:
    """Parse ``---`` YAML ``---`` + Markdown. Raises :class:`ContentErrors` on a broken header."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_BYTES:
        raise _fail(path, 1, f"Datei ist mit {_megabytes(size)} MB zu groß",
                    f"höchstens {MAX_BYTES // 1_000_000} MB Text pro Datei; einen langen Text auf "
                    "mehrere Seiten verteilen, Bilder und PDFs in content/images/ ablegen")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = _FENCE.match(text)
    if not first:
        raise _fail(path, 1, "Kopfbereich fehlt",
                           "die Datei muss mit einer Zeile '---' beginnen, dann YAML, dann '---'")
    closing = _FENCE.search(text, first.end())
    if not closing:
        raise _fail(path, 1, "Kopfbereich wird nicht geschlossen",
                           "eine zweite Zeile '---' nach den Metadaten")
    header = text[first.end():closing.start()]
    offset = text.count("\n", 0, first.end())  # lines before the YAML text starts
    parsed = _parse_header(header)
    if isinstance(parsed, _Problem):
        raise _fail(path, parsed.line + offset, parsed.message, parsed.expected)
    data, lines = copy.deepcopy(parsed[0]), {k: v + offset for k, v in parsed[1].items()}
    body_start = closing.end()
    rest = text[body_start:]
    body = rest.lstrip("\n")
    # the line of the body's first character (blank lines after the closing '---' skipped)
    body_line = text.count("\n", 0, body_start + len(rest) - len(body)) + 1
    return FrontMatter(path=path, data=data, body=body, body_line=body_line, lines=lines)


def read_front_matter(path: Path) -> FrontMatter:
    """Read a Markdown file (UTF-8) and parse it. Raises :class:`ContentErrors` with the line
    when the file cannot be read or its header is broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as why:
        raise _fail(str(path), 1, f"Datei nicht lesbar: {why}", "Text in UTF-8") from why
    return parse_front_matter(text, str(path))
