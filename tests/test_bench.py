"""The suite's benchmark (bench/suite_bench.py, `bench/benchmark.py --suite`) measures what
it says: `make test` as the README runs it, between two yardstick builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import suite_bench  # noqa: E402


def a_repository(folder: Path, recipe: str) -> Path:
    (folder / "Makefile").write_text(f"test:\n\t{recipe}\n")
    return folder


def test_the_suite_is_timed_between_two_yardsticks_and_scaled_to_the_reference_speed(tmp_path):
    repo = a_repository(tmp_path, "@sleep 1; echo '=== 3 passed in 1.00s ==='")
    sticks = iter([2.0, 3.0])

    figures = suite_bench.measure(repo, lambda: next(sticks))

    assert 1.0 <= figures["seconds"] < 5
    assert figures["summary"] == "3 passed in 1.00s"
    assert figures["yardstick_seconds"] == [2.0, 3.0]
    assert figures["suite_in_yardsticks"] == round(figures["seconds"] / 2.5, 1)
    assert figures["seconds_at_reference_speed"] == round(figures["seconds"] * suite_bench.REFERENCE_YARDSTICK_SECONDS / 2.5, 1)
    assert figures["goal_in_yardsticks"] == round(180 / suite_bench.REFERENCE_YARDSTICK_SECONDS, 1)
    assert 0 <= figures["machine_busy_cpu_seconds"] <= figures["machine_cpu_seconds"]
    assert "the suite in yardsticks" in suite_bench.report(figures)


def test_a_failing_suite_is_no_figure(tmp_path):
    repo = a_repository(tmp_path, "@echo '=== 1 failed, 2 passed in 1.00s ==='; exit 1")
    with pytest.raises(SystemExit, match="make test failed"):
        suite_bench.measure(repo, lambda: 1.0)
