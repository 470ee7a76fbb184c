"""Refuse a build whose files are unsafe before Pelican reads or copies anything: symbolic links
in ``content/`` or ``theme/`` (Pelican follows them) and static files of types the site does not
publish (content_model.files decides)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from content_model.files import file_problems


def refuse_unsafe_files(pelican: Any) -> None:
    settings = pelican.settings
    problems = [p for p in file_problems(Path(settings["PATH"]), Path(settings["THEME"]))
                if not p.warning]
    if not problems:
        return
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} Fehler bei den Dateien: nichts wurde veröffentlicht.", file=sys.stderr)
    raise SystemExit(1)
