"""The delivery plan's bilingual texts are tracked as posts are: a change to the English
of an action is reported (by `make translations`, `make check`, the build and the
translation-status page) until the Welsh is updated and marked with `make translated`,
and marking rewrites nothing in data/plan.yaml but the records."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, strategies as st

from conftest import build, parse, run_strategy
from strategy.plan_marking import MarkingError, marked_text
from strategy.plan_translation import plan_texts
from strategy.translation import yaml_text
from strategy.yamltext import parse_yaml

PLAN = "data/plan.yaml"


def first_action(root: Path, without_progress: bool = False) -> tuple[str, str, str]:
    """(entry name, English, Welsh) of the first action of the copy's plan (with no progress notes),
    its text written in block style as the editors' guides show it, one field to a line."""
    plan = parse_yaml((root / PLAN).read_text(encoding="utf-8"), PLAN)[0].data
    mission, action = next((mission, action) for mission in plan["missions"] for action in mission["actions"]
                           if not (without_progress and "progress" in action))
    _in_block_style(root, action["text"])
    return (f"missions[{mission['id']}].actions[{action['id']}].text", action["text"]["en"], action["text"]["cy"])


def _in_block_style(root: Path, text: dict) -> None:
    """A text a plan may hold in flow style ({en: ..., cy: ..., source_hash: ...}) rewritten in block style."""
    plan = (root / PLAN).read_text(encoding="utf-8")
    flow = re.search(r"^( *)text: \{en: " + re.escape(text["en"]) + r", .*\}\n", plan, re.MULTILINE)
    if flow:
        indent = flow.group(1) + "  "
        block = f"{flow.group(1)}text:\n" + "".join(f"{indent}{key}: {value}\n" for key, value in text.items())
        (root / PLAN).write_text(plan[:flow.start()] + block + plan[flow.end():], encoding="utf-8")


def replace_in_plan(root: Path, old: str, new: str) -> None:
    plan = root / PLAN
    text = plan.read_text(encoding="utf-8")
    assert text.count(old) == 1
    plan.write_text(text.replace(old, new), encoding="utf-8")


def line_of(root: Path, text: str) -> int:
    lines = (root / PLAN).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def plan_rows(page) -> dict[str, str]:
    return {row.cssselect("th")[0].text_content(): row.cssselect("td")[0].text_content()
            for row in page.cssselect("table.strategy-table--plan-translations tbody tr")}


