"""``python -m site_build.run <pelican arguments>``: Pelican's command line, with a German
status line instead of "Generating...", and one German sentence instead of a traceback.

An error that a content check did not catch names the file the build was working on
(``site_build.working``), keeps the last good site (tasks.build_site removes the temporary
folder) and writes the traceback to ``cache/build-fehler.txt`` for developers.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from site_build import working

ROOT = Path(__file__).resolve().parents[2]
ERROR_LOG = ROOT / "cache" / "build-fehler.txt"


def explain(exc: BaseException, where: str | None) -> str:
    """The one sentence for an editor (German)."""
    place = f"bei {where}" if where else "an einer unbekannten Stelle"
    if isinstance(exc, RuntimeError) and str(exc) == "Warning or error encountered":
        return (f"Build abgebrochen {place}: wegen der Warnung oben (Warnungen von Pelican, "
                "WeasyPrint und den Plugins halten den Build an).")
    kind = getattr(exc, "kind", None) or type(exc).__name__  # a child's error: its own type
    return (f"Build abgebrochen {place}: unerwarteter Fehler ({kind}). Bitte "
            "diese Datei prüfen; bleibt der Fehler, den Text aus "
            f"{_shown(ERROR_LOG)} an die Technik schicken.")


def _shown(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _log_traceback(exc: BaseException) -> None:
    try:
        ERROR_LOG.parent.mkdir(parents=True, exist_ok=True)
        details = getattr(exc, "details", "")  # the traceback in a forked child
        ERROR_LOG.write_text("".join(traceback.format_exception(exc)) + details,
                             encoding="utf-8")
    except OSError:
        pass


def main(argv: list[str] | None = None) -> int:
    from pelican import LOG_HANDLERS, get_instance, parse_arguments
    from pelican.log import console
    from pelican.log import init as init_logging

    args = parse_arguments(argv)
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican",
                 handler=LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    try:
        pelican, _settings = get_instance(args)
        # A plain line, no animated status: its drawing thread must not hold the console's
        # lock when pages are rendered in forked processes (site_build.parallel).
        console.print("Website wird gebaut …", highlight=False)
        pelican.run()
    except KeyboardInterrupt:
        print("Build abgebrochen (Strg+C).", file=sys.stderr)
        return 130
    except working.Stop as stop:
        print(str(stop), file=sys.stderr)
        return 1
    except Exception as exc:  # the editor gets one sentence, not a traceback
        _log_traceback(exc)
        print(explain(exc, working.current()), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
