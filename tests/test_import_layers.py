"""The import layering of the plugins (issue 16), read from the source with ``ast``.

Every import counts, also one inside a function: a function-level import hides a cycle only
from the reader, not from Python. Layers, bottom up:

    site_core      languages, communities, clock, URLs    (standard library, Babel)
    content_core   front-matter parser, ContentError      (standard library, PyYAML)
    inka_engine    holiday rules and occurrences           (+ site_core, content_core)
    content_model  the content rules, invoke check         (+ the three above)
    mia_site, inka_site, inka_poster, site_build           Pelican glue (anything below)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
PACKAGES = sorted(p.name for p in PLUGINS.iterdir() if (p / "__init__.py").is_file())
#: First-party packages each Pelican-free layer may import (besides itself).
ALLOWED = {
    "site_core": set(),
    "content_core": set(),
    "inka_engine": {"site_core", "content_core"},
    "content_model": {"site_core", "content_core", "inka_engine"},
}
PELICAN_FREE = tuple(ALLOWED)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in a file, relative ones resolved."""
    package = path.relative_to(PLUGINS).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(PLUGINS).parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
            elif node.module:
                yield node.lineno, node.module


def _edges(package: str) -> dict[str, list[str]]:
    """Top-level module imported → where (file:line), for one package."""
    found: dict[str, list[str]] = {}
    for path in sorted((PLUGINS / package).rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top != package:
                found.setdefault(top, []).append(f"{path.relative_to(PLUGINS)}:{line}")
    return found


def test_the_packages_are_found() -> None:
    assert set(ALLOWED) <= set(PACKAGES)
    assert {"mia_site", "inka_site"} <= set(PACKAGES)


def test_relative_imports_are_resolved() -> None:
    engine = dict(_edges("inka_engine"))
    assert "content_core" in engine  # the loader reads front matter through the bottom layer
    assert all(not name.startswith(".") and name for name in engine)


@pytest.mark.parametrize("package", PELICAN_FREE)
def test_pelican_free_layers_import_only_what_is_below(package: str) -> None:
    first_party = set(PACKAGES) - {package}
    edges = _edges(package)
    wrong = {name: where for name, where in edges.items()
             if (name in first_party and name not in ALLOWED[package]) or name == "pelican"}
    assert wrong == {}


def test_no_cycles_between_packages() -> None:
    graph = {p: {name for name in _edges(p) if name in PACKAGES} for p in PACKAGES}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in trail:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif nxt > trail[0]:  # each cycle once, from its smallest package
                visit(nxt, [*trail, nxt])

    for start in PACKAGES:
        visit(start, [start])
    assert cycles == [], graph
