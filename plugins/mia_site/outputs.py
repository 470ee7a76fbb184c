"""Writes the files that are not pages: the events' .ics files and the news images' smaller
copies. Both are computed while reading (mia_site.context); this only puts them in place."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from mia_site import images


class FilesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the pages and articles generators prepared everything."""

    def generate_output(self, writer: Any) -> None:
        """Through the writer's record (mia_site.writer): no other output may claim a path."""
        writer.write_all(self.context.get("event_files", {}).items(),
                         "Veranstaltungen (.ics-Dateien)")
        images.write(self.context.get("news_images", []), writer.claim)


def get_generators(_pelican: object) -> type[Generator]:
    return FilesGenerator
