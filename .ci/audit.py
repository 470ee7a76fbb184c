"""Known vulnerabilities in the locked dependencies (CI step, README "Supply chain").

- pip-audit over requirements-dev.txt (the runtime lock plus the development tools, all pinned
  with hashes; nothing is installed for it),
- npm audit over package-lock.json (the JavaScript test tools).

Policy: a known vulnerability FAILS the step (exit 1). Fix it by raising the pin in
requirements*.in and `make requirements` (or `npm update <package>`). Where no fixed version
exists yet and the hole does not affect us, add its ID with a reason and a review date to
.ci/audit-ignore (`ID  # why; review YYYY-MM-DD`); pip-audit then skips it.

No network, or a registry that does not answer vulnerability queries (a mirror or proxy): the
step says so LOUDLY and passes - an offline run cannot know; the next run with network will.
Run: .venv/bin/python .ci/audit.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAR = "!" * 78


def loud(message: str) -> None:
    print(f"\n{BAR}\n!!! {message}\n{BAR}\n", flush=True)


def ignored() -> list[str]:
    path = ROOT / ".ci" / "audit-ignore"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def pip_audit() -> bool:
    """True unless a known vulnerability was found."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "pip-audit.json"
        args = [sys.executable, "-m", "pip_audit", "--disable-pip", "--require-hashes",
                "--progress-spinner", "off", "-r", str(ROOT / "requirements-dev.txt"),
                "-f", "json", "-o", str(report)]
        for vuln in ignored():
            args += ["--ignore-vuln", vuln]
        result = subprocess.run(args, capture_output=True, text=True, check=False)
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loud("PIP-AUDIT NOT RUN: it could not reach a vulnerability service (no network?). "
                 f"Dependencies were NOT checked.\n{result.stderr.strip()[-800:]}")
            return True
    dependencies = data.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    found = [(d["name"], d["version"], v) for d in dependencies for v in d.get("vulns", [])]
    for name, version, vuln in found:
        fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
        print(f"VULNERABLE: {name} {version}: {vuln['id']} (fixed in: {fixes})")
    if skipped:
        loud(f"PIP-AUDIT INCOMPLETE: {len(skipped)} of {len(dependencies)} packages could not be "
             f"checked ({skipped[0]['skip_reason']}). The registry here does not answer "
             "vulnerability queries; run the audit where pypi.org is reachable.")
    checked = len(dependencies) - len(skipped)
    print(f"pip-audit: {checked} packages checked, {len(found)} known vulnerabilities.")
    return not found


def npm_audit() -> bool:
    npm = shutil.which("npm")
    if npm is None:
        loud("NPM AUDIT NOT RUN: npm is not installed.")
        return True
    result = subprocess.run([npm, "audit", "--json", "--package-lock-only"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    try:
        data = json.loads(result.stdout)
    except ValueError:
        data = {"error": {"summary": result.stderr.strip()[-400:]}}
    if "error" in data or "statusCode" in data:
        error = data["error"] if isinstance(data.get("error"), dict) else {}
        why = str(data.get("message") or error.get("summary") or error.get("code") or "")
        loud(f"NPM AUDIT NOT RUN: the registry did not answer the audit ({why[:300]}). "
             "JavaScript tools were NOT checked.")
        return True
    counts = data.get("metadata", {}).get("vulnerabilities", {})
    serious = int(counts.get("high", 0)) + int(counts.get("critical", 0))
    for name, entry in sorted(data.get("vulnerabilities", {}).items()):
        print(f"VULNERABLE (npm): {name}: {entry.get('severity')} ({entry.get('range', '')})")
    print(f"npm audit: {counts.get('total', 0)} known vulnerabilities, {serious} high or "
          "critical (these fail).")
    return serious == 0


def main() -> int:
    results = [pip_audit(), npm_audit()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
