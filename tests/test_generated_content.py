"""Generated content (hypothesis): whatever an editor writes, the check either accepts it
or names the file; it never ends in a traceback, and what it accepts is safe HTML.

The check runs in-process (strategy.publication.check_content, what `make check` runs)
on a small site: the site's mkdocs.yml, the fixture's delivery plan (tests/fixture_site),
a home page, and the generated files. Two real builds of the fixture site show the same
for hostile bodies, and write no site. Example counts and seeding: see conftest.py.
"""

from __future__ import annotations

import copy
import html
import os
import re
import shutil
from datetime import date
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, FIXTURE, REPO, build, copy_site_sources
from strategy.problems import ContentError
from strategy.publication import check_content
from strategy.rendering import MarkdownSettings, Renderer
from strategy.safe_html import POST_TAGS, URL_SCHEMES, unsafe_markup
from strategy.settings import site_config

SOURCE, TRANSLATION = "docs/en/posts/generated.md", "docs/cy/posts/generated.md"
PLAN = "data/plan.yaml"

# Markup that must never reach a reader, in the forms that get past word lists.
HOSTILE = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="jav&#x61;script:alert(1)">x</a>',
    '[x](javascript&colon;alert(1))', '[x](https://example.org/){: onclick="alert(1)" }',
    '<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">',
    '<iframe src="https://elsewhere.example/"></iframe>', '<svg onload=alert(1)>', '<object data=x></object>',
    '<embed src=x>', '<form action=x><input name=a></form>', '<style>*{display:none}</style>',
    '<base href="https://elsewhere.example/">', '[d](data:text/html,<script>alert(1)</script>)',
    '<p style="position:fixed">x</p>', '<body onload=alert(1)>', '</div></article>',
    '<a href="java&#9;script:alert(1)">t</a>', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<!-- x --!><script>alert(1)</script> -->', '<template><script>alert(1)</script></template>',
    '## Heading {: onmouseover="alert(1)" }', '<details open ontoggle=alert(1)>x</details>',
    '<a href="\x01javascript:alert(1)">x</a>', '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<abbr title="x" onclick=alert(1)>y</abbr>', '<table><tr><td><script>alert(1)</script></td></tr></table>',
    '<div markdown>\n<script>alert(1)</script>\n</div>', '!!! note\n    <script>alert(1)</script>',
    'Text[^1]\n\n[^1]: <img src=x onerror=alert(1)>', '[ref]: javascript:alert(1)\n\n[a link][ref]',
    '<a href="vbscript:msgbox(1)">v</a>', '<link rel=stylesheet href=x.css>', '<textarea><script>x</script>',
]
# Markdown an editor writes every day, and the markup a post may use.
EVERYDAY = [
    '# A heading', '## Another {#another}', '- an item\n- another', '1. one\n2. two', '> A quotation.',
    '| a | b |\n|---|---|\n| 1 | 2 |', '**bold** and *emphasis* and ~~gone~~', '[home](../index.md)',
    '[a heading](#another)', '<https://example.org/>', '[mail](mailto:a@example.org)', '`<script>` in code',
    '```html\n<script>alert(1)</script>\n```', '!!! note "A note"\n    Text.', '??? tip "More"\n    Hidden.',
    'Term\n:   Its meaning', '- [x] done\n- [ ] to do', '<span lang="cy">Cymraeg</span>', 'H~2~O', '***',
    '*[HTML]: Hypertext Markup Language\n\nHTML', '<details><summary>More</summary>Text</details>',
    'Footnote[^n]\n\n[^n]: The note.', '![A picture](picture.png){: width="100" }', 'Caerdydd – Ynys Môn ŵ ŷ',
]
CONTROL = [chr(c) for c in (*range(0, 32), 127, *range(0x80, 0xA0))] + ["\u2028", "\ufeff", "\ud800"]

texts = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(CONTROL)), max_size=30)
bodies = st.builds(lambda parts, joiner: joiner.join(parts),
                   st.lists(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(EVERYDAY), texts), max_size=6),
                   st.sampled_from(["\n\n", "\n", " "]))
dates = st.one_of(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat),
                  st.from_regex(r"\A20\d\d-[01]\d-[0-3]\d\Z"), texts, st.integers(), st.none())
date_times = st.one_of(st.from_regex(r"\A202[6-8]-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d\Z"), texts)


