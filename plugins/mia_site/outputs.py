"""Writes the files that are not pages: the events' .ics files and the news images' smaller
copies. Both are computed while reading (mia_site.context); this only puts them in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from mia_site import images


class FilesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the pages and articles generators prepared everything."""

    def generate_output(self, writer: Any) -> None:
        output = Path(self.output_path)
        for path, data in sorted(self.context.get("event_files", {}).items()):
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        images.write(self.context.get("news_images", []), output)


def get_generators(_pelican: object) -> type[Generator]:
    return FilesGenerator
