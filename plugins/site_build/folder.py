"""The build folder's life cycle: build beside ``output/``, make it world-readable, swap it in
atomically, and remove what an interrupted build left behind.

- A build writes into ``.output.new-<pid>-<random>`` next to ``output/``.
- Before the swap every directory becomes 0755 and every file 0644, whatever the umask and
  ``tempfile``'s 0700 (``rsync -a output/`` carries the modes to the web root; nginx must read).
- The swap exchanges the two folders in one system call where the system has one
  (Linux ``renameat2(RENAME_EXCHANGE)``, macOS ``renamex_np(RENAME_SWAP)``): ``output/`` is a
  real folder at every moment. Elsewhere (Windows) two renames, with a moment without a site.
- ``.output.new-*``/``.output.old-*`` whose build process is gone are removed at the next start.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

DIR_MODE = 0o755
FILE_MODE = 0o644
#: Windows cannot ask whether a process id is alive: there, debris older than this is stale.
STALE_AFTER_S = 12 * 3600
_AT_FDCWD = -100
_RENAME_EXCHANGE = 1 << 1  # linux/fs.h
_RENAME_SWAP = 0x2  # macOS sys/stdio.h


def _stem(output: Path) -> str:
    return "." + output.name.lstrip(".")


def temp_pattern(output: Path) -> re.Pattern[str]:
    """Names of temporary siblings of ``output``: ``.<name>.new-<pid>-…``, ``.<name>.old-…``."""
    return re.compile(rf"^{re.escape(_stem(output))}\.(new|old)-(?:(\d+)-)?")


def new_build_folder(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{_stem(output)}.new-{os.getpid()}-", dir=output.parent))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def clean_stale(output: Path) -> list[Path]:
    """Remove temporary folders of builds that no longer run; returns what was removed."""
    pattern = temp_pattern(output)
    removed: list[Path] = []
    if not output.parent.is_dir():
        return removed
    for path in output.parent.iterdir():
        match = pattern.match(path.name)
        if not match or not path.is_dir() or path.is_symlink():
            continue
        pid = int(match.group(2)) if match.group(2) else None
        if os.name == "nt" or pid is None:
            stale = pid is None or time.time() - path.stat().st_mtime > STALE_AFTER_S
        else:
            stale = not _alive(pid)
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def make_world_readable(folder: Path) -> None:
    """Directories 0755, files 0644 (symbolic links are left alone)."""
    os.chmod(folder, DIR_MODE)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, DIR_MODE)
        for name in files:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode):
                os.chmod(path, FILE_MODE)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where the system cannot (then nothing moved)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # Windows: no C library by that name
        return False
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        result = libc.renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        result = libc.renamex_np(a, b, _RENAME_SWAP)
    else:
        return False
    return result == 0  # EINVAL/ENOSYS (a file system without it): fall back


def swap_in(new: Path, output: Path) -> None:
    """Make ``new`` the ``output`` folder and remove the previous one."""
    if not output.exists() and not output.is_symlink():
        new.rename(output)
        return
    if exchange(new, output):
        shutil.rmtree(new, ignore_errors=True)  # holds the previous site now
        return
    old = Path(tempfile.mkdtemp(prefix=f"{_stem(output)}.old-{os.getpid()}-",
                                dir=output.parent))
    old.rmdir()
    output.rename(old)
    new.rename(output)
    shutil.rmtree(old, ignore_errors=True)
