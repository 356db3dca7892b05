"""`make proof`: Welsh and English proofing with hunspell dictionaries from npm
(dictionary-cy, Bangor University's cy_GB; dictionary-en-gb), read by spylls."""

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURE, NODE_TOOLS, REPO, build, copy_site_sources, parse, require, run_strategy
from strategy import LANGUAGES
from strategy.catalogue import CATALOGUE_FILE
from strategy.proofing import Speller, check, check_passage
from strategy.proofing_text import Passage, bilingual_passages, clean_markdown

DICTIONARIES = [NODE_TOOLS / "dictionary-cy" / "index.dic", NODE_TOOLS / "dictionary-en-gb" / "index.dic"]
NEEDS = "the proofing report needs the npm dictionaries: run 'make proof' or 'make test' (they run npm ci)"
FINDING = re.compile(r"^  (?P<file>[^:\s]+):(?P<line>\d+): (?P<message>.*)$", re.MULTILINE)


@pytest.fixture(scope="module")
def welsh():
    require(all(path.exists() for path in DICTIONARIES), NEEDS)
    return Speller.load(REPO, "cy")


def findings(output: str) -> list[tuple[str, int, str]]:
    return [(m["file"], int(m["line"]), m["message"]) for m in FINDING.finditer(output)]


def proof(root: Path, *args: str, env=None):
    result = run_strategy(root, "proof", "--no-report-file", *args, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_our_own_text_has_no_unknown_word_and_no_missing_mutation_in_either_language(tmp_path):
    # Ours: the tests' own content, and (next test) the package's every string. The sample
    # content in docs/ and data/ is the editors' to replace: `make proof` reports on it (and
    # it was proofread when it was written), but a new editor's word the dictionaries lack
    # must not fail the tests.
    require(all(path.exists() for path in DICTIONARIES), NEEDS)
    root = copy_site_sources(tmp_path / "repo")
    (root / "node_modules").symlink_to(NODE_TOOLS)
    output = proof(root)
    assert findings(output) == []
    checked = int(re.search(r"No unknown words and no missing mutations. Files checked: (\d+)\.", output).group(1))
    assert checked == len(list((root / "docs").rglob("*.md"))) + 2  # every page, the plan, the site's strings


def test_the_packages_strings_have_no_unknown_word_and_no_missing_mutation(tmp_path):
    # Every site shows them: they are proofed here, with the fixture's word lists, rather
    # than by each site's `make proof` (which proofs the site's own strings.yml).
    require(all(path.exists() for path in DICTIONARIES), NEEDS)
    root = copy_site_sources(tmp_path / "repo")
    (root / "node_modules").symlink_to(NODE_TOOLS)
    spellers = {language: Speller.load(root, language) for language in LANGUAGES}
    assert check(bilingual_passages(CATALOGUE_FILE, REPO), spellers) == []


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the line that says ``old`` with ``new``; the line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, text in enumerate(lines) if text.strip() == old)
    lines[index] = lines[index].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


@pytest.fixture
def mistaken_copy(tmp_path):
    """A copy of the fixture site with Welsh mistakes hidden in a post, the plan and the site's strings."""
    require(all(path.exists() for path in DICTIONARIES), NEEDS)
    root = copy_site_sources(tmp_path / "repo")
    (root / "node_modules").symlink_to(NODE_TOOLS)
    lines = {
        "post": _replace(root / "docs/cy/posts/missions/digital-skills.md", "## Pam mae hyn yn bwysig",
                         "## Pam mae hyn yn bwysig\n\nMae'r strategeath yn helpu pobl yng Caerdydd ac ym Bangor.") + 2,
        "plan": _replace(root / "data/plan.yaml", "cy: Prif Swyddog Digidol llywodraeth leol",
                         "cy: Prif Swyddog Digidol ar gyfer fy cymuned a llywodraethh leol"),
        "strings": _replace(root / "strings.yml", 'cy: "y cynllun cyfan"',
                            'cy: "y cynllun cyfan, i pob cymuned a Cymru gyfaan"'),
    }
    return root, lines


def test_hidden_mistakes_in_a_post_the_plan_and_a_site_string_are_each_reported_with_file_and_line(
        mistaken_copy):
    root, lines = mistaken_copy
    post, plan, catalogue = ("docs/cy/posts/missions/digital-skills.md", "data/plan.yaml", "strings.yml")
    reported = findings(proof(root))
    expected = [
        (post, lines["post"], "unknown Welsh word 'strategeath'; suggestions: strategaeth"),
        (post, lines["post"], "missing mutation: 'yng Caerdydd' should be 'yng Nghaerdydd' (nasal mutation after 'yng')"),
        (post, lines["post"], "missing mutation: 'ym Bangor' should be 'ym Mangor' (nasal mutation after 'ym')"),
        (plan, lines["plan"], "missing mutation: 'fy cymuned' should be 'fy nghymuned' (nasal mutation after 'fy')"),
        (plan, lines["plan"], "unknown Welsh word 'llywodraethh'"),
        (catalogue, lines["strings"], "missing mutation: 'i pob' should be 'i bob' (soft mutation after 'i')"),
        (catalogue, lines["strings"], "missing mutation: 'a Cymru' should be 'a Chymru' (aspirate mutation after 'a')"),
        (catalogue, lines["strings"], "unknown Welsh word 'gyfaan'"),
    ]
    for file, line, message in expected:
        assert any(f == file and n == line and m.startswith(message) for f, n, m in reported), (file, line, message)
    assert len(reported) == len(expected), reported


