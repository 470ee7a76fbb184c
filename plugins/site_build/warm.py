"""Preview builds in a process that has the libraries loaded already (issue 17). No Pelican
import at module level.

Starting Python and importing Pelican, Jinja, Markdown, Babel, PyYAML and the calendar
libraries costs about half a second of every preview rebuild, and importing our own plugins
another half. ``invoke serve`` therefore starts one helper process that imports them once;
every build is a fork of that helper: a new process with everything in memory, which runs
``site_build.run`` as the command line would. Before each build the helper compares our plugin
files (their sizes and modification times) with those it imported: after an edit it forgets
our modules and imports them again, so an edited plugin counts at once. Nothing a build does
reaches the helper (each build is a fork of it). Where a process cannot fork (Windows), every
build starts Python as before. A library updated while the preview runs needs a restart.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

PLUGINS = Path(__file__).resolve().parents[1]
#: Imported by the helper for the libraries they pull in; forgotten before every build.
PRELOAD = ("pelican", "pelican.generators", "pelican.readers", "pelican.writers",
           "site_build.run", "mia_site", "inka_site", "inka_poster", "inka_site.generator",
           "mia_site.reader", "mia_site.context", "content_model.check")


def _ours() -> frozenset[str]:
    return frozenset(p.name for p in PLUGINS.iterdir() if (p / "__init__.py").is_file())


def _forget_our_modules() -> None:
    ours = _ours()
    for name in [n for n in sys.modules if n.split(".", 1)[0] in ours]:
        del sys.modules[name]


def plugin_files() -> frozenset[tuple[str, int, int]]:
    """Our plugin modules as (path, size, modification time): what the helper imported."""
    found = set()
    for path in PLUGINS.rglob("*.py"):
        try:
            stat = path.stat()
        except OSError:  # removed while we look: the next look sees it
            continue
        found.add((str(path), stat.st_size, stat.st_mtime_ns))
    return frozenset(found)


def _load() -> frozenset[tuple[str, int, int]]:
    """Import the libraries and our plugins afresh; the plugin files as they were read."""
    _forget_our_modules()
    files = plugin_files()
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # a build will report it with its German sentence
            continue
    return files


def _build(args: Sequence[str], env: Mapping[str, str], cwd: str) -> int:
    """In a fresh fork: the build as ``python -m site_build.run <args>`` would run it."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    run = importlib.import_module("site_build.run")
    try:
        code = int(run.main(list(args)))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return code


def _helper(connection: Any) -> None:
    """The helper's life: load the libraries, then fork one build per request."""
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))
    loaded = _load()
    while True:
        try:
            args, env, cwd = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if plugin_files() != loaded:  # a plugin was edited: import ours again
            loaded = _load()
        pid = os.fork()
        if pid == 0:  # the build
            code = 1
            try:
                code = _build(args, env, cwd)
            except SystemExit as stop:  # e.g. --help, or a plugin that exits
                code = stop.code if isinstance(stop.code, int) else 1
            except BaseException:  # the child must end here, whatever happened
                code = 1
            finally:
                os._exit(code)
        while True:
            try:
                _pid, status = os.waitpid(pid, 0)
                break
            except KeyboardInterrupt:  # Ctrl+C: the build ends by itself (code 130)
                continue
        connection.send(os.waitstatus_to_exitcode(status))


class WarmBuilder:
    """Runs ``site_build.run`` with arguments and environment; warm where the system forks."""

    def __init__(self) -> None:
        self._connection: Any = None
        self._process: Any = None
        if not hasattr(os, "fork") or sys.platform == "darwin":  # macOS: fork is unsafe
            return
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self._process = context.Process(target=_helper, args=(child,), daemon=True,
                                        name="Vorschau-Build")
        self._process.start()
        child.close()
        self._connection = parent

    def __call__(self, args: Sequence[str], env: Mapping[str, str], cwd: Path) -> int:
        if self._connection is not None and self._process.is_alive():
            try:
                self._connection.send((list(args), dict(env), str(cwd)))
                return int(self._connection.recv())
            except KeyboardInterrupt:  # Ctrl+C reached the build too: let it end first
                try:
                    if self._connection.poll(10):
                        self._connection.recv()
                except (EOFError, OSError):
                    pass
                raise
            except (EOFError, OSError, BrokenPipeError):
                self._connection = None  # the helper is gone: start Python as usual
        command = [sys.executable, "-m", "site_build.run", *args]
        return subprocess.run(command, cwd=cwd, env=dict(env), check=False).returncode

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.terminate()
