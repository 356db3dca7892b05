"""``make translated ENTRY=...``: recording in data/plan.yaml that translations are in step.

The plan is the editors' own file: its comments, quotes, order and spacing stay as
they are. Only ``source_hash`` values are written, each at the place the YAML parser
gives (replacing an old one, or on a new line after the text's last field). The new
file is then read again, and unless it holds exactly the old data with the new records,
nothing is written.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

from .messages import message
from .plan_translation import PLAN_FILE, SOURCE_HASH, PlanText, chosen_texts, plan_texts
from .translation import yaml_text
from .yamltext import parse_yaml


class MarkingError(Exception):
    """The plan could not be marked; ``key`` names the catalogue message (``cli.translated.<key>``)."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key, self.values = key, values


def marked_text(text: str, texts: list[PlanText]) -> str:
    """The plan ``text`` with each of ``texts`` recorded as a translation of its current source.
    Raises MarkingError if that would change anything else."""
    before, _ = parse_yaml(text, PLAN_FILE)
    if before is None:
        raise MarkingError("plan_unreadable", file=PLAN_FILE)
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python parser: its positions count characters
    newline = "\r\n" if "\r\n" in text else "\n"
    edits = {_edit(text, _node_at(root, t.path), t.current, newline) for t in texts if t.recorded != t.current}
    for start, end, insert in sorted(edits, reverse=True):
        text = text[:start] + insert + text[end:]
    after, _ = parse_yaml(text, PLAN_FILE)
    expected = copy.deepcopy(before.data)
    for t in texts:
        _value_at(expected, t.path)[SOURCE_HASH] = t.current
    if after is None or after.data != expected:
        raise MarkingError("plan_not_rewritten", file=PLAN_FILE)
    return text


def _node_at(node: yaml.Node, path: tuple) -> yaml.MappingNode:
    for step in path:
        node = node.value[step] if isinstance(step, int) else next(
            value for key, value in node.value if key.value == step)
    return node


def _value_at(data, path: tuple) -> dict:
    for step in path:
        data = data[step]
    return data


def _edit(text: str, mapping: yaml.MappingNode, new_hash: str, newline: str) -> tuple[int, int, str]:
    """(start, end, replacement) that records ``new_hash`` in ``mapping``."""
    written = yaml_text(new_hash)
    for key, value in mapping.value:
        if key.value == SOURCE_HASH:
            start, end = value.start_mark.index, value.end_mark.index
            return start, end, written if end > start else f" {written}"  # 'source_hash:' left empty
    last = mapping.value[-1][1].end_mark.index
    if mapping.flow_style:  # text: {en: ..., cy: ...}
        return last, last, f", {SOURCE_HASH}: {written}"
    line = " " * mapping.value[0][0].start_mark.column + f"{SOURCE_HASH}: {written}" + newline
    line_start = text.rfind("\n", 0, last) + 1
    if not text[line_start:last].strip():  # a block scalar (|, >) ends at the start of the next line
        return line_start, line_start, line
    line_end = text.find("\n", last)  # after any comment on the last field's line
    if line_end == -1:
        return len(text), len(text), newline + line.removesuffix(newline)
    return line_end + 1, line_end + 1, line


def mark_plan(root: Path, entries: list[str]) -> int:
    """Mark the plan's texts that ``entries`` name (every text, if none), and say what was marked."""
    path = root / PLAN_FILE
    try:
        raw = path.read_bytes().decode("utf-8")  # not read_text: it would turn CRLF line ends into LF
    except (OSError, UnicodeDecodeError):
        print(message("translated.plan_unreadable", file=PLAN_FILE), file=sys.stderr)
        return 1
    bom, text = ("\ufeff", raw[1:]) if raw.startswith("\ufeff") else ("", raw)
    document, problems = parse_yaml(text, PLAN_FILE)
    if document is None or problems:
        print(message("translated.plan_unreadable", file=PLAN_FILE), file=sys.stderr)
        return 1
    texts = plan_texts(document)
    chosen = list(texts) if not entries else []
    unknown = [entry for entry in entries if not chosen_texts(texts, entry)]
    if unknown:  # nothing is marked until every name is right
        for entry in unknown:
            print(message("translated.no_such_entry", entry=entry, file=PLAN_FILE), file=sys.stderr)
        return 2
    for entry in entries:
        chosen += [text for text in chosen_texts(texts, entry) if text not in chosen]
    try:
        new_text = marked_text(text, chosen)
    except MarkingError as error:
        print(message(f"translated.{error.key}", **error.values), file=sys.stderr)
        return 1
    if new_text != text:
        path.write_text(bom + new_text, encoding="utf-8", newline="")
    marked = [text for text in chosen if text.recorded != text.current]
    # Records written above a text move it down: say the line it is on now.
    line_now = {text.path: text.line for text in plan_texts(parse_yaml(new_text, PLAN_FILE)[0])}
    for text in chosen:
        if text in marked or entries:  # the whole plan: only what changed, then how many
            print(message("translated.plan_marked" if text in marked else "translated.plan_already",
                          entry=text.name, file=PLAN_FILE, line=line_now[text.path]))
    if not entries:
        print(message("translated.plan_all_done", marked=len(marked), count=len(chosen), file=PLAN_FILE))
    return 0
