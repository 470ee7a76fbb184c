"""The poster generator: renders in ``generate_context`` (so that the year pages, written later,
can give each PDF's size) and writes the PDFs in ``generate_output``.

``MIA_POSTERS=0`` skips the posters (fast previews); ``MIA_POSTER_WORKERS`` sets how many
processes render cache misses (default: 2, at most the number of CPUs). Only posters whose
data, templates or translations changed are rendered (``cache/posters/``), with a German
progress bar; without Pango the build stops with the install commands (``available``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from inka_poster.available import MISSING, weasyprint_problem
from inka_poster.cache import PosterCache
from inka_poster.data import KINDS, PosterData, poster_data, poster_path
from inka_poster.render import Rendered, poster_key, render, render_html
from mia_site import catalogs
from site_build import working

#: Pages per poster (design: A1 one sheet, A4 one month per page).
PAGES = {"a1": 1, "a4": 12}
WORKERS = 2

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
    wanted = int(os.environ.get("MIA_POSTER_WORKERS") or WORKERS)
    return max(1, min(wanted, os.cpu_count() or 1, jobs))


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


def render_all(htmls: Sequence[str], processes: int,
               done: Callable[[], None] = lambda: None) -> list[Rendered]:
    """Render in this process, or in a pool of ``processes`` (spawned: no fork of a process
    that has Pango loaded); ``done`` is called after each poster (progress)."""
    results: list[Rendered] = []
    if processes <= 1:
        for html in htmls:
            results.append(render(html))
            done()
        return results
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        for result in pool.map(render, htmls):
            results.append(result)
            done()
    return results


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
        cache = PosterCache(cache_folder(settings))
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
        with progress(len(missing)) as step:
            rendered = render_all([j.html for j in missing], workers(len(missing)), step) \
                if missing else []
        for job, done in zip(missing, rendered, strict=True):
            job.pdf = done.pdf
            if self._check(job, done):  # a faulty poster is not cached: every build reports it
                cache.put(job.key, done.pdf)
        cache.prune()
        for job in self.jobs:
            assert job.pdf is not None
            self.context["inka_posters"].setdefault((job.year, job.lang), {})[job.kind] = (
                job.path, len(job.pdf))
        print(f"Plakate: {len(self.jobs)} PDF, davon {len(missing)} neu gerendert "
              f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)

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
        output = Path(self.output_path)
        for job in self.jobs:
            assert job.pdf is not None
            target = output / job.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(job.pdf)
