"""The site's one slugify, for pages, headings and tags: 'Gebärdensprache (DGS)' →
'gebaerdensprache-dgs', 'Sprachcafé' → 'sprachcafe', 'Çiğ köfte' → 'cig-koefte', 'Łódź' → 'lodz'.

German umlauts the German way (ä → ae), every other letter through Unidecode (a Pelican
dependency, pinned in requirements.txt), so that no letter silently disappears (Ł → L).
"""

from __future__ import annotations

import re

from unidecode import unidecode

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                         "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})


def slugify(value: str, separator: str = "-") -> str:
    """ASCII slug: lower case, words joined by ``separator``, nothing else."""
    text = unidecode(value.translate(_GERMAN)).lower()
    text = re.sub(r"[^\w\s-]", "", text, flags=re.ASCII).strip()
    return re.sub(r"[-_\s]+", separator, text).strip(separator)
