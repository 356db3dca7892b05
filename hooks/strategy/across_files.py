"""Checks across posts: the missions they name, and ids used once.

``entries`` pair each post with the source file it was read from (loader.py's
twin: its ``file`` and ``parsed.front_matter``), so that a problem names its line.
"""

from __future__ import annotations

from .model import Plan, Post
from .problems import Problem


def check_references(entries: list[tuple[Post, object]], plan: Plan) -> list[Problem]:
    problems = []
    known = ", ".join(mission.id for mission in plan.missions)
    presented: dict[str, str] = {}
    for post, source in entries:
        if post.mission_id is None:
            continue
        file, line = source.file, source.parsed.front_matter.line_of(("mission",))
        if plan.mission(post.mission_id) is None:
            problems.append(Problem(file, line, "mission", f"the id of a mission in data/plan.yaml ({known})",
                                    f"unknown mission '{post.mission_id}'"))
        elif post.kind == "mission":
            if post.mission_id in presented:
                problems.append(Problem(file, line, "mission",
                                        f"a mission that no other mission post presents ({presented[post.mission_id]} presents it)",
                                        f"'{post.mission_id}'"))
            presented[post.mission_id] = file
    return problems


def check_unique_ids(entries: list[tuple[Post, object]]) -> list[Problem]:
    problems, first_file = [], {}
    for post, source in entries:
        if post.id is None:
            continue
        file = source.file
        if post.id in first_file:
            problems.append(Problem(file, source.parsed.front_matter.line_of(("id",)), "id", f"an id no other post uses ({first_file[post.id]} uses it)",
                                    f"'{post.id}'"))
        else:
            first_file[post.id] = file
    return problems
