"""Work shared among forked processes (issue 17). No Pelican import.

Jinja and Markdown hold Python's global lock, so pages render on one core in one process. The
build's writer collects the pages to render and hands them here: each of ``count`` children,
forked from the build process, has everything in memory already (templates, documents, the
calendar) and renders its share (every ``count``-th page, so that long and short pages mix);
it sends back a small picklable result through a pipe. Where a process cannot fork (Windows,
macOS), or for few pages, the caller renders in its own process.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from site_build import working

#: Fewer pages than this are rendered in the build's own process (a fork costs more).
MIN_JOBS = 24


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"


class ChildError(RuntimeError):
    """An error raised in a child, raised again in the build process: ``kind`` is the name of
    its type (site_build.run names it to the editor), ``details`` the child's traceback."""

    def __init__(self, kind: str, message: str, details: str = "") -> None:
        super().__init__(message)
        self.kind, self.details = kind, details


@dataclass(frozen=True)
class Failure:
    """A child's error: what it was working on, the error's type name, message and traceback."""

    where: str | None
    kind: str
    message: str
    details: str = ""

    def raise_again(self) -> None:
        """Raise it in the parent as the build's error handling expects (site_build.run):
        a :class:`working.Stop` as itself, anything else as a :class:`ChildError`."""
        if self.where:
            working.mark(self.where)
        if self.kind == "Stop":
            raise working.Stop(self.message)
        raise ChildError(self.kind, self.message, self.details)


def run_forked(count: int, work: Callable[[int], Any]) -> list[Any]:
    """``work(i)`` for ``i`` in ``range(count)``, each in its own forked child; their results
    in order. A child that fails gives a :class:`Failure` instead of its result."""
    children: list[tuple[int, int]] = []
    for index in range(count):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: work, send the result, end without cleaning up the parent's
            os.close(read)
            code = 0
            try:
                result: Any = work(index)
            except BaseException as exc:  # reported to the parent
                result = Failure(working.current(), type(exc).__name__, str(exc),
                                 traceback.format_exc())
                code = 1
            try:
                data = pickle.dumps(result)
            except Exception as exc:  # a result pickle cannot carry
                data = pickle.dumps(Failure(working.current(), "PicklingError", str(exc)))
                code = 1
            try:
                sys.stdout.flush()
                sys.stderr.flush()
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            finally:
                os._exit(code)
        os.close(write)
        children.append((pid, read))
    results: list[Any] = []
    for pid, read in children:
        with os.fdopen(read, "rb") as source:
            data = source.read()
        _pid, status = os.waitpid(pid, 0)
        if data:
            results.append(pickle.loads(data))  # our own child's bytes
        else:
            results.append(Failure(None, "ChildProcessError",
                                   f"Prozess endete ohne Ergebnis (Status {status})"))
    return results
