"""YAML front matter with line numbers: ``---`` / YAML / ``---`` / Markdown body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(yaml.SafeLoader):
    """Safe loader that keeps dates as text, so a bad date is our error with a line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FrontMatter:
    path: Path
    data: Any
    body: str
    lines: dict[Path_, int]

    def line(self, *where: str | int) -> int:
        """File line of the value at ``where`` (or of the nearest existing parent)."""
        probe: Path_ = tuple(where)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return 1

    def error(self, message: str, *where: str | int) -> ContentError:
        return ContentError(self.path, self.line(*where), message)


def _index(node: yaml.Node, at: Path_, offset: int, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            here = (*at, key)
            lines[here] = key_node.start_mark.line + offset
            if isinstance(value_node, yaml.ScalarNode):
                lines[here] = value_node.start_mark.line + offset
            _index(value_node, here, offset, lines)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            lines[(*at, number)] = item.start_mark.line + offset
            _index(item, (*at, number), offset, lines)


def read_front_matter(path: Path) -> FrontMatter:
    """Split and parse a Markdown file; raises :class:`ContentError` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as why:
        raise ContentError(path, 1, f"cannot read file: {why} (expected UTF-8 text)") from why
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "missing front matter (expected a first line '---')")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        raise ContentError(path, len(lines),
                           "front matter is not closed (expected a line '---' after the YAML)")
    source = "".join(lines[1:closing])
    body = "".join(lines[closing + 1:])
    offset = 2  # YAML line 0 is file line 2
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as why:
        mark = why.problem_mark or why.context_mark
        line = mark.line + offset if mark is not None else 1
        raise ContentError(path, line, f"invalid YAML: {why.problem or why} "
                                       "(expected valid YAML front matter)") from why
    except yaml.YAMLError as why:
        raise ContentError(path, 1, f"invalid YAML: {why} (expected valid YAML)") from why
    finally:
        loader.dispose()
    index: dict[Path_, int] = {}
    if node is not None:
        _index(node, (), offset, index)
    return FrontMatter(path, data, body, index)
