"""The record of every file one build writes (issue 16). No Pelican import.

Pelican's writer refuses to write one of its own files twice, but the files we write beside it
(calendar feeds and open data, event .ics files, news image copies, posters) would silently
overwrite a page or each other. Every output therefore claims its path here first, naming what
produces it: a second claim on the same path stops the build with a German sentence naming both.
The record also keeps the HTML pages that were written, and the sitemap is made from them
(:func:`sitemap_groups`) instead of from a hand-kept list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from site_build.working import Stop


class OutputClash(Stop):
    """Two outputs of one build claim the same file."""

    def __init__(self, path: str, first: str, second: str) -> None:
        self.path, self.first, self.second = path, first, second
        super().__init__(
            f"Build abgebrochen: zwei Ausgaben wollen dieselbe Datei {path} schreiben: "
            f"zuerst {first}, dann {second}. Eine von beiden braucht einen anderen Pfad "
            "(slug, save_as oder Dateiname).")


@dataclass(frozen=True)
class Page:
    """A written HTML page: its output path (``en/themen/x/index.html``) and whether it
    belongs in the sitemap (not a 404 page, not a language's fallback copy of German text)."""

    path: str
    listed: bool

    @property
    def url(self) -> str:
        """Root-relative URL without the leading slash: ``en/themen/x/``."""
        return self.path.removesuffix("index.html")


class WrittenFiles:
    """Paths (relative to the output folder, ``/``-separated) → what produced them."""

    def __init__(self, output: Path) -> None:
        self.output = Path(output).resolve()
        self._prefix = f"{self.output}/"  # Pelican's writer names files by absolute path
        self.producers: dict[str, str] = {}
        self.pages: list[Page] = []

    def relative(self, path: str | Path) -> str:
        """``path`` (absolute inside the output, or output-relative) as an output-relative
        POSIX path; ``..`` may not leave the output folder."""
        inside = str(path).removeprefix(self._prefix)
        if not inside.startswith("/") and "\\" not in inside:
            parts = inside.split("/")
            if ".." not in parts and "." not in parts and "" not in parts:
                return inside  # plain and inside (the common case: no file system call)
        full = Path(path) if Path(path).is_absolute() else self.output / path
        try:
            return full.resolve().relative_to(self.output).as_posix()
        except ValueError:
            raise Stop(f"Build abgebrochen: {path} liegt außerhalb des Ausgabeordners "
                       f"{self.output}.") from None

    def claim(self, path: str | Path, producer: str) -> Path:
        """Reserve ``path`` for ``producer``; the absolute target. A path claimed before (by
        any producer, the same one too) raises :class:`OutputClash`."""
        shown = self.relative(path)
        first = self.producers.get(shown)
        if first is not None:
            raise OutputClash(shown, first, producer)
        self.producers[shown] = producer
        return self.output / shown

    def write_bytes(self, path: str | Path, data: bytes, producer: str) -> Path:
        target = self.claim(path, producer)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    def write_all(self, files: Iterable[tuple[str, bytes]], producer: str) -> None:
        for path, data in sorted(files):
            self.write_bytes(path, data, producer)

    def page(self, path: str | Path, *, listed: bool) -> None:
        """Note a written HTML page (claimed already) for the sitemap."""
        self.pages.append(Page(self.relative(path), listed))


def page_language(url: str, languages: Sequence[str], default: str) -> tuple[str, str]:
    """(language, URL without the language prefix) of a root-relative URL."""
    first, _, rest = url.partition("/")
    if first in languages and first != default:
        return first, rest
    return default, url


def sitemap_groups(pages: Iterable[Page], languages: Sequence[str],
                   default: str) -> list[list[tuple[str, str]]]:
    """The listed pages grouped with their other-language versions (the same URL under another
    language prefix), each group as [(language, URL)] in ``languages`` order, the groups in the
    order of their German (else first) URL. A group of one has no hreflang alternates."""
    order = {lang: i for i, lang in enumerate(languages)}
    groups: dict[str, list[tuple[str, str]]] = {}
    for page in pages:
        if not page.listed or PurePosixPath(page.path).suffix != ".html":
            continue
        lang, plain = page_language(page.url, languages, default)
        groups.setdefault(plain, []).append((lang, page.url))
    return [sorted(group, key=lambda item: order.get(item[0], len(order)))
            for _plain, group in sorted(groups.items())]
