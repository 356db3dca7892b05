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


import compare_bench  # noqa: E402


def test_before_and_after_are_built_in_turn_each_round_and_the_warm_up_is_not_counted():
    ran, clock = [], iter(range(1, 100))

    def build(side, kind):
        def run():
            ran.append((side, kind))
            return float(next(clock)), 1.0
        return run

    sides = {side: {kind: build(side, kind) for kind in compare_bench.KINDS} for side in ("before", "after")}
    runs = compare_bench.interleaved(sides, rounds=2, warm_up=1)

    one_round = [(side, kind) for side in ("before", "after") for kind in compare_bench.KINDS]
    assert ran == one_round * 3  # every build of both sides, in turn, round after round
    assert runs["before"]["bare"] == [(7.0, 1.0), (13.0, 1.0)]  # the first round (1.0) left out
    assert runs["after"]["ours_one_core"] == [(12.0, 1.0), (18.0, 1.0)]


def test_each_sides_ratios_are_its_own_builds_against_its_own_bare_build():
    runs = {"bare": [(10.0, 10.0), (12.0, 11.0), (11.0, 30.0)], "ours": [(9.0, 16.0), (10.0, 17.0), (30.0, 18.0)],
            "ours_one_core": [(15.0, 15.0), (16.5, 16.5), (18.0, 18.0)]}

    figures = compare_bench.ratios(runs)

    assert figures["ratio"] == 0.909  # medians: 10 / 11
    assert figures["one_core_ratio"] == 1.5  # 16.5 / 11
    assert figures["cpu_ratio"] == 1.545  # 17 / 11


def test_a_folder_without_the_benchmark_is_refused_with_what_to_give(tmp_path):
    with pytest.raises(SystemExit, match="give the folder of a checkout"):
        compare_bench.benchmark_of(tmp_path)