def test_the_report_speaks_the_editors_language_and_writes_the_totals_for_the_editors_page(mistaken_copy):
    root, _ = mistaken_copy
    result = run_strategy(root, "proof", env={"STRATEGY_LANG": "cy"})
    assert result.returncode == 0 and result.stdout.startswith("Adroddiad prawfddarllen")
    assert ("treiglad coll: dylai 'yng Caerdydd' fod yn 'yng Nghaerdydd' (treiglad trwynol ar ôl 'yng')"
            in result.stdout)
    assert "gair Cymraeg anhysbys 'strategeath'" in result.stdout
    report = json.loads((root / "data/proofing-report.json").read_text(encoding="utf-8"))
    totals = {row["file"]: (row["language"], row["unknown_words"], row["missing_mutations"]) for row in report["files"]}
    assert totals == {"docs/cy/posts/missions/digital-skills.md": ("cy", 1, 2), "data/plan.yaml": ("en cy", 1, 1),
                      "strings.yml": ("en cy", 1, 2)}
    assert report["checked_files"] == len(list((root / "docs").rglob("*.md"))) + 2


@pytest.mark.parametrize("text", [
    "Mae'r strategaeth yng Nghymru ac i Gymru, a Chymru; am Genhadaeth 2 gyda phobl leol.",
    "Rydyn ni'n gweithio i'w gwella, wedi'i chyhoeddi, fy nghymuned, ym Mangor, yng Nghaerdydd.",
    "o dan y cynllun, i gyd, ar gael, am ddim, i mewn, am byth, drwy Fusnes Cymru, tri cham, chwe chenhadaeth.",
    "Cyhoeddi Safonau Gwasanaeth Digidol Cymru ar-lein a dysgu sgiliau digidol.",
])
def test_correct_mutated_and_clitic_forms_are_never_reported(welsh, text):
    assert check_passage(Passage("x.md", 1, "cy", text), welsh) == []


def test_code_urls_tags_and_english_passages_are_left_out_of_welsh_text():
    text = ("Rhedwch `make proof` ar [y dudalen](https://example.org/page) neu <https://x.example>,\n"
            "<span lang=\"en\">Digital Wales</span> a *Digital Strategy*{lang=en} ac e-bost@example.org.\n"
            "```\ncode block\n```\n<!-- strategy:feeds -->\n\nA paragraph in English\n{: lang=en }\n\nDiwedd.")
    cleaned = clean_markdown(text, "cy")
    for left_out in ("make", "proof", "https", "example", "page", "Digital", "Strategy", "code", "strategy", "span",
                     "paragraph"):
        assert left_out not in cleaned, left_out
    assert "Rhedwch" in cleaned and "y dudalen" in cleaned and "Diwedd" in cleaned
    assert cleaned.count("\n") == text.count("\n")  # line numbers stay true


def test_missing_dictionaries_are_one_clear_message_each_and_a_failure(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    report_before = (root / "data/proofing-report.json").read_bytes()
    result = run_strategy(root, "proof")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"The {name} dictionary is missing (node_modules/{package}/index.dic). Run `make proof`, which installs it "
        "with `npm` (`Node.js` and `npm` are needed)."
        for name, package in (("English", "dictionary-en-gb"), ("Welsh", "dictionary-cy"))]
    assert (root / "data/proofing-report.json").read_bytes() == report_before  # nothing written


def test_the_editors_page_shows_the_committed_totals_and_is_not_in_the_menus(built_site):
    checked = json.loads((FIXTURE / "data/proofing-report.json").read_text(encoding="utf-8"))["checked_files"]
    for folder, summary in (("", f"No unknown words and no missing mutations. Files checked: {checked}."),
                            ("cy/", f"Dim geiriau anhysbys a dim treigladau coll. Ffeiliau a wiriwyd: {checked}.")):
        page = parse(built_site / folder / "proofing-report/index.html")
        assert summary in [p.text_content() for p in page.cssselect("article p")]
        assert "proofing-report" not in (built_site / folder / "index.html").read_text(encoding="utf-8")


def test_the_editors_page_lists_each_file_with_findings(site_copy, tmp_path):
    report = {"checked_files": 42, "files": [
        {"file": "data/plan.yaml", "language": "en cy", "unknown_words": 2, "missing_mutations": 1},
        {"file": "docs/cy/index.md", "language": "cy", "unknown_words": 0, "missing_mutations": 3}]}
    (site_copy / "data/proofing-report.json").write_text(json.dumps(report), encoding="utf-8")
    assert build(site_copy, tmp_path / "site").returncode == 0
    page = parse(tmp_path / "site/cy/proofing-report/index.html")
    table = page.cssselect("table.strategy-table--proofing")[0]
    assert table.cssselect("caption")[0].text_content() == "Ffeiliau â chanfyddiadau yn yr adroddiad prawfddarllen diwethaf"
    assert [[cell.text_content() for cell in row.cssselect("th, td")] for row in table.cssselect("tbody tr")] == [
        ["data/plan.yaml", "Saesneg, Cymraeg", "2", "1"], ["docs/cy/index.md", "Cymraeg", "0", "3"]]
    assert "Geiriau anhysbys: 2. Treigladau coll: 4. Ffeiliau ag un neu'r llall: 2 o 42." in page.text_content()
