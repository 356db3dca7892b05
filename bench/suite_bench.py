"""The test suite's time, measured as the README runs it (`make test`), beside a yardstick
of the machine's speed taken just before and just after it.

The same two-core machine has measured three times slower one evening than the same
morning (the bare build of N = 1,000 posts per language: 6.2 s, then 17 to 19 s), so a
suite's seconds alone cannot say whether the suite or the machine changed. The yardstick
is benchmark.py's bare build (a) at N = 1,000: MkDocs, Material and static-i18n with none
of our code, on the same kind of work the suite does. The suite's time is given in
seconds, in yardsticks, and at the speed of bench/README.md's first table (where the
yardstick took REFERENCE_YARDSTICK_SECONDS), with the CPU the whole machine spent
(Chromium, Java and Node included: no process's own count holds them all).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from pathlib import Path

REFERENCE_YARDSTICK_SECONDS = 6.16  # bench/README.md, "Figures": bare s at N = 1,000
SUITE_GOAL_SECONDS = 180  # issue 18: the suite stays under 3 minutes on two cores
YARDSTICK_POSTS = 1000


def machine_cpu_seconds() -> tuple[float, float]:
    """(busy, all) CPU seconds of every core since boot, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and waiting for I/O
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(fields[:8]) - idle) / tick, sum(fields[:8]) / tick


def run_suite(repo: Path) -> dict:
    """`make test` once: its wall seconds, the machine's busy CPU seconds, and pytest's summary line."""
    busy_before, all_before = machine_cpu_seconds()
    started = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=repo, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    busy_after, all_after = machine_cpu_seconds()
    summary = [line.strip("= ") for line in result.stdout.splitlines()
               if " in " in line and ("passed" in line or "failed" in line)]
    if result.returncode != 0:
        raise SystemExit(f"make test failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    return {"seconds": round(seconds, 1), "machine_busy_cpu_seconds": round(busy_after - busy_before, 1),
            "machine_cpu_seconds": round(all_after - all_before, 1), "summary": summary[-1] if summary else ""}


def measure(repo: Path, yardstick) -> dict:
    """The suite between two yardstick builds (``yardstick()`` returns its wall seconds)."""
    before = yardstick()
    suite = run_suite(repo)
    after = yardstick()
    stick = statistics.mean([before, after])
    return {**suite, "yardstick_seconds": [round(before, 2), round(after, 2)],
            "suite_in_yardsticks": round(suite["seconds"] / stick, 1),
            "goal_in_yardsticks": round(SUITE_GOAL_SECONDS / REFERENCE_YARDSTICK_SECONDS, 1),
            "seconds_at_reference_speed": round(suite["seconds"] * REFERENCE_YARDSTICK_SECONDS / stick, 1)}


def report(figures: dict) -> str:
    return "\n".join([
        f"make test: {figures['seconds']} s ({figures['summary']})",
        f"the machine's CPU while it ran: {figures['machine_busy_cpu_seconds']} s busy of "
        f"{figures['machine_cpu_seconds']} s on {os.cpu_count()} cores",
        f"yardstick (bare build, N = {YARDSTICK_POSTS}) before and after: "
        + " and ".join(f"{s} s" for s in figures["yardstick_seconds"]),
        f"the suite in yardsticks: {figures['suite_in_yardsticks']} (goal: at most {figures['goal_in_yardsticks']}, "
        f"{SUITE_GOAL_SECONDS} s where the yardstick takes {REFERENCE_YARDSTICK_SECONDS} s)",
        f"at the speed of bench/README.md's first table: {figures['seconds_at_reference_speed']} s",
    ])
