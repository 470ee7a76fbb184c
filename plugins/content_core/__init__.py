"""The bottom of the content packages: the front-matter parser and the one content error type.

Imports only the standard library and PyYAML. Both the holiday engine (``inka_engine``) and the
content model (``content_model``) build on it; it imports neither of them, nor Pelican
(tests/test_import_layers.py)."""

from content_core.errors import ContentError, ContentErrors, as_shown, shown_path
from content_core.frontmatter import FrontMatter, parse_front_matter, read_front_matter
from content_core.problems import Problems

__all__ = ["ContentError", "ContentErrors", "FrontMatter", "Problems", "as_shown", "parse_front_matter",
           "read_front_matter", "shown_path"]