def front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """The fixture's mkdocs.yml, strings and delivery plan, a home page in each language, nothing else."""
    root = tmp_path_factory.mktemp("generated") / "repo"
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copy2(FIXTURE / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(FIXTURE / "strings.yml", root / "strings.yml")
    (root / "docs/en/posts").mkdir(parents=True)
    (root / "docs/cy/posts").mkdir(parents=True)
    (root / "docs/en/index.md").write_text("---\nkind: page\ntitle: Home\n---\n\nWelcome.\n", encoding="utf-8")
    (root / "docs/cy/index.md").write_text("---\ntranslated_from: en\ntitle: Hafan\n---\n\nCroeso.\n", encoding="utf-8")
    os.environ.setdefault("STRATEGY_BUILD_DATE", BUILD_DATE)  # the check publishes as of this day
    return root


def checked(root: Path, files: set[str]):
    """The check's verdict: the publication, or None after asserting that every problem
    names one of ``files`` and prints as one line. Any other exception fails the test."""
    try:
        return check_content(root)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file in files, f"{problem} names none of {files}"
            assert "\n" not in str(problem) and not re.search("[\x00-\x1f\x7f]", str(problem))
        return None


def write_post(root: Path, source: bytes | str, translation: str) -> None:
    for relative, content in ((SOURCE, source), (TRANSLATION, translation)):
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogatepass")
        (root / relative).write_bytes(content)


def assert_safe(html_text: str) -> None:
    """What the allowlist promises, seen by a different HTML parser (libxml2, not html5ever)."""
    assert unsafe_markup(html_text) == [], "the sanitizer would change HTML the check accepted"
    tree = lxml.html.fragment_fromstring(html_text, create_parent="div")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        assert element.tag == "div" and element is tree or element.tag in POST_TAGS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") and name.lower() != "style", (element.tag, name)
            if name in ("href", "src", "cite"):
                url = re.sub(r"[\t\n\r]", "", html.unescape(value)).strip("".join(map(chr, range(33))))
                scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
                assert scheme is None or scheme.group(1).lower() in URL_SCHEMES, value
                if element.tag == "img":
                    assert scheme is None and not url.startswith("//"), f"an image from another site: {value}"


def rendered(root: Path, markdown: str) -> str:
    return Renderer(MarkdownSettings.from_config_list(site_config(root)["markdown_extensions"])).render(markdown)


@given(title=texts, summary=texts, published=dates, extra=st.dictionaries(texts, texts, max_size=2),
       kind=st.sampled_from(["series", "event", "showcase", "page", "nonsense"]),
       start=date_times, end=date_times, location=texts)
def test_generated_front_matter_is_accepted_or_named(small_site, title, summary, published, extra, kind, start, end,
                                                     location):
    source = {"kind": kind, "id": "generated", "title": title, "summary": summary, "date": published, **extra}
    translation = {"translated_from": "en", "title": title, "summary": summary}
    if kind == "event":
        source.update(start=start, end=end, location=location)
        translation["location"] = location
    elif kind == "showcase":
        source["mission"] = "digital-services"
    write_post(small_site, front_matter(source) + "\nText.\n", front_matter(translation) + "\nTestun.\n")

    publication = checked(small_site, {SOURCE, TRANSLATION})

    if publication is not None:
        post = publication.content.entry_at("posts/generated.md")
        for language in ("en", "cy"):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", post.title.in_language(language))


@given(body=bodies, translated_body=bodies)
def test_generated_bodies_are_refused_or_safe(small_site, body, translated_body):
    source = front_matter({"kind": "series", "id": "generated", "title": "A post", "summary": "S.", "date": "2026-11-02"})
    translation = front_matter({"translated_from": "en", "title": "Cofnod", "summary": "C."})
    write_post(small_site, source + body, translation + translated_body)

    publication = checked(small_site, {SOURCE, TRANSLATION})

    if publication is not None:
        for markdown in (body, translated_body):
            assert_safe(rendered(small_site, markdown))


VALID_SOURCE = ("---\nkind: series\nid: generated\ntitle: Caerdydd – Môn\nsummary: Ŵ ŷ â.\ndate: 2026-11-02\n---\n\n"
                "Testun â ŵ ac ŷ.\n")


@given(content=st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=200).map(lambda noise: VALID_SOURCE.encode("utf-8") + noise),
    st.just(VALID_SOURCE.encode("latin-1", "replace")),
    st.just(VALID_SOURCE.encode("cp1252", "replace")),
    st.just(b"\xef\xbb\xbf" + VALID_SOURCE.encode("utf-8")),
    st.just(VALID_SOURCE.encode("utf-16")),
))
def test_generated_file_bytes_are_accepted_or_named(small_site, content):
    write_post(small_site, content, front_matter({"translated_from": "en", "title": "Cofnod", "summary": "C."}) + "\nT.\n")

    checked(small_site, {SOURCE, TRANSLATION})


