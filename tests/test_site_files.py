"""What may sit under docs/ beside the pages (src/strategy/site_files.py), as an editor
meets it: a picture in both languages is published with its page; a file too large, of a
kind the site does not publish or at an address that is not its own is one message naming
it; and, for any tree hypothesis makes of names, kinds, sizes, links (in docs/, data/,
schemas/ and overrides/) and images, the check's answer is success or messages naming
files, never a traceback.

Each mistake's exact message is a case in tests/broken_content/ (checked and built there).
"""

from __future__ import annotations

import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image

from conftest import build, copy_site_sources, run_strategy
from strategy.problems import ContentError
from strategy.publication import check_content
from strategy.site_files import FILE_KINDS, MARKDOWN_MOST_BYTES

POST = "posts/setting-the-context.md"  # a post of the fixture site, in both languages


def picture(colour: str = "#a3001b", kind: str = "PNG") -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(data, kind)
    return data.getvalue()


def add_to_body(root: Path, language: str, markdown: str) -> None:
    file = root / "docs" / language / POST
    file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + markdown + "\n", encoding="utf-8")


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images_of(page: Path) -> list[dict]:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.images


def test_a_picture_kept_in_both_language_folders_is_shown_by_each_languages_page(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    for language, alt in (("en", "Children coding in the library"), ("cy", "Plant yn codio yn y llyfrgell")):
        (root / "docs" / language / "posts/images").mkdir()
        (root / "docs" / language / "posts/images/club.png").write_bytes(picture())
        (root / "docs" / language / "posts/images/line.png").write_bytes(picture("#ffdd00"))
        add_to_body(root, language, f"![{alt}](images/club.png)\n\n![](images/line.png){{: .decorative }}")

    checked = run_strategy(root, "check")
    built = build(root, tmp_path / "site")

    assert checked.returncode == 0, checked.stderr
    assert built.returncode == 0, built.stderr
    for folder, alt in (("", "Children coding in the library"), ("cy/", "Plant yn codio yn y llyfrgell")):
        page = tmp_path / "site" / folder / "posts/setting-the-context/index.html"
        shown = {image["alt"]: (page.parent / image["src"]).resolve() for image in images_of(page)}
        assert shown[alt].read_bytes() == picture()  # the address on the page leads to the picture
        assert shown[""].read_bytes() == picture("#ffdd00")  # the decorative one, with empty alt text
        assert shown[alt].is_relative_to((tmp_path / "site" / folder).resolve())  # each language's own copy


@pytest.mark.parametrize("linked", ["mkdocs.yml", "docs", "data", "overrides"])
def test_an_input_that_is_itself_a_link_out_of_the_repository_is_refused_before_it_is_read(tmp_path, linked):
    """The folders and file a build reads, moved out of the repository and linked to: the
    same content, from elsewhere (a symbolic link in a commit can lead anywhere)."""
    root = copy_site_sources(tmp_path / "repo")
    (root / linked).rename(tmp_path / linked)
    (root / linked).symlink_to(tmp_path / linked)

    checked = run_strategy(root, "check")
    built = build(root, tmp_path / "site")

    for result in (checked, built):
        said = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in said, said
        assert f"{linked}: file: expected a file or folder itself, not a symbolic link" in said, said
    assert not (tmp_path / "site").exists()


def sparse(path: Path, head: bytes, size: int) -> None:
    """A file of ``size`` bytes starting with ``head``, without writing them all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        file.write(head)
        file.truncate(size)


def test_a_file_too_large_is_refused_with_its_size_before_it_is_read(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    png = next(kind for kind in FILE_KINDS if kind.name == "PNG")
    sparse(root / "docs/en/posts/images/huge.png", picture(), png.most_bytes + 1)
    sparse(root / "docs/cy/posts/images/huge.png", picture(), 100 * 1000 * 1000)
    long_post = root / "docs/en/posts/long.md"
    long_post.write_text("---\nkind: post\ntitle: Long\n---\n" + "Words and words.\n" * (MARKDOWN_MOST_BYTES // 16),
                         encoding="utf-8")

    result = run_strategy(root, "check")

    assert result.returncode == 1
    assert "docs/en/posts/images/huge.png: file: expected a PNG file of at most 5.0 MB, found 5,000,001 bytes" in result.stderr
    assert "docs/cy/posts/images/huge.png: file: expected a PNG file of at most 5.0 MB, found 100.0 MB" in result.stderr
    assert "docs/en/posts/long.md: file: expected a Markdown file of at most 500 KB, found 531 KB" in result.stderr
    assert "docs/cy/posts/long.md" not in result.stderr  # a refused page is not read: no missing twin besides
    assert "Traceback" not in result.stderr


def test_a_pipe_named_as_a_picture_is_refused_without_being_opened(tmp_path):
    # Opening a pipe would wait for a writer for ever.
    root = copy_site_sources(tmp_path / "repo")
    os.mkfifo(root / "docs/en/pipe.png")

    result = run_strategy(root, "check")

    assert result.returncode == 1
    assert "docs/en/pipe.png: file: expected an ordinary file or folder, found a special file" in result.stderr


def test_a_name_no_address_can_carry_is_refused_shown_escaped(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    (root / "docs/en/line\nbreak.png").write_bytes(picture())
    os.close(os.open(os.fsencode(root / "docs/cy") + b"/llun-\xff.png", os.O_CREAT | os.O_WRONLY))  # not UTF-8

    result = run_strategy(root, "check")

    assert result.returncode == 1
    assert "docs/en/line\\x0abreak.png: file: expected a name of letters, digits and punctuation" in result.stderr
    assert "docs/cy/llun-\\udcff.png: file: expected a name of letters" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_where_the_site_writes_the_plans_history_or_its_updates_feed_is_refused(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    (root / "docs/en/data").mkdir(parents=True)
    (root / "docs/en/data/plan-history.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "docs/cy/progress").mkdir(parents=True)
    (root / "docs/cy/progress/feed.xml.md").write_text("# Porthiant\n", encoding="utf-8")

    result = run_strategy(root, "check")

    assert result.returncode == 1
    assert "where the site writes its own 'data/plan-history.csv'" in result.stderr
    assert "where the site writes its own 'cy/progress/feed.xml'" in result.stderr


def test_a_page_whose_html_a_feed_could_not_carry_is_refused_by_its_size(tmp_path):
    # Under the Markdown limit, but each abbreviation grows into its tooltip's markup.
    root = copy_site_sources(tmp_path / "repo")
    add_to_body(root, "en", "*[HTML]: HyperText Markup Language, as browsers read it\n\n" + "HTML " * 30000)

    result = run_strategy(root, "check")

    assert result.returncode == 1
    assert re.search(r"docs/en/posts/setting-the-context\.md: file: expected a page whose HTML \(which each feed "
                     r"carries whole\) is at most 2\.0 MB: split it into several posts, found 2\.\d MB", result.stderr)


def test_the_messages_are_in_welsh_for_a_welsh_editor(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    (root / "docs/cy/sgript.js").write_text("alert(1)\n", encoding="utf-8")
    (root / "docs/cy/llun.PNG").write_bytes(picture())
    add_to_body(root, "cy", "![](llun.png)")

    result = run_strategy(root, "check", env={"STRATEGY_LANG": "cy"})

    assert result.returncode == 1
    assert "docs/cy/sgript.js: ffeil: disgwylid tudalen (.md) neu ffeil o fath" in result.stderr
    assert "docs/cy/llun.PNG: ffeil: disgwylid" in result.stderr and "rhowch yr enw '.png' iddi, mewn llythrennau bach" in result.stderr
    assert re.search(r"docs/cy/posts/setting-the-context\.md:\d+: ffeil: disgwylid delwedd gyda thestun amgen",
                     result.stderr)
    assert "expected" not in result.stderr


# --- any tree: success, or messages that name files -------------------------------------------

NAMES = st.text(alphabet="abcxyz-_ .é", min_size=1, max_size=8).filter(lambda name: name.strip(" .") == name)
EXTENSIONS = st.sampled_from(["png", "jpg", "jpeg", "gif", "webp", "pdf", "csv", "txt", "md", "svg", "js", "css",
                              "html", "xml", "PNG", "", "tar.gz"])
CONTENTS = st.sampled_from(["png", "jpeg", "gif", "pdf", "text", "html", "binary", "empty"])
SIZES = st.sampled_from(["small", "over the limit"])
LINK_TARGETS = st.sampled_from(["/etc/passwd", ".", "..", "../..", "no-such-file", "../../en", "/"])
ADDRESSES = st.sampled_from(["images/{name}", "../{name}", "../../../../etc/passwd", "/\\evil.example", "/{name}",
                             "//other.example/x.png", "images/no-such.png", "{name}#x", "%2e%2e/{name}"])


def _content(kind: str) -> bytes:
    return {"png": picture(), "jpeg": picture(kind="JPEG"), "gif": picture(kind="GIF"), "pdf": b"%PDF-1.4\n%%EOF\n",
            "text": "a,b\n1,2\n".encode(), "html": b"<html><script>alert(1)</script></html>",
            "binary": bytes(range(256)), "empty": b""}[kind]


@st.composite
def trees(draw):
    """Files (path in docs/, bytes, size), links (path in the repository, target) and image lines
    (language, markdown)."""
    files, links, lines = [], [], []
    for _ in range(draw(st.integers(1, 4))):
        language = draw(st.sampled_from(["en", "cy"]))
        folder = draw(st.sampled_from(["posts/images", "posts", "", "assets/javascripts", "search", "cy", "feeds/x"]))
        extension = draw(EXTENSIONS)
        name = draw(NAMES) + (f".{extension}" if extension else "")
        files.append((f"{language}/{folder}/{name}".replace("//", "/"), _content(draw(CONTENTS)), draw(SIZES)))
    for _ in range(draw(st.integers(0, 2))):
        # under docs/, or in the other folders a build reads (a theme's file is published as it is)
        folder = draw(st.sampled_from(["docs/en", "docs/cy", "data", "data/published", "overrides/assets", "schemas"]))
        links.append((f"{folder}/{draw(NAMES)}", draw(LINK_TARGETS)))
    for _ in range(draw(st.integers(0, 3))):
        name = files[draw(st.integers(0, len(files) - 1))][0].rsplit("/", 1)[-1]
        address = draw(ADDRESSES).format(name=name)
        alt = draw(st.sampled_from(["", "A picture", "Llun"]))
        image = draw(st.booleans())
        lines.append((draw(st.sampled_from(["en", "cy"])), f"{'!' if image else ''}[{alt}]({address})"))
    return files, links, lines


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A copy of the fixture site, and its posts as they are, to put back after each example."""
    root = copy_site_sources(tmp_path_factory.mktemp("tree") / "repo")
    posts = {language: (root / "docs" / language / POST).read_text(encoding="utf-8") for language in ("en", "cy")}
    return root, posts


def _limit_of(path: str) -> int:
    extension = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    kind = next((kind for kind in FILE_KINDS if extension in kind.extensions), None)
    return kind.most_bytes if kind else MARKDOWN_MOST_BYTES


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees())
def test_any_tree_is_checked_to_success_or_messages_naming_its_files(scratch, tree):
    root, posts = scratch
    files, links, lines = tree
    made, made_over = [], set()  # every file and link this example made; the files made over their limit
    try:
        for path, content, size in files:
            target = root / "docs" / path
            if target.exists() or target.is_symlink():
                continue
            if size == "over the limit":
                sparse(target, content, _limit_of(path) + 1)
                made_over.add(f"docs/{path}")
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            made.append(target)
        for path, destination in links:
            link = root / path
            if not (link.exists() or link.is_symlink()):
                link.parent.mkdir(parents=True, exist_ok=True)  # overrides/assets/, which the fixture lacks
                link.symlink_to(destination)
                made.append(link)
        for language, line in lines:
            add_to_body(root, language, line)
        written = {str(path.relative_to(root)) for path in made} | {f"docs/{language}/{POST}" for language, _ in lines}

        try:
            check_content(root)
            problems = []
        except ContentError as error:
            problems = error.problems

        for problem in problems:
            named = problem.file
            assert any(named == file or file.startswith(named + "/") for file in written), str(problem)
            assert named in str(problem)
        refused = {str(link.relative_to(root)) for link in made if link.is_symlink()}
        refused |= made_over | {str(path.relative_to(root)) for path in made if not path.is_symlink()
                                and path.suffix in (".svg", ".js", ".css", ".html", ".xml")}
        assert refused <= {problem.file for problem in problems} | _shadowed(refused, made, root)
    finally:
        for path in sorted(made, key=lambda path: -len(path.parts)):
            path.unlink()
        for language, text in posts.items():
            (root / "docs" / language / POST).write_text(text, encoding="utf-8")
        for folder in sorted((p for p in (root / "docs").rglob("*") if p.is_dir() and not p.is_symlink()),
                             key=lambda path: -len(path.parts)):
            if not any(folder.iterdir()):
                folder.rmdir()


def _shadowed(refused: set[str], made: list[Path], root: Path) -> set[str]:
    """Files never reached: inside a folder that is itself a refused link."""
    links = [str(path.relative_to(root)) for path in made if path.is_symlink()]
    return {file for file in refused if any(file.startswith(link + "/") for link in links)}
