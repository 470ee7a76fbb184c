"""Slugs the German way: 'Gebärdensprache (DGS)' → 'gebaerdensprache-dgs'."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                         "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slugify(value: str, separator: str = "-") -> str:
    """ASCII slug with German transliteration; other accents are dropped (ş → s)."""
    text = unicodedata.normalize("NFKD", value.translate(_GERMAN))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^\w\s-]", "", text).strip()
    return re.sub(r"[-_\s]+", separator, text)
