"""Read the files Pelican has no cached read of in forked processes, before Pelican reads them
one by one (issue 17).

Reading is Markdown and YAML in Python: on one core, and the largest part of a build without a
content cache (6,000 news items: 25 of 47 s). When a generator is made, the files it will read
that the content cache (mia_site.cache) holds no read of are shared among as many forked
children as the machine has CPUs (``MIA_WORKERS``); each child reads its share with the same
reader and sends the results back, and the build process puts them into the content cache.
Pelican's own reading then finds every file in the cache, as in a second build. Files edited
since their cached read are left to Pelican (usually a few).

A child's read counts only when it is exactly what the build process would have cached: no
content problem recorded, not kept out of the cache (``BuildProblems.uncacheable``), no output,
no warning (logged or ``warnings.warn``), no error. Any other file is left to Pelican, which
reads it in the build process and reports it as before — so messages, their order and the
stand-ins of broken files do not depend on this step.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Any

from pelican.log import FatalLogger
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

from mia_site import reader
from site_build import parallel, workers

#: Fewer files than this are read by Pelican alone (a fork costs more than it saves).
MIN_FILES = 24


def articles(generator: Any) -> None:
    """`article_generator_init`."""
    preread(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def pages(generator: Any) -> None:
    """`page_generator_init`."""
    preread(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def preread(generator: Any, paths: str, excludes: str) -> int:
    """Put the reads of the generator's uncached files into its content cache; returns how
    many were put there."""
    readers = generator.readers
    if not getattr(readers, "_cache_data_policy", False) or not parallel.can_fork():
        return 0
    files = generator.get_files(generator.settings[paths],
                                exclude=generator.settings[excludes])
    # Files the cache holds no read of at all: a dictionary look-up each, so that a warm build,
    # where Pelican hashes every file anyway, does not hash them all a second time here. (Files
    # whose cached read is out of date, i.e. edited ones, are left to Pelican: usually few.)
    todo = [path for path in (os.path.abspath(os.path.join(generator.path, name))
                              for name in files)
            if file_suffix(path) in readers.readers and path not in readers._cache]
    if len(todo) < MIN_FILES:
        return 0
    count = workers.worker_count(len(todo))
    if count < 2:
        return 0
    started = time.perf_counter()
    shares = parallel.run_forked(count, lambda index: _read_share(readers, todo[index::count]))
    done = 0
    for share in shares:
        if isinstance(share, parallel.Failure):
            continue  # Pelican reads these files itself and reports what went wrong
        for path, data in share:
            readers.cache_data(path, data)
            done += 1
    print(f"Inhalte: {done} von {len(todo)} Dateien in {count} Prozessen gelesen "
          f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return done


def _read_share(readers: Any, paths: list[str]) -> list[tuple[str, Any]]:
    """In a child: the clean reads of ``paths`` (see the module's docstring)."""
    problems = reader.problems_of(readers.settings)
    found = []
    with _watched() as noticed:
        for path in paths:
            errors, uncacheable = len(problems.errors), len(problems.uncacheable)
            noticed.clear()
            try:
                content, metadata = readers.readers[file_suffix(path)].read(path)
                metadata = _filter_discardable_metadata(metadata)
            except Exception:  # Pelican reads it again and reports it
                continue
            if (noticed or len(problems.errors) != errors
                    or len(problems.uncacheable) != uncacheable):
                continue
            found.append((path, (content, metadata)))
    return found


@contextlib.contextmanager
def _watched() -> Iterator[list[str]]:
    """Output, log records from WARNING up and shown Python warnings are noted (and kept from
    the terminal: the build process shows them when it reads the file again)."""
    noticed: list[str] = []

    class Note(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            noticed.append(record.getMessage())

    class Output(io.StringIO):
        def write(self, text: str) -> int:
            if text:
                noticed.append(text)
            return len(text)

    root = logging.getLogger()
    saved = root.handlers[:], FatalLogger.fatal_lvl, warnings.showwarning
    root.handlers = [Note(logging.WARNING)]
    FatalLogger.fatal_lvl = logging.WARNING  # a warning also ends that file's read

    def shown(message: Any, *_args: Any, **_kwargs: Any) -> None:
        noticed.append(str(message))

    warnings.showwarning = shown
    try:
        with contextlib.redirect_stdout(Output()), contextlib.redirect_stderr(Output()):
            yield noticed
    finally:
        root.handlers, FatalLogger.fatal_lvl, warnings.showwarning = saved
