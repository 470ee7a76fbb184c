"""The site's content model, free of Pelican: the rules of every kind of content file.

Front matter and the one error type come from :mod:`content_core`; every problem is a
:class:`content_core.ContentError` that renders as ``path:line: what is wrong (expected)``.
"""

from content_model.schema import KINDS, kind_for_path, validate

__all__ = [
    "KINDS",
    "kind_for_path",
    "validate",
]