def test_a_byte_order_mark_is_accepted(small_site):
    write_post(small_site, b"\xef\xbb\xbf" + VALID_SOURCE.encode("utf-8"),
               "\ufeff" + front_matter({"translated_from": "en", "title": "Cofnod", "summary": "C."}) + "\nT.\n")

    assert check_content(small_site).content.entry_at("posts/generated.md").title.en == "Caerdydd – Môn"


def _paths(value, path=()):
    """Every path into the plan's data, for mutations to aim at."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def mutated(data, mutations):
    """A copy of ``data`` with each (path, "replace" or "remove", value) applied."""
    data = copy.deepcopy(data)
    for path, how, value in mutations:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if how == "remove":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the way there
    return data


PLAN_DATA = yaml.safe_load((FIXTURE / PLAN).read_text(encoding="utf-8"))
PLAN_PATHS = [path for path in _paths(PLAN_DATA) if path]
replacements = st.one_of(texts, dates, st.integers(), st.booleans(), st.none(), st.lists(texts, max_size=2),
                         st.dictionaries(texts, texts, max_size=2), st.just({"en": "\x07", "cy": "ok"}))


@given(mutations=st.lists(st.tuples(st.sampled_from(PLAN_PATHS), st.sampled_from(["replace", "remove"]), replacements),
                          min_size=1, max_size=3))
def test_mutated_plans_are_accepted_or_named(small_site, mutations):
    data = mutated(PLAN_DATA, mutations)
    write_post(small_site, VALID_SOURCE, front_matter({"translated_from": "en", "title": "C", "summary": "C."}) + "\nT.\n")
    (small_site / PLAN).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8",
                                   errors="surrogatepass")
    try:
        checked(small_site, {PLAN})
    finally:
        shutil.copy2(FIXTURE / PLAN, small_site / PLAN)


CONFIG = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
PLUGIN = next(index for index, entry in enumerate(CONFIG["plugins"]) if isinstance(entry, dict) and "strategy" in entry)
OPTIONS = CONFIG["plugins"][PLUGIN]["strategy"]  # the site's options, under the plugin
OPTION_PATHS = [path for path in _paths(OPTIONS) if path]


@given(mutations=st.lists(st.tuples(st.sampled_from(OPTION_PATHS), st.sampled_from(["replace", "remove"]),
                                    st.one_of(replacements, date_times)), min_size=1, max_size=3))
def test_mutated_site_options_are_accepted_or_named(small_site, mutations):
    options = mutated(OPTIONS, mutations)
    plugins = [*CONFIG["plugins"][:PLUGIN], {"strategy": options}, *CONFIG["plugins"][PLUGIN + 1:]]
    config = {**CONFIG, "plugins": plugins}
    write_post(small_site, VALID_SOURCE, front_matter({"translated_from": "en", "title": "C", "summary": "C."}) + "\nT.\n")
    (small_site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8", errors="surrogatepass")
    try:
        compared = (options.get("compare_with") or {}) if isinstance(options, dict) else {}
        named = compared.get("file") if isinstance(compared, dict) else None
        checked(small_site, {"mkdocs.yml", "data/published/consultation-draft-1.json",
                             named if isinstance(named, str) else None})
    finally:
        shutil.copy2(FIXTURE / "mkdocs.yml", small_site / "mkdocs.yml")


# --- real builds ---------------------------------------------------------------

DANGEROUS = HOSTILE[:6]  # each of these alone makes a body unsafe


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory):
    """A copy of the fixture site's sources, to build."""
    return copy_site_sources(tmp_path_factory.mktemp("hostile-builds") / "repo")


@settings(max_examples=2)
@given(hostile=st.lists(st.sampled_from(DANGEROUS), min_size=1, max_size=3), text=st.lists(st.sampled_from(EVERYDAY)))
def test_a_build_refuses_a_hostile_body_naming_its_file_and_writes_no_site(fixture_copy, hostile, text):
    # That a refused build keeps the old site: test_content_errors.py (one test for every refusal).
    post = fixture_copy / "docs/cy/posts/setting-the-context.md"
    original = post.read_text(encoding="utf-8")
    post.write_text(original + "\n\n" + "\n\n".join(text + hostile) + "\n", encoding="utf-8")
    try:
        result = build(fixture_copy, fixture_copy.parent / "site")
    finally:
        post.write_text(original, encoding="utf-8")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/cy/posts/setting-the-context.md:" in output and "Traceback" not in output
    assert sorted(p.name for p in fixture_copy.parent.iterdir()) == ["repo"], "a site or a half-built one was left"
