"""The W3C Nu checker (vnu-jar from npm, run with system Java) finds no error in any HTML page
or stylesheet of the build (design.md §9)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest


def run_vnu(java: str, vnu_jar: Path, target: Path) -> tuple[int, list[dict[str, Any]], str]:
    args = [
        java,
        "-Xss8m",
        "-jar",
        str(vnu_jar),
        "--skip-non-html",
        "--errors-only",
        "--format",
        "json",
        "--also-check-css",
        str(target),
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600, check=False)
    raw = proc.stderr.strip() or proc.stdout.strip()
    # vnu writes its JSON report to stderr; anything else there is the JVM complaining.
    start = raw.find("{")
    try:
        messages = json.loads(raw[start:])["messages"] if start >= 0 else []
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu did not produce a JSON report (exit {proc.returncode}):\n{raw[:4000]}",
            pytrace=False,
        )
    return proc.returncode, messages, raw


def _format(site_dir: Path, message: dict[str, Any]) -> str:
    url = str(message.get("url", ""))
    if url.startswith("file:"):
        url = url[len("file:") :]
        try:
            url = "/" + Path(url).resolve().relative_to(site_dir.resolve()).as_posix()
        except ValueError:
            pass
    line = message.get("lastLine") or message.get("firstLine") or "?"
    extract = " ".join(str(message.get("extract", "")).split())[:160]
    return f"{url}:{line}: {message.get('type')}: {message.get('message')}\n    {extract}"


def test_vnu_reports_no_errors(site_dir: Path, java: str, vnu_jar: Path) -> None:
    code, messages, raw = run_vnu(java, vnu_jar, site_dir)
    pages = len(list(site_dir.rglob("*.html"))) + len(list(site_dir.rglob("*.css")))
    errors = [
        m
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]
    print(f"\nvnu: {pages} HTML/CSS files checked, {len(errors)} errors")
    if errors:
        pytest.fail(
            f"vnu: {len(errors)} error(s) in {pages} files:\n"
            + "\n".join(_format(site_dir, m) for m in errors),
            pytrace=False,
        )
    assert code == 0, f"vnu exited {code} without reporting errors:\n{raw[:4000]}"


def test_vnu_catches_an_invalid_page(tmp_path: Path, java: str, vnu_jar: Path) -> None:
    """The gate itself works: an invalid page and an invalid stylesheet are reported."""
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><title>t</title><ul><div>x</div></ul></html>',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text("a { colr: red }", encoding="utf-8")
    code, messages, _raw = run_vnu(java, vnu_jar, tmp_path)
    texts = " | ".join(str(m.get("message")) for m in messages)
    assert code != 0
    assert "div" in texts and "colr" in texts, texts
