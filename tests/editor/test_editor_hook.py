"""The commit hook (.githooks/pre-commit) finds the project's .venv by itself: a commit from a
shell without an activated environment (as from a Git GUI) is checked and, with a mistake,
refused with path:line (issue 14)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from editor_support import ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None or os.name == "nt",
                       reason="needs git and a POSIX shell"),
    pytest.mark.slow,  # clones the repository; the hook checks the whole content (~15 s)
]


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Redaktion",
                           "-c", "user.email=redaktion@example.org", *args],
                          capture_output=True, text=True, check=False, env=env)


def test_commit_hook_uses_the_project_venv(tmp_path: Path) -> None:
    repo = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(repo)], check=True)
    (repo / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    # As a Git GUI starts it: no activated environment, only the system's programs.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "SOURCE_DATE_EPOCH": "1767225600"}
    assert _git(repo, "config", "core.hooksPath", ".githooks", env=env).returncode == 0
    news = repo / "content" / "news" / "2025-01-02-hook.md"
    news.write_text("---\ntitle: Hook\nslug: hook\ndate: 2025-01-02\nlang: de\n"
                    "summary: Ein Test.\n---\nSiehe [Kontakt](/kontak/).\n", encoding="utf-8")
    _git(repo, "add", str(news), env=env)
    refused = _git(repo, "commit", "-qm", "Neue Meldung", env=env)
    assert refused.returncode != 0
    assert ("content/news/2025-01-02-hook.md:8: Link auf '/kontak/' führt ins Leere "
            "(meinten Sie /kontakt/?)") in refused.stdout + refused.stderr
    assert "Commit abgelehnt" in refused.stderr

    news.write_text(news.read_text(encoding="utf-8").replace("/kontak/", "/kontakt/"),
                    encoding="utf-8")
    _git(repo, "add", str(news), env=env)
    accepted = _git(repo, "commit", "-qm", "Neue Meldung", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "0 Fehler" in accepted.stderr


def test_commit_hook_without_venv_says_what_to_do(tmp_path: Path) -> None:
    repo = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(repo)], check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    result = subprocess.run(["sh", ".githooks/pre-commit", "--always"], cwd=repo, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "der Ordner .venv fehlt. Einmal im Projektordner 'make venv' ausführen" in \
        result.stderr
