"""The sitemap, made from the pages this build really wrote (design.md §7, issue 16).

The generator runs after every other generator that writes pages (:func:`connect_last`), takes
the HTML pages the writer recorded (``AbsoluteFeedWriter.written``) and lists those that belong
in a sitemap, each with its other-language versions as hreflang alternates. Pelican's static
files are claimed in the same record first, so that a static file with the path of a written
page or feed stops the build instead of silently replacing it.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from site_build.written import sitemap_groups
from site_core import urls


class SitemapGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the pages are known once they are written."""

    def generate_output(self, writer: Any) -> None:
        writer.flush()  # the pages collected for parallel rendering are written now
        for static in self.context.get("staticfiles", []):
            writer.claim(static.save_as, f"statische Datei content/{static.relative_source_path}")
        settings = self.settings
        groups = sitemap_groups(writer.written.pages, settings["LANGUAGES"],
                                settings["DEFAULT_LANG"])
        writer.write_file(urls.SITEMAP, self.get_template("sitemap"), self.context,
                          sitemap_groups=groups, page_lang=settings["DEFAULT_LANG"])
        writer.finish()  # the last page is written: the render manifest can be saved


def get_generators(_pelican: object) -> type[Generator]:
    return SitemapGenerator


def connect_last(_pelican: object) -> None:
    """``initialized``: every plugin has registered its generators by now, so this one comes
    after them (Pelican runs them in the order they were connected; only its StaticGenerator,
    which writes no pages, is always last)."""
    signals.get_generators.connect(get_generators)
