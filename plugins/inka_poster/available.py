"""Can this machine set posters? WeasyPrint needs Pango (and HarfBuzz) from the operating system.

``weasyprint_problem()`` imports WeasyPrint quietly (its own English hint on stdout is
swallowed) and returns None, or the first line of the error. ``MISSING`` is what an editor
reads instead: what is missing, the one-line install command per system, and how to build
without posters. Importing this module loads neither WeasyPrint nor Pelican.
"""

from __future__ import annotations

import contextlib
import io

INSTALL = (
    ("Debian/Ubuntu", "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 "
                      "libharfbuzz-subset0 fonts-dejavu-core"),
    ("Fedora", "sudo dnf install -y pango harfbuzz dejavu-sans-fonts"),
    ("macOS (Homebrew)", "brew install pango && brew install --cask font-dejavu"),
    ("Windows", "winget install -e --id MSYS2.MSYS2, dann in „MSYS2 UCRT64“: "
                "pacman -S --noconfirm mingw-w64-ucrt-x86_64-pango"),
)

MISSING = (
    "Die Plakate (PDF) brauchen die Bibliothek Pango, die auf diesem Rechner fehlt. "
    "Einmal installieren:\n"
    + "".join(f"  {system}: {command}\n" for system, command in INSTALL)
    + "Die Vorschau (make serve) geht auch ohne; eine Website ohne Plakate baut "
      "MIA_POSTERS=0 make build (nicht zum Veröffentlichen)."
)


def weasyprint_problem() -> str | None:
    """None when WeasyPrint (with Pango) loads, else the first line of why not."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import weasyprint  # noqa: F401
    except (OSError, ImportError) as exc:
        return (str(exc).splitlines() or [type(exc).__name__])[0]
    return None
