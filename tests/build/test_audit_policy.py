"""The CI audit step's policy (.ci/audit.py): a known vulnerability fails, a registry that
cannot answer is reported loudly and does not fail (issue 13, supply chain)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_pip_audit(monkeypatch: pytest.MonkeyPatch, audit: ModuleType,
                    report: dict[str, Any] | None) -> list[list[str]]:
    calls: list[list[str]] = []

    def run(args: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        if report is not None:
            Path(args[args.index("-o") + 1]).write_text(json.dumps(report), encoding="utf-8")
        return subprocess.CompletedProcess(args, 1, "", "network is unreachable")

    monkeypatch.setattr(audit.subprocess, "run", run)
    return calls


def test_known_vulnerability_fails(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    audit = _audit()
    calls = _fake_pip_audit(monkeypatch, audit, {"dependencies": [
        {"name": "jinja2", "version": "3.1.6", "vulns": [
            {"id": "GHSA-test-0001", "fix_versions": ["3.1.7"]}]},
        {"name": "pyyaml", "version": "6.0.3", "vulns": []}]})
    assert audit.pip_audit() is False
    out = capsys.readouterr().out
    assert "VULNERABLE: jinja2 3.1.6: GHSA-test-0001 (fixed in: 3.1.7)" in out
    assert "--require-hashes" in calls[0] and str(ROOT / "requirements-dev.txt") in calls[0]


def test_unreachable_service_is_loud_and_passes(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    audit = _audit()
    _fake_pip_audit(monkeypatch, audit, None)
    assert audit.pip_audit() is True
    assert "!!! PIP-AUDIT NOT RUN" in capsys.readouterr().out

    _fake_pip_audit(monkeypatch, audit, {"dependencies": [
        {"name": "jinja2", "version": "3.1.6", "skip_reason": "Dependency not found on PyPI"}]})
    assert audit.pip_audit() is True
    assert "!!! PIP-AUDIT INCOMPLETE: 1 of 1 packages could not be checked" in \
        capsys.readouterr().out
