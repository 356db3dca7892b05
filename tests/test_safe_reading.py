"""Content is read for what it shows, within bounds: YAML that would expand (an alias bomb),
nest past any need or turn text into other things is refused as it is read, with its line;
a value reads as the text it shows ('title: No' is a title, '1:20' is not 80); a body nested
past any need is refused before anything renders it.

The broken-content cases (tests/broken_content/yaml-alias-bomb.yaml, nested-too-deep.yaml)
show `make check` and the build refusing them on a site; here, what bounds the reading.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import copy_site_sources, run_strategy

from strategy.yamltext import MAX_VALUES, parse_yaml


def alias_bomb(levels: int = 9, key_prefix: str = "") -> str:
    """``levels`` anchors, each a list of nine aliases of the one before: 9**levels values once expanded."""
    lines = [f'{key_prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        name, before = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{key_prefix}{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_as_it_is_read_in_little_memory_naming_each_line():
    tracemalloc.start()
    try:
        document, problems = parse_yaml(alias_bomb(), "data/plan.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 2_000_000  # expanded, the nine levels hold 387 million values
    assert [(problem.line, problem.field) for problem in problems] == [(line, chr(ord("a") + line - 1))
                                                                      for line in range(1, 10)]
    assert all(problem.text("en").endswith("expected valid YAML, found a value that starts with * or & "
                                           "(put the value in quotes)") for problem in problems)
    assert all("rhowch y gwerth rhwng dyfynodau" in problem.text("cy") for problem in problems)
    assert document.data["b"] == ["*a"] * 9  # an alias is read as the text it shows, never as what it names


def test_what_no_content_needs_is_refused_on_its_line_not_by_running_out_of_memory_or_stack():
    deep_flow = "title: " + "[" * 5000 + "]" * 5000 + "\n"
    deep_block = "items:\n" + "".join("  " * level + "- \n" for level in range(1, 200))
    many = "items: [" + ", ".join(["1"] * (MAX_VALUES + 1)) + "]\n"

    for text, line, says in ((deep_flow, 2, "values nested deeper than any content needs"),
                             (deep_block, 52, "values nested deeper than any content needs"),
                             (many, 2, f"more than {MAX_VALUES} values in one file")):
        document, problems = parse_yaml(text, "docs/en/post.md", first_line=2)
        assert document is None
        assert [(problem.line, problem.field) for problem in problems] == [(line, "")]
        assert says in problems[0].text("en")


@pytest.mark.parametrize("written, read", [
    ("No", "No"), ("yes", "yes"), ("off", "off"), ("1:20", "1:20"), ("0123", "0123"), ("0x1F", "0x1F"),
    ("1_000", "1_000"), (".inf", ".inf"), ("2026-11-25", "2026-11-25"), ("true", True), ("42", 42), ("~", None),
])
def test_a_plain_value_means_what_it_shows(written, read):
    # YAML 1.1 reads 'No' as false, '1:20' as 80 (base 60), '0123' as 83 (base 8): text
    # that would be published as something else, or refused as "not text" with no reason.
    document, problems = parse_yaml(f"title: {written}\n", "docs/en/post.md")

    assert problems == [] and document.data["title"] == read


def test_a_tag_is_refused_and_reads_as_the_text_it_shows():
    document, problems = parse_yaml("title: !!binary SGVsbG8=\nsummary: !!python/object/apply:os.system [x]\n",
                                    "docs/en/post.md", first_line=2)

    assert [(problem.line, problem.field) for problem in problems] == [(2, "title"), (3, "summary")]
    assert all("a value that starts with a character YAML keeps for itself, such as @, `, %, ! or ?"
               in problem.text("en") for problem in problems)
    assert document.data == {"title": "SGVsbG8=", "summary": ["x"]}


@pytest.fixture(scope="module")
def site_with_deep_content(tmp_path_factory):
    """The fixture site with a list nested 300 deep in a post (deeper, the page is over the size a page may
    have, refused as such), 'draft: yes' and a number for a title."""
    root = copy_site_sources(tmp_path_factory.mktemp("deep") / "repo")
    post = root / "docs/en/posts/setting-the-context.md"
    text = post.read_text(encoding="utf-8").replace("title: Setting the context", "title: 2026\ndraft: yes")
    post.write_text(text + "\n" + "".join("    " * level + "- deeper\n" for level in range(300)), encoding="utf-8")
    return root, text.count("\n") + 2 + 20  # the line of the first list item past 20 levels (its marker is one)


@pytest.mark.parametrize("language, says", [
    ("en", ["expected lists, quotes and blocks nested at most 20 levels deep, found a line nested 21 levels deep",
            "found 2026, which YAML reads as a number or as true or false, not as text "
            "(put the text in quotes: \"2026\")",
            "expected true or false, found 'yes' (did you mean 'true'?)"]),
    ("cy", ["disgwylid rhestrau, dyfyniadau a blociau wedi'u nythu hyd at 20 lefel o ddyfnder, "
            "cafwyd llinell wedi'i nythu 21 lefel o ddyfnder",
            "cafwyd 2026, y mae YAML yn ei ddarllen fel rhif neu fel `true` neu `false`, nid fel testun",
            "(oeddech chi'n golygu 'true'?)"]),
])
def test_a_list_nested_hundreds_deep_is_refused_with_its_line_in_the_editors_language(
        site_with_deep_content, language, says):
    root, deep_line = site_with_deep_content
    result = run_strategy(root, "check", env={"STRATEGY_LANG": language})

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"docs/en/posts/setting-the-context.md:{deep_line}: " in result.stderr
    for words in says:
        assert words in result.stderr, result.stderr


@pytest.mark.parametrize("nested", ["- " * 1000 + "x", "> 1. * " * 300 + "x", "1) " * 21 + "x"])
def test_lists_opened_on_one_line_count_as_deep_as_they_nest(tmp_path, nested):
    """'- - - x' is a list in a list in a list, read by recursion as much as an indented one:
    a thousand on one line ended in a RecursionError."""
    root = copy_site_sources(tmp_path / "repo")
    post = root / "docs/en/posts/setting-the-context.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text + "\n" + nested + "\n", encoding="utf-8")
    line = text.count("\n") + 2

    for command in ("check", "build"):
        result = run_strategy(root, command)
        said = result.stdout + result.stderr

        assert result.returncode != 0 and "Traceback" not in said, said
        assert (f"docs/en/posts/setting-the-context.md:{line}: " in said
                and "expected lists, quotes and blocks nested at most 20 levels deep" in said), said
    assert not (root / "site").exists()


@pytest.mark.parametrize("paragraph, says", [
    ("[" * 200_000, "expected at most 100 '[' left open in one paragraph"),
    ("\n".join(["[a " * 60] * 40), "expected at most 100 '[' left open in one paragraph"),
    ("<a " * 100_000, "expected at most 100 tags begun ('<' before a letter, '/', '!' or '?') with no '>' after them"),
    ("\n\n".join(["</x <!y"] * 60), "found 101 from this line on with no '>'"),
])
def test_text_markdown_reads_again_and_again_is_refused_with_its_line_before_it_is_rendered(tmp_path, paragraph, says):
    """Markdown looks for the end of each '[' through its paragraph, and for the '>' of each
    tag begun through the page: 200,000 '[' or 100,000 '<a ' took minutes to check, and as
    long again to build."""
    root = copy_site_sources(tmp_path / "repo")
    post = root / "docs/en/posts/setting-the-context.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text + "\n" + paragraph + "\n", encoding="utf-8")

    for command in ("check", "build"):
        started = time.monotonic()
        result = run_strategy(root, command)
        said = result.stdout + result.stderr

        assert result.returncode != 0 and "Traceback" not in said, said
        assert f"docs/en/posts/setting-the-context.md:{text.count(chr(10)) + 2}: " in said and says in said, said
        assert time.monotonic() - started < 60


def test_links_escaped_brackets_and_a_long_line_of_letters_are_read_in_good_time(tmp_path):
    """Within a page's size, what no bound refuses reads quickly: a line of 450,000 letters
    (a pattern once scanned it from every place in it: minutes), many links in a paragraph,
    brackets written as text."""
    root = copy_site_sources(tmp_path / "repo")
    post = root / "docs/en/posts/setting-the-context.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n" + "a" * 450_000 + "\n\n"
                    + "[a link](https://example.org/) " * 300 + "\n\n" + "\\[" * 500 + "\n\n"
                    + "<abbr title=\"x\">x</abbr> " * 300 + "\n\n```html\n" + "<a " * 500 + "\n```\n", encoding="utf-8")

    started = time.monotonic()
    result = run_strategy(root, "check")

    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60


def test_a_list_marker_or_two_is_no_deeper_than_its_page_needs(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    post = root / "docs/en/posts/setting-the-context.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n- - a list in a list\n\n* * *\n\n1. 2) - three\n",
                    encoding="utf-8")

    result = run_strategy(root, "check")

    assert result.returncode == 0, result.stderr


# --- generated YAML: the data as written, or a problem on a line of the text ---------------

# Text as an editor types it: control characters and line separators YAML can only write as
# escapes, which are refused on their own (test_problem_messages.py).
TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
           | TYPED | st.sampled_from(["No", "yes", "off", "1:20", "0123", "0x1F", "~", "&Co", "*x", "!x",
                                                    "- a", "a: b", "#", "'", '"', "2026-11-25"]))


@st.composite
def structures(draw):
    """Nested lists and mappings of awkward scalars, some parts shared: YAML writes a shared
    part once with an &anchor and repeats it with *aliases."""
    containers = st.lists(SCALARS, min_size=1, max_size=3) | st.dictionaries(TYPED, SCALARS, min_size=1, max_size=3)
    shared = draw(st.lists(containers, min_size=1, max_size=2))
    leaves = SCALARS | st.sampled_from(shared)
    data = draw(st.recursive(leaves, lambda inner: st.lists(inner, max_size=4)
                             | st.dictionaries(TYPED, inner, max_size=4), max_leaves=20))
    return [shared[0], data, shared[0]] if draw(st.booleans()) else data  # half of them surely shared


def _is_shared(data, seen=None) -> bool:
    """Whether a list or mapping appears twice in ``data`` (YAML then writes an alias)."""
    seen = set() if seen is None else seen
    if isinstance(data, (list, dict)):
        if id(data) in seen:
            return True
        seen.add(id(data))
        return any(_is_shared(item, seen) for item in (data.values() if isinstance(data, dict) else data))
    return False


@settings(max_examples=150, deadline=None, derandomize=True)
@given(structures())
def test_any_yaml_reads_as_the_data_written_or_each_anchor_and_alias_is_named_on_its_line(data):
    text = yaml.safe_dump({"value": data}, allow_unicode=True)
    document, problems = parse_yaml(text, "data/plan.yaml")
    lines = text.count("\n") + 1

    assert document is not None
    if _is_shared(data):
        assert problems and all(1 <= problem.line <= lines for problem in problems)
        assert all(problem.found.key == "found.yaml.star_or_ampersand" for problem in problems)
    else:
        assert problems == [] and document.data == {"value": data}
