"""The content model is the one reader of content: MkDocs is handed each page's
Markdown and title by the hooks, the page's heading is its title, and a title is
text wherever it is printed, escaped once for its format."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import feedparser
import pytest

from conftest import build, heading, parse, run_strategy
from strategy.bodies import TITLE_HEADING_EXPECTED, BodyChecker

TITLE = "Tools & <tags> for \"everyone\" & 'anyone'"
TITLE_CY = "Offer & <tagiau> i \"bawb\""
POST = "posts/missions/digital-economy.md"


def _retitle(root, relative: str, title: str) -> None:
    path = root / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(number for number, line in enumerate(lines) if line.startswith("title:"))
    lines[index] = "title: " + json.dumps(title, ensure_ascii=False)  # a YAML string (JSON is YAML)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_title_with_markup_characters_is_text_everywhere_it_is_printed(site_copy, tmp_path):
    _retitle(site_copy, f"docs/en/{POST}", TITLE)
    _retitle(site_copy, f"docs/cy/{POST}", TITLE_CY)
    assert run_strategy(site_copy, "translated", f"docs/cy/{POST}").returncode == 0
    site = tmp_path / "site"
    result = build(site_copy, site)
    assert result.returncode == 0, result.stderr

    for folder, title in (("", TITLE), ("cy/", TITLE_CY)):
        page = parse(site / folder / "posts/missions/digital-economy/index.html")
        assert heading(page) == title
        assert page.cssselect("h1")[0].get("id")  # the skip link and the permalink lead to it
        assert page.cssselect("title")[0].text_content().startswith(f"{title} - ")
        assert page.cssselect("[data-md-component=header-topic] .md-ellipsis")[0].text_content().strip() == title
        for meta in ('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[property="og:image:alt"]'):
            assert page.cssselect(meta)[0].get("content") == title, meta
        # Where other pages name it: the series navigation, the archive, the mission index.
        links = [link.text_content() for other in ("posts/missions/digital-inclusion/index.html", "archive/index.html",
                                                   "index.html")
                 for link in parse(site / folder / other).cssselect("a")]
        assert any(title in text for text in links)
        for name in ("feed.xml", "atom.xml"):
            titles = [entry.title for entry in feedparser.parse((site / folder / name).read_bytes()).entries]
            assert title in titles, name
        assert title in [item["title"] for item in json.loads((site / folder / "feed.json").read_text())["items"]]
        assert title in [document[1] for document in json.loads((site / folder / "search/docs/0.json").read_text())]

    # Never printed as markup, never escaped twice, in any page or feed.
    for path in [*site.rglob("*.html"), *site.rglob("*.xml")]:
        text = path.read_text(encoding="utf-8")
        for tag in ("tags", "tagiau"):
            assert f"<{tag}>" not in text and f"&amp;lt;{tag}" not in text, path


_RECORD_READS = """
import sys
import mkdocs.structure.files as files
from mkdocs.__main__ import cli

reads = []
read = files.File.content_string.fget

def recording(file):
    if file.src_uri.endswith(".md"):
        reads.append(file.src_uri)
    return read(file)

files.File.content_string = property(recording, files.File.content_string.fset)
try:
    cli.main(["build", "--strict", "-q", "-d", sys.argv[1]], standalone_mode=False)
finally:
    print("\\n".join(reads))
"""


def test_mkdocs_reads_no_page_file_itself(site_copy, tmp_path):
    # One process (no side-by-side languages), so that every read is seen.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "STRATEGY_SEQUENTIAL": "1", "STRATEGY_BUILD_DATE": "2026-11-25", "STRATEGY_PREVIEW": "0"}
    result = subprocess.run([sys.executable, "-c", _RECORD_READS, str(tmp_path / "site")], cwd=site_copy, env=env,
                            capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/posts/missions/digital-economy/index.html").is_file()
    assert (tmp_path / "site/cy/posts/missions/digital-economy/index.html").is_file()
    read_from_disk = [uri for uri in result.stdout.split() if (site_copy / "docs" / uri).is_file()]
    assert read_from_disk == []


def test_a_translation_to_follow_is_titled_and_headed_as_its_source(site_copy, tmp_path):
    (site_copy / f"docs/cy/{POST}").unlink()
    source = site_copy / f"docs/en/{POST}"
    source.write_text(source.read_text(encoding="utf-8").replace("mission: digital-economy\n",
                                                                  "mission: digital-economy\ntranslation: to-follow\n"))
    _retitle(site_copy, f"docs/en/{POST}", TITLE)

    result = build(site_copy, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    page = parse(tmp_path / "site/cy/posts/missions/digital-economy/index.html")
    assert page.get("lang") == "cy"
    title = page.cssselect("h1")[0]
    assert (heading(page), title.get("lang")) == (TITLE, "en")
    assert page.cssselect("title")[0].text_content().startswith(f"{TITLE} - ")
    body = page.cssselect("div.strategy-untranslated")[0]
    assert body.get("lang") == "en"
    assert "Why this matters" in [h2.text_content().strip("¶ ") for h2 in body.cssselect("h2")]
    assert not body.cssselect("h1")


def test_a_title_written_again_in_the_text_is_refused_at_its_line(site_copy):
    source = site_copy / f"docs/en/{POST}"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n---\n\n", "\n---\n\n# Digital economy\n\n", 1), encoding="utf-8")
    line = text.split("\n").index("---", 1) + 3

    result = run_strategy(site_copy, "check")

    assert result.returncode != 0
    assert (f"docs/en/{POST}:{line}: file: expected no '# ' heading in the text (the site shows the 'title' "
            "from the front matter as the page's heading") in result.stdout + result.stderr
    assert "found the heading 'Digital economy'" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("body, line", [
    ("Intro.\n\n# A second title\n\nText.\n", 3),
    ("Intro.\n\n> quoted\n>\n> #A title in a quotation\n", 5),
    ("- an item\n\n    Its title\n    =========\n", 4),  # the line that makes it a heading
])
def test_a_heading_that_would_be_a_second_title_is_refused_where_it_is_written(body, line):
    problems = BodyChecker().add("docs/en/x.md", "x.md", body, body_line=10, languages=("en",))

    assert [(problem.line, problem.expected) for problem in problems] == [(9 + line, TITLE_HEADING_EXPECTED)]


def test_headings_within_the_text_pass():
    body = "## Why\n\nText\n---\n\n```\n# a comment in code\n```\n\n    # indented code\n\n\\# not a heading\n"
    assert BodyChecker().add("docs/en/x.md", "x.md", body, body_line=10, languages=("en",)) == []
