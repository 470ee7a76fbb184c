"""The build's one writer: Pelican's pages and feeds, and every file we write beside them.

Feeds need absolute links while pages link root-relative (SITEURL is empty on purpose). Every
file of the build is claimed in one record (:mod:`site_build.written`), so that two outputs
claiming the same path stop the build with both named, and the sitemap lists the pages that
were really written.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import Writer

from site_build import parallel, reuse, workers, working
from site_build.written import WrittenFiles

ROOT = Path(__file__).resolve().parents[2]


class AbsoluteFeedWriter(Writer):
    """Writes feeds with SITE_BASE_URL as their site URL; everything else as Pelican does, and
    records what it wrote. Our own files go through :meth:`write_bytes` or :meth:`claim`."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.written = WrittenFiles(Path(output_path))
        self._new: list[str] = []  # files Pelican wrote for the first time, in order
        settings = settings or {}
        self.reuse = reuse.from_environment(
            [ROOT / "pelican.conf.py", ROOT / "requirements.txt", ROOT / "plugins",
             Path(settings.get("THEME", ROOT / "theme"))])
        # Pages to render in parallel (site_build.parallel) when the build asks for it: they
        # are collected until :meth:`flush` (the sitemap's generator, after every page).
        self._parallel = bool(settings.get("RENDER_IN_PARALLEL")) and parallel.can_fork()
        self._jobs: list[_Job] = []
        self._queued: set[str] = set()

    def claim(self, path: str | Path, producer: str) -> Path:
        """Reserve an output path (relative to the output folder) for a file that ``producer``
        writes itself (e.g. an image); the absolute target."""
        return self.written.claim(path, producer)

    def write_bytes(self, path: str | Path, data: bytes, producer: str) -> Path:
        return self.written.write_bytes(path, data, producer)

    def write_all(self, files: Iterable[tuple[str, bytes]], producer: str) -> None:
        """(output-relative path, bytes) pairs, all made by ``producer``."""
        self.written.write_all(files, producer)

    def write_feed(self, elements: Any, context: dict[str, Any], path: str | None = None,
                   *args: Any, **kwargs: Any) -> Any:
        before = len(self._new)
        feed = super().write_feed(elements, {**context, "SITEURL": context["SITE_BASE_URL"]},
                                  path, *args, **kwargs)
        self._record(before, f"Feed {path}")
        return feed

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any,
                   **kwargs: Any) -> Any:
        """Remembers the page being written (its source file when it has one); takes the page
        over from the last build when nothing it is made from changed (site_build.reuse)."""
        document = kwargs.get("article") or kwargs.get("page")
        source = getattr(document, "source_path", None)
        producer = _producer(source, context, template)
        working.mark(producer if source else name)
        listed = in_sitemap(name, document)
        key = None
        if self.reuse is not None and name:
            key = self._key(name, template, context, {"args": args, **kwargs})
        if key is not None:
            if self._take_over(name, key, producer, listed,
                               override=bool(kwargs.get("override_output"))):
                return None
        if self._defer(name):
            self._jobs.append(_Job(name, template, context, args, kwargs, key, producer, listed,
                                   working.current()))
            return None
        before = len(self._new)
        result = super().write_file(name, template, context, *args, **kwargs)
        written = self._record(before, producer)
        for path in written:
            if path.endswith(".html"):
                self.written.page(path, listed=listed)
        if key is not None:
            self.reuse.rendered += 1
            self.reuse.record(name, key, [self.written.relative(p) for p in written])
        return result

    def _key(self, name: str, template: Any, context: dict[str, Any],
             values: dict[str, Any]) -> str | None:
        """The page's render digest; a value the digest cannot handle ends reuse for this
        build (every page is rendered, as without a manifest), it never stops the build."""
        assert self.reuse is not None
        try:
            return self.reuse.key(name, getattr(template, "name", str(template)), context,
                                  values)
        except Exception as exc:  # a cache must not break the build
            print(f"Hinweis (Technik): Seiten werden diesmal alle neu gebaut, der Vergleich "
                  f"mit dem letzten Build scheiterte bei {name}: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            self.reuse = None
            return None

    def _take_over(self, name: str, key: str, producer: str, listed: bool, *,
                   override: bool) -> bool:
        """Link the live files of page ``name`` into this build when they are current (and
        book them as Pelican's ``_open_w`` would have)."""
        assert self.reuse is not None
        found = self.reuse.reusable(name, key)
        if found is None:
            return False
        relative = [path.relative_to(self.reuse.live).as_posix() for path in found]
        for source, path in zip(found, relative, strict=True):
            target = self.written.claim(path, producer)
            self.reuse.take_over(source, target)
            full = sanitised_join(self.output_path, path)
            self._written_files.add(full)
            if override:
                self._overridden_files.add(full)
            if path.endswith(".html"):
                self.written.page(path, listed=listed)
        self.reuse.reused += 1
        self.reuse.record(name, key, relative)
        return True

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Pelican opens every file it writes here (a second write of one file with
        ``override_output`` is Pelican's own business, not a clash)."""
        if filename not in self._written_files:
            self._new.append(filename)
        elif filename not in self._overridden_files and os.path.exists(filename):
            os.unlink(filename)  # never write into a file linked from the live site
        return super()._open_w(filename, encoding, override)

    def _defer(self, name: str) -> bool:
        """Collect the page for :meth:`flush` (parallel rendering is on, and no page before it
        claimed its name: a second write of one path keeps Pelican's order, in this process)."""
        if not self._parallel or not name:
            return False
        if name in self._queued or sanitised_join(self.output_path, name) in self._written_files:
            self.flush()
            return False
        self._queued.add(name)
        return True

    def flush(self) -> None:
        """Render the collected pages, shared among forked processes (``MIA_WORKERS``, else
        the CPUs), and book what they wrote as if this process had written it."""
        jobs, self._jobs, self._queued = self._jobs, [], set()
        if not jobs:
            return
        count = workers.worker_count(max(1, len(jobs) // parallel.MIN_JOBS), "MIA_RENDER_WORKERS")
        if count == 1:
            done = [(index, self._render(job)) for index, job in enumerate(jobs)]
        else:
            def share(part: int) -> list[tuple[int, list[str]]]:
                return [(index, self._render(job)) for index, job in enumerate(jobs)
                        if index % count == part]

            done = []
            for result in parallel.run_forked(count, share):
                if isinstance(result, parallel.Failure):
                    result.raise_again()
                done.extend(result)
            done.sort()
        for index, written in done:
            self._book(jobs[index], written)

    def _render(self, job: _Job) -> list[str]:
        """Pelican's rendering of one collected page; the files it wrote (absolute)."""
        if job.where:
            working.mark(job.where)
        before = len(self._new)
        Writer.write_file(self, job.name, job.template, job.context, *job.args, **job.kwargs)
        return self._new[before:]

    def _book(self, job: _Job, written: list[str]) -> None:
        for path in written:
            if path not in self._written_files:
                self._new.append(path)
                self._written_files.add(path)
            if job.kwargs.get("override_output"):
                self._overridden_files.add(path)
            self.written.claim(path, job.producer)
            if path.endswith(".html"):
                self.written.page(path, listed=job.listed)
        if job.key is not None and self.reuse is not None:
            self.reuse.rendered += 1
            self.reuse.record(job.name, job.key, [self.written.relative(p) for p in written])

    def finish(self) -> None:
        """After the last page: render what is still collected, save the render manifest
        (site_build.reuse) and say how many pages were taken over from the last build."""
        self.flush()
        self._parallel = False
        if self.reuse is None:
            return
        self.reuse.save(self.written.output)
        total = self.reuse.reused + self.reuse.rendered
        print(f"Seiten: {self.reuse.rendered} neu gebaut, {self.reuse.reused} aus dem letzten "
              f"Build übernommen (von {total}).", file=sys.stderr)

    def _record(self, before: int, producer: str) -> list[str]:
        """Claim the files Pelican wrote since ``before`` (pagination writes several)."""
        new = self._new[before:]
        for path in new:
            self.written.claim(path, producer)
        return new


@dataclass(frozen=True)
class _Job:
    """A page collected for parallel rendering: Pelican's ``write_file`` arguments and what
    the writer books for it afterwards."""

    name: str
    template: Any
    context: dict[str, Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    key: str | None
    producer: str
    listed: bool
    where: str | None


def in_sitemap(name: str, document: Any) -> bool:
    """The sitemap's rule (design.md §7): every page but the 404 pages, a language's fallback
    copy of a German page and rejected drafts."""
    if Path(name).name == "404.html":
        return False
    return not (getattr(document, "fallback", False)
                or getattr(document, "kind", "") == "rejected")


def _producer(source: str | None, context: dict[str, Any], template: Any) -> str:
    if source:
        return _shown(source, context)
    return f"Vorlage {getattr(template, 'name', template)}"


def _shown(source: str, context: dict[str, Any]) -> str:
    """``content/…`` for a file in the content folder (no file system call for the usual
    case: Pelican names sources by their path in the resolved content folder)."""
    try:
        folder = _resolved(context["PATH"])
    except KeyError:
        return source
    prefix = str(folder) + os.sep
    if source.startswith(prefix):
        return "content/" + Path(source[len(prefix):]).as_posix()
    try:
        return "content/" + Path(source).resolve().relative_to(folder).as_posix()
    except ValueError:
        return source


@functools.lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


def get_writer(_pelican: object) -> type[Writer]:
    return AbsoluteFeedWriter
