"""Checks across files: each post's mission is one of the plan's, each mission has one
post presenting it, and no two posts share an id.

They look at every source file that could be read, whatever else is wrong with it,
at the fields the schema found nothing wrong with (post_files.Twin.usable)."""

from __future__ import annotations

from .post_files import Twin
from .problems import Problem, near_miss, phrase


def reference_problems(sources: list[Twin], mission_ids: tuple[str, ...] | None) -> list[Problem]:
    """``mission_ids``: the plan's, or None when the plan's missions cannot all be read."""
    problems, presented = [], {}
    # Two mission posts for one mission: the one published first presents it, and the
    # other (most likely the one just started with `make post`) is the problem.
    for source in sorted(sources, key=_published_first):
        data = source.usable
        mission = data.get("mission")
        if not isinstance(mission, str):
            continue
        file, line = source.file, source.parsed.front_matter.line_of(("mission",))
        if mission_ids is not None and mission not in mission_ids:
            problems.append(Problem(file, line, "mission", phrase("expected.mission_id", known=", ".join(mission_ids)),
                                    phrase("found.unknown_mission", id=mission), near_miss(mission, mission_ids)))
        elif data.get("kind") == "mission":
            if mission in presented:
                problems.append(Problem(file, line, "mission", phrase("expected.unpresented_mission",
                                                                      file=presented[mission]), f"'{mission}'"))
            else:
                presented[mission] = file
    return problems


def _published_first(source: Twin) -> tuple:
    published = source.usable.get("date")
    return (published is None, str(published or ""), source.file)


def unique_id_problems(sources: list[Twin]) -> list[Problem]:
    problems, first_file = [], {}
    for source in sources:
        post_id = source.usable.get("id")
        if not isinstance(post_id, str):
            continue
        if post_id in first_file:
            problems.append(Problem(source.file, source.parsed.front_matter.line_of(("id",)), "id",
                                    phrase("expected.unique_post_id", file=first_file[post_id]), f"'{post_id}'"))
        else:
            first_file[post_id] = source.file
    return problems
