"""How many processes a build step may use. No Pelican import.

The machine decides (the CPUs this process may run on), and ``MIA_WORKERS`` overrides it for
every step (``MIA_WORKERS=1``: everything in the build's own process); a step may have its own
variable that wins over both (e.g. ``MIA_POSTER_WORKERS``).
"""

from __future__ import annotations

import os

from site_build.working import Stop

ENV = "MIA_WORKERS"


def available_cpus() -> int:
    """CPUs this process may use (its affinity, e.g. a container's limit), else all."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, *overrides: str) -> int:
    """Processes for ``jobs`` independent jobs: the first of ``overrides``, ``MIA_WORKERS``,
    else the available CPUs; never more than ``jobs``, at least 1."""
    for name in (*overrides, ENV):
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        if not value.isdigit() or int(value) < 1:
            raise Stop(f"{name}={value!r}: erwartet wird eine ganze Zahl ab 1 "
                       "(Anzahl der Prozesse).")
        wanted = int(value)
        break
    else:
        wanted = available_cpus()
    return max(1, min(wanted, jobs))
