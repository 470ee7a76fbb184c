"""The build folder's life cycle (plugins/site_build/folder.py): world-readable modes, an atomic
swap, stale temporary folders removed at the next start (issue 13)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from site_build import folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "index.html").write_text("alt", encoding="utf-8")
    (root / "a" / "b" / "x.css").write_text("x", encoding="utf-8")


def test_new_folder_is_made_world_readable_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        new = folder.new_build_folder(tmp_path / "output")
        _tree(new)
        (new / "index.html").chmod(0o600)
        (new / "a" / "b" / "x.css").chmod(0o755)  # no execute bits on published files
        assert _mode(new) == 0o700  # what tempfile.mkdtemp gives: nginx would answer 403
        folder.make_world_readable(new)
    finally:
        os.umask(old)
    assert _mode(new) == 0o755
    assert {_mode(p) for p in new.rglob("*") if p.is_dir()} == {0o755}
    assert {_mode(p) for p in new.rglob("*") if p.is_file()} == {0o644}
    assert new.name.startswith(f".output.new-{os.getpid()}-")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux only")
def test_swap_exchanges_in_one_step(tmp_path: Path) -> None:
    output, new = tmp_path / "output", tmp_path / ".output.new-1-x"
    _tree(output)
    new.mkdir()
    (new / "index.html").write_text("neu", encoding="utf-8")
    assert folder.exchange(new, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "neu"
    assert (new / "index.html").read_text(encoding="utf-8") == "alt"


def test_swap_in_replaces_output_and_leaves_nothing_behind(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _tree(output)
    inode = output.stat().st_ino
    new = folder.new_build_folder(output)
    (new / "index.html").write_text("neu", encoding="utf-8")
    folder.swap_in(new, output)
    assert output.is_dir() and not output.is_symlink()  # rsync -a output/ publishes files
    assert (output / "index.html").read_text(encoding="utf-8") == "neu"
    assert output.stat().st_ino != inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_swap_in_without_a_previous_output(tmp_path: Path) -> None:
    output = tmp_path / "site"
    new = folder.new_build_folder(output)
    folder.swap_in(new, output)
    assert output.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_stale_temporary_folders_are_removed_at_the_next_start(tmp_path: Path) -> None:
    output = tmp_path / "output"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = [tmp_path / f".output.new-{gone}-abc", tmp_path / f".output.old-{gone}-def",
            tmp_path / ".output.new-k2j3h4"]  # a build of the former naming, no process id
    running = tmp_path / f".output.new-{os.getpid()}-xyz"
    others = [tmp_path / ".preview.new-1-x", tmp_path / "output-kopie"]
    for path in [*dead, running, *others]:
        path.mkdir()
        (path / "index.html").write_text("x", encoding="utf-8")
    removed = folder.clean_stale(output)
    assert sorted(removed) == sorted(dead)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in [running, *others])


def test_temporary_folders_are_git_ignored() -> None:
    root = Path(__file__).resolve().parents[2]
    names = [".output.new-123-abc/index.html", ".output.old-123-abc/index.html",
             ".preview.new-5-x/index.html", ".preview/index.html", "output/index.html"]
    result = subprocess.run(["git", "-C", str(root), "check-ignore", "--no-index", *names],
                            capture_output=True, text=True, check=False)
    assert sorted(result.stdout.split()) == sorted(names)
