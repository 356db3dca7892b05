"""Before and after: this checkout's builds against another checkout's (an earlier commit,
in a git worktree), interleaved round by round, so that both meet the machine as it is.

On the shared two-core machine a build of N = 1,000 varies by a fifth from one minute to
the next, and a whole evening can run two or three times slower than a morning: figures
from two evenings cannot tell a slower build from a slower machine. Interleaved, every
round builds each side's bare, ours and one-core builds in turn; each side's ratios are
its own builds against its own bare build, from the medians of the counted rounds.

    .venv/bin/python bench/benchmark.py --against /tmp/before --sizes 1000 --rounds 5

``/tmp/before`` is a checkout of the earlier commit (``git worktree add /tmp/before COMMIT``)
whose own bench/benchmark.py generates its site and runs its builds, with this checkout's
virtual environment (the pinned packages are the same).
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable

Build = Callable[[], tuple[float, float]]  # one build: (wall seconds, CPU seconds)
KINDS = ("bare", "ours", "ours_one_core")


def interleaved(sides: dict[str, dict[str, Build]], rounds: int, warm_up: int = 1) -> dict[str, dict[str, list]]:
    """Each side's (wall, CPU) per kind of build, over ``rounds`` rounds after ``warm_up``
    uncounted ones (the first build of a site draws its pictures and compiles its templates,
    which an editor's next build finds done). A round runs every build of every side in turn."""
    runs = {side: {kind: [] for kind in builds} for side, builds in sides.items()}
    for number in range(warm_up + rounds):
        for side, builds in sides.items():
            for kind, build in builds.items():
                figures = build()
                if number >= warm_up:
                    runs[side][kind].append(figures)
    return runs


def ratios(runs: dict[str, list[tuple[float, float]]]) -> dict[str, float]:
    """One side's medians and ratios: ours and one core against bare (wall), and ours against bare (CPU)."""
    wall = {kind: statistics.median(seconds for seconds, _ in figures) for kind, figures in runs.items()}
    cpu = {kind: statistics.median(cpu for _, cpu in figures) for kind, figures in runs.items()}
    return {"bare_seconds": round(wall["bare"], 3), "ours_seconds": round(wall["ours"], 3),
            "ours_one_core_seconds": round(wall["ours_one_core"], 3),
            "ratio": round(wall["ours"] / wall["bare"], 3),
            "one_core_ratio": round(wall["ours_one_core"] / wall["bare"], 3),
            "cpu_ratio": round(cpu["ours"] / cpu["bare"], 3)}


def benchmark_of(checkout: Path) -> ModuleType:
    """The other checkout's bench/benchmark.py, as a module of its own (with its bench/ to import from)."""
    script = checkout / "bench" / "benchmark.py"
    if not script.is_file():
        raise SystemExit(f"{checkout} has no bench/benchmark.py: give the folder of a checkout of this repository")
    sys.path.insert(0, str(script.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"benchmark_at_{abs(hash(checkout))}", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(script.parent))
    return module
