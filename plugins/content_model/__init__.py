"""The site's content model, free of Pelican: front matter with line numbers and its rules.

Every problem is a :class:`ContentError` that renders as ``path:line: what is wrong (expected)``.
"""

from content_model.errors import ContentError, ContentErrors
from content_model.frontmatter import FrontMatter, parse_front_matter
from content_model.schema import KINDS, kind_for_path, validate

__all__ = [
    "KINDS",
    "ContentError",
    "ContentErrors",
    "FrontMatter",
    "kind_for_path",
    "parse_front_matter",
    "validate",
]