def test_a_changed_english_action_is_reported_everywhere_until_the_welsh_is_marked(site_copy, tmp_path):
    entry, english, welsh = first_action(site_copy)
    replace_in_plan(site_copy, english, english + " Twice a year.")
    welsh_line = line_of(site_copy, english) + 1  # en, then cy: the line to update
    record_line = welsh_line + 1  # then source_hash, which `make translated` writes

    result = build(site_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    warning = (f"{PLAN}:{welsh_line}: {entry}: the English has changed since the Welsh was translated from it; "
               f"it now reads “{english} Twice a year.” (update the Welsh, then run 'make translated ENTRY=\"{entry}\"')")
    assert warning in result.stderr

    report = run_strategy(site_copy, "translations")
    assert report.returncode == 0, report.stderr
    assert re.search(r"The delivery plan \(data/plan.yaml\): \d+ texts, \d+ in step, 1 outdated", report.stdout)
    assert warning in report.stdout

    for prefix, why in (("", "The English has changed since the Welsh was translated from it"),
                        ("cy/", "Mae'r Saesneg wedi newid ers cyfieithu'r Gymraeg ohoni")):
        page = parse(tmp_path / f"site/{prefix}translation-status/index.html")
        assert plan_rows(page) == {entry: str(welsh_line)}
        assert page.cssselect("table.strategy-table--plan-translations tbody td")[-1].text_content() == why

    replace_in_plan(site_copy, welsh, welsh + " Ddwywaith y flwyddyn.")
    marked = run_strategy(site_copy, "translated", "--entry", entry)
    assert marked.returncode == 0, marked.stderr
    assert f"{entry} ({PLAN}, line {record_line}) is now marked" in marked.stdout

    result = build(site_copy, tmp_path / "site")
    assert result.returncode == 0 and "data/plan.yaml" not in result.stderr
    page = parse(tmp_path / "site/translation-status/index.html")
    assert not page.cssselect("table.strategy-table--plan-translations")
    assert "texts of the delivery plan is in step" in page.cssselect("p.strategy-plan-translations")[0].text_content()


def test_an_outdated_plan_text_fails_the_build_under_outdated_error(site_copy, tmp_path):
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("outdated: warning", "outdated: error"))
    entry, english, _ = first_action(site_copy)
    replace_in_plan(site_copy, english, "Fund 250 digital apprenticeships.")
    welsh_line = line_of(site_copy, "Fund 250") + 1

    result = build(site_copy, tmp_path / "site")

    assert result.returncode != 0
    assert (f"{PLAN}:{welsh_line}: field '{entry}': expected a translation of its source text as it now reads "
            f"(update it, then run 'make translated ENTRY=\"{entry}\"'), found '") in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_a_welsh_first_text_and_a_new_text_are_tracked_and_marked_by_id(site_copy):
    entry, english, welsh = first_action(site_copy, without_progress=True)
    action_id = entry.split("[")[2].split("]")[0]
    # Welsh-first: the record is of the Welsh, so a change to the Welsh is what counts.
    replace_in_plan(site_copy, f"cy: {welsh}\n", f"cy: {welsh}\n          translated_from: cy\n")
    assert run_strategy(site_copy, "translated", "--entry", entry).returncode == 0
    replace_in_plan(site_copy, f"cy: {welsh}\n", f"cy: {welsh} Eto.\n")
    # A new progress note, with no record yet.
    replace_in_plan(site_copy, f"id: {action_id}\n", f"id: {action_id}\n        progress:\n          - date: 2026-11-24\n"
                    "            note: {en: Started., cy: Wedi dechrau.}\n")

    checked = run_strategy(site_copy, "check")
    assert checked.returncode == 0, checked.stderr
    assert f"{entry}: the Welsh has changed since the English was translated from it" in checked.stderr
    assert (f"{entry.removesuffix('.text')}.progress[1].note: nothing records that the Welsh translates the "
            "English “Started.”") in checked.stderr

    welsh_editor = run_strategy(site_copy, "translations", env={"STRATEGY_LANG": "cy"})
    assert f"{entry}: mae'r Gymraeg wedi newid ers cyfieithu'r Saesneg ohoni" in welsh_editor.stdout

    marked = run_strategy(site_copy, "translated", "--entry", action_id)  # an id: every text of the action
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout.count("is now marked") == 2
    assert "data/plan.yaml" not in run_strategy(site_copy, "check").stderr
    assert "note: {en: Started., cy: Wedi dechrau., source_hash: " in (site_copy / PLAN).read_text(encoding="utf-8")


def test_a_wrong_entry_name_marks_nothing_and_says_what_to_write(site_copy):
    before = (site_copy / PLAN).read_bytes()
    entry, english, _ = first_action(site_copy)
    replace_in_plan(site_copy, english, english + " Soon.")
    changed = (site_copy / PLAN).read_bytes()

    refused = run_strategy(site_copy, "translated", "--entry", entry, "--entry", "missions[no-such].text")

    assert refused.returncode == 2
    assert "No text of data/plan.yaml is named missions[no-such].text: name one as 'make translations' does" in refused.stderr
    assert (site_copy / PLAN).read_bytes() == changed != before
    assert "Traceback" not in refused.stderr


def test_naming_the_plan_file_marks_every_text_and_lists_what_it_marked(site_copy):
    entry, english, _ = first_action(site_copy)
    replace_in_plan(site_copy, english, english + " Soon.")
    # Saved by a Windows editor: a byte-order mark and CRLF line ends, both kept.
    plan = site_copy / PLAN
    before = "\ufeff" + plan.read_text(encoding="utf-8").replace("\n", "\r\n")
    plan.write_bytes(before.encode("utf-8"))

    marked = run_strategy(site_copy, "translated", PLAN)

    assert marked.returncode == 0, marked.stderr
    assert marked.stdout.splitlines()[0].startswith(f"{entry} (data/plan.yaml, line ")
    assert re.search(r"Marked 1 of \d+ texts of data/plan.yaml", marked.stdout)
    after = plan.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") and after.count("\r\n") == after.count("\n") == before.count("\n")
    assert [a for a, b in zip(after.splitlines(), before.splitlines()) if a != b] == [
        next(line for line in after.splitlines() if line.strip().startswith("source_hash:")
             and line not in before.splitlines())]


