"""The poster generator: renders in ``generate_context`` (so that the year pages, written later,
can give each PDF's size) and writes the PDFs in ``generate_output``.

``MIA_POSTERS=0`` skips the posters (fast previews); cache misses are rendered in as many
processes as there are CPUs (``MIA_POSTER_WORKERS``, else ``MIA_WORKERS``, overrides it). Only posters whose
data, templates or translations changed are rendered (``cache/posters/``), with a German
progress bar; without Pango the build stops with the install commands (``available``).
Posters set by another clone of this user are taken from the shared cache folder
(``inka_poster.cache.shared_folder``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from inka_poster.available import MISSING, weasyprint_problem
from inka_poster.cache import PosterCache, shared_folder
from inka_poster.data import KINDS, PosterData, poster_data, poster_path
from inka_poster.render import Rendered, poster_key, render, render_html
from mia_site import catalogs
from site_build import working
from site_build.workers import worker_count

#: Pages per poster (design: A1 one sheet, A4 one month per page).
PAGES = {"a1": 1, "a4": 12}

log = logging.getLogger(__name__)


def enabled() -> bool:
    return os.environ.get("MIA_POSTERS", "1").strip() != "0"


def repo_root(settings: dict[str, Any]) -> Path:
    return Path(settings["THEME"]).resolve().parent


def cache_folder(settings: dict[str, Any]) -> Path:
    """``cache/posters/`` at the repository root (git-ignored); MIA_POSTER_CACHE overrides."""
    override = os.environ.get("MIA_POSTER_CACHE")
    return Path(override) if override else repo_root(settings) / "cache" / "posters"


def workers(jobs: int) -> int:
    return worker_count(jobs, "MIA_POSTER_WORKERS")


@dataclass
class Job:
    year: int
    lang: str
    kind: str
    data: PosterData
    html: str
    key: str
    pdf: bytes | None = None

    @property
    def path(self) -> str:
        return poster_path(self.year, self.lang, self.kind)


class PosterFailed(working.Stop):
    """Rendering one poster failed (in this process or in a worker): the build stops with one
    German sentence naming the poster and the cause."""

    def __init__(self, path: str, cause: BaseException) -> None:
        super().__init__(f"Build abgebrochen: das Plakat {path} konnte nicht gesetzt werden "
                         f"({type(cause).__name__}: {cause}).")
        self.path = path


def render_all(posters: Sequence[tuple[str, str, int | None]], processes: int,
               done: Callable[[int, Rendered], None] = lambda _index, _rendered: None,
               ) -> list[Rendered]:
    """Render (path, HTML, sheets it must fit or None) in this process, or in a pool of ``processes`` (spawned: no
    fork of a process that has Pango loaded). ``done(index, rendered)`` is called as each
    poster is finished, in the order they finish (progress, cache). A failure names its
    poster (:class:`PosterFailed`); posters not started yet are cancelled."""
    results: list[Rendered | None] = [None] * len(posters)

    def finished(index: int, get: Callable[[], Rendered]) -> None:
        results[index] = rendered = _result(posters[index][0], get)
        done(index, rendered)

    if processes <= 1:
        for index, (_path, html, pages) in enumerate(posters):
            finished(index, lambda html=html, pages=pages: render(html, pages))
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            futures = {pool.submit(render, html, pages): index
                       for index, (_path, html, pages) in enumerate(posters)}
            try:
                for future in as_completed(futures):
                    finished(futures[future], future.result)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    return [r for r in results if r is not None]


def _result(path: str, get: Callable[[], Rendered]) -> Rendered:
    working.mark(f"dem Plakat {path}")
    try:
        return get()
    except Exception as exc:
        raise PosterFailed(path, exc) from exc


@contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """A German progress bar on Pelican's console (rich), one step per poster."""
    from pelican.log import console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("Plakate (PDF) werden gesetzt"), BarColumn(), MofNCompleteColumn(),
               TextColumn("vergangen"), TimeElapsedColumn(), TextColumn("noch etwa"),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("plakate", total=total)
        yield lambda: bar.advance(task)


class PosterGenerator(Generator):
    """Print-ready PDFs of the INKA year calendar: every INKA year × language × (A1, A4)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jobs: list[Job] = []

    def generate_context(self) -> None:
        self.context["inka_posters"] = {}
        calendar = self.context.get("inka")
        if calendar is None or not calendar.holidays:
            return
        if not enabled():
            print("HINWEIS: MIA_POSTERS=0 – keine Plakate (PDF) gebaut.", file=sys.stderr)
            return
        if weasyprint_problem() is not None:
            raise working.Stop(MISSING)
        settings = self.settings
        root = repo_root(settings)
        poster_dir = Path(settings["THEME"]) / "poster"
        cache = PosterCache(cache_folder(settings), shared_folder())
        started = time.perf_counter()
        for year in settings["INKA_YEARS"]:
            for lang in settings["LANGUAGES"]:
                data = poster_data(year, lang, calendar.occurrences, settings["SITE_BASE_URL"])
                translations = catalogs.translations(root, lang)
                for kind in KINDS:
                    html = render_html(data, kind, poster_dir, translations)
                    key = poster_key(data, kind, html, poster_dir)
                    self.jobs.append(Job(year, lang, kind, data, html, key, cache.get(key)))
        missing = [job for job in self.jobs if job.pdf is None]
        working.mark("den Plakaten (theme/poster/, Feiertage in content/inka/)")
        processes = workers(len(missing))
        with progress(len(missing)) as step:

            def finished(index: int, done: Rendered) -> None:
                """Kept at once, so that an interrupted first build keeps what it made."""
                job = missing[index]
                job.pdf = done.pdf
                if self._check(job, done):  # a faulty poster is not cached: every build says so
                    cache.put(job.key, done.pdf)
                step()

            if missing:
                render_all([(j.path, j.html, PAGES[j.kind]) for j in missing], processes,
                           finished)
        cache.prune()
        for job in self.jobs:
            assert job.pdf is not None
            self.context["inka_posters"].setdefault((job.year, job.lang), {})[job.kind] = (
                job.path, len(job.pdf))
        used = f", {processes} Prozess{'e' if processes > 1 else ''}" if missing else ""
        shared = (f", {cache.from_shared} aus dem gemeinsamen Zwischenspeicher {cache.shared}"
                  if cache.from_shared else "")
        print(f"Plakate: {len(self.jobs)} PDF, davon {len(missing)} neu gerendert "
              f"({time.perf_counter() - started:.1f} s{used}){shared}", file=sys.stderr)

    def _check(self, job: Job, done: Rendered) -> bool:
        """WeasyPrint's warnings become build warnings (``--fatal warnings`` stops the build);
        a poster that no longer fits its pages is reported. True when all is well."""
        for message in done.warnings:
            log.warning("%s: WeasyPrint: %s", job.path, message)
        if done.pages != PAGES[job.kind]:
            print(f"HINWEIS: {job.path} hat {done.pages} Seiten statt {PAGES[job.kind]}: "
                  f"theme/poster/{job.kind}.css enger setzen.", file=sys.stderr)
        return not done.warnings and done.pages == PAGES[job.kind]

    def generate_output(self, writer: Any) -> None:
        for job in self.jobs:
            assert job.pdf is not None
            writer.write_bytes(job.path, job.pdf, "INKA-Plakate (PDF)")