# --- marking never changes anything but the records ---------------------------

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzŵŷâ ABC'.,:#-0123456789", min_size=1, max_size=30).map(str.strip)
_VALUES = _WORDS.filter(bool)


def _scalar(value: str, style: str) -> str:
    if style == "plain" and re.fullmatch(r"[a-zA-Zŵŷâ][a-zA-Zŵŷâ ,.0-9-]*[a-zA-Zŵŷâ0-9.]|[a-zA-Z]", value):
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


@st.composite
def plan_files(draw) -> str:
    """A plan-shaped YAML file as editors write them: comments, blank lines, block and
    flow styles, quotes, folded text, Welsh-first texts, records right, wrong or empty."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = ["# The plan # with a comment", "missions:"]
    for index in range(draw(st.integers(1, 3))):
        lines += [f"  - id: m-{index}  # mission {index}", "    title:"]
        fields = {"en": draw(_VALUES), "cy": draw(_VALUES)}
        if draw(st.booleans()):
            fields["translated_from"] = draw(st.sampled_from(["en", "cy"]))
        record = draw(st.sampled_from([None, "0123456789ab", "", "wrong"]))
        if record is not None:
            fields["source_hash"] = record
        order = draw(st.permutations(list(fields)))
        style = draw(st.sampled_from(["block", "flow", "folded"]))
        if style == "flow":
            lines[-1] += " {" + ", ".join(f"{key}: {_scalar(fields[key], 'double')}" for key in order) + "}"
        else:
            for key in order:
                value = fields[key]
                if style == "folded" and key in ("en", "cy"):
                    lines += [f"      {key}: >", f"        {value}", ""]
                else:
                    quoted = _scalar(value, draw(st.sampled_from(["plain", "single", "double"]))) if value else ""
                    lines.append(f"      {key}: {quoted}".rstrip() + draw(st.sampled_from(["", "  # note"])))
        lines += ["    actions: []", "", "# between missions"]
    text = newline.join(lines)
    return text if draw(st.booleans()) else text + newline


def without_records(text: str) -> str:
    """The file with every source_hash record taken out, on a line of its own or in {...}."""
    text = re.sub(r"\r?\n *source_hash:[^\r\n]*", "", text)
    code = r"(\"[^\"]*\"|'[0-9]{12}'|[0-9a-f]{12})"
    return re.sub(rf", source_hash: {code}|source_hash: {code}, ", "", text)


def test_a_record_of_digits_alone_stays_text():
    # YAML reads 012345678901 as a number, which the schema would refuse.
    assert parse_yaml(f"source_hash: {yaml_text('012345678901')}", PLAN)[0].data == {"source_hash": "012345678901"}
    assert yaml_text("0a2345678901") == "0a2345678901"


@given(plan_files(), st.data())
def test_marking_changes_nothing_but_the_records(text, data):
    document, _ = parse_yaml(text, PLAN)
    texts = plan_texts(document)
    chosen = data.draw(st.lists(st.sampled_from(texts), unique=True))
    try:
        new_text = marked_text(text, chosen)
    except MarkingError:  # refusing is allowed; writing anything else is not
        return
    expected = parse_yaml(text, PLAN)[0].data
    for item in chosen:
        expected["missions"][item.path[1]]["title"]["source_hash"] = item.current
    assert parse_yaml(new_text, PLAN)[0].data == expected
    assert without_records(new_text) == without_records(text)  # every comment, quote and space as it was
    again = [item for item in plan_texts(parse_yaml(new_text, PLAN)[0]) if item.path in {c.path for c in chosen}]
    assert marked_text(new_text, again) == new_text
