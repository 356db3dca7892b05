"""The generator as another public body meets it: a package installed with pip, a new site
in one command (`strategy init`), and a site layer (its own strings, templates and
options) that changes nothing in the package."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import REPO, build, override, parse, run_strategy
from editor_language import english_words

STRATEGY = str(Path(sys.executable).with_name("strategy"))  # the console script pip installed
NAMES = {"--name": "Powys County Council: Digital <Plan> & *more*",
         "--name-cy": "Cyngor Sir Powys: Cynllun {Digidol} [a] mwy",
         "--url": "https://digital.powys.example/",
         "--email": "digital.plan@powys.example"}


def _environment(**extra: str) -> dict[str, str]:
    # A new body's shell: no PYTHONPATH, no setting of ours.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH" and not key.startswith("STRATEGY_")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def init(folder: Path, *args: str, strategy: str = STRATEGY, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([strategy, "init", str(folder), *args], capture_output=True, text=True,
                          cwd=folder.parent, env=env or _environment(), stdin=subprocess.DEVNULL)


def _options(values: dict[str, str]) -> list[str]:
    return [part for option, value in values.items() for part in (option, value)]


def _plugin_options(config: dict) -> dict:
    return next(entry["strategy"] for entry in config["plugins"] if isinstance(entry, dict) and "strategy" in entry)


# --- a fresh environment ---------------------------------------------------------------


def test_the_tests_and_the_developers_commands_run_this_checkouts_code():
    """`make test` installs the package editable (requirements.txt's "." alone would put a
    copy in the environment): a change to src/ is what the next test or command runs."""
    import strategy
    assert Path(strategy.__file__).resolve().parent == REPO / "src" / "strategy"


def test_the_readmes_new_site_commands_work_as_written_in_a_fresh_environment(tmp_path):
    """What the issue asks of a new body, as the README says it: `pip install` of the
    repository into a new virtual environment, `strategy init` into a new folder, then the
    new site's own commands there (its Makefile installs its requirements.txt afresh)."""
    from test_documented_commands import scratch_repository

    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## A new site for another body"):text.index("## Upgrading")]
    block = re.search(r"(?:^    \S.*\n)+", section, re.MULTILINE).group(0)
    commands = [line[4:] for line in block.splitlines()]
    assert commands[0].startswith("python3 -m venv") and "strategy init" in commands[1]
    root = scratch_repository(tmp_path / "work" / "repo")
    env = _environment(HOME=str(tmp_path / "home"))
    said = subprocess.run(["bash", "-euo", "pipefail", "-c", "\n".join(commands)], cwd=root, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=900)
    assert said.returncode == 0, said.stdout + said.stderr
    assert "Traceback" not in said.stderr and "WARNING" not in said.stderr, said.stderr
    site = tmp_path / "work" / "our-plan"
    assert (site / ".venv/bin/strategy").is_file()  # its own environment, from its requirements.txt
    assert parse(site / "site/index.html").findtext(".//title").endswith("Our Digital Plan")
    assert parse(site / "site/cy/index.html").findtext(".//title").endswith("Ein Cynllun Digidol")
    assert (site / "site/feed.xml").is_file() and (site / "site/cy/events.ics").is_file()


# --- strategy init -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    """A site `strategy init` wrote, built."""
    site = tmp_path_factory.mktemp("init") / "county plan"
    made = init(site, *_options(NAMES))
    assert made.returncode == 0, made.stdout + made.stderr
    said = made.stdout.splitlines()
    assert said[0] == f"Wrote a new site into {site}."
    assert said[-1] == f"Next: `cd {site}`, then `make check` and `make serve` (its `README.md` says more)."
    # The tests' package is installed from this folder: a line no other machine could install from, said.
    assert said[1:-1] == [f"Its `requirements.txt` installs this package from a folder on this machine ({REPO.as_uri()}): "
                          "before other machines (the site's checks on each change) can set it up, replace that line with "
                          "where your team gets the package, a git address or a released version."]
    assert f"mkdocs-strategy-site @ {REPO.as_uri()}" in (site / "requirements.txt").read_text(encoding="utf-8")
    result = build(site, site / "site", build_date=date.today().isoformat())  # its plan is as of today
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_new_site_has_a_bilingual_home_plan_and_mission_with_the_names_as_written(new_site):
    for prefix, name in (("", NAMES["--name"]), ("cy/", NAMES["--name-cy"])):
        home = parse(new_site / "site" / prefix / "index.html")
        assert home.findtext(".//title").endswith(name)
        assert home.cssselect(".md-content strong")[0].text_content() == name  # Markdown shows it as written
        mission = new_site / "site" / prefix / "posts/missions/first-mission/index.html"
        plan = parse(new_site / "site" / prefix / "delivery-plan/index.html")
        assert mission.is_file() and plan.cssselect("table")
    config = yaml.safe_load((new_site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_url"] == NAMES["--url"]
    assert _plugin_options(config)["feeds"]["id_authority"].startswith("digital.powys.example,")
    redirect = (new_site / "overrides/mike-redirect.html").read_text(encoding="utf-8")
    assert "Powys County Council: Digital &lt;Plan&gt; &amp; *more*" in redirect
    assert "{Digidol}" not in redirect  # mike renders it with Jinja: braces as entities


def test_a_new_site_checks_with_no_problem_and_no_warning(new_site):
    result = run_strategy(new_site, "check")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.startswith("No problems: 16 pages in 2 languages. The delivery plan: 1 mission, "), result.stdout
    welsh = run_strategy(new_site, "check", env={"STRATEGY_LANG": "cy"})
    # One mission: "un genhadaeth" (a feminine noun mutates after "un"), never "1 cenhadaeth".
    assert welsh.stdout.startswith("Dim problemau: 16 tudalen mewn dwy iaith. Y cynllun cyflawni: un genhadaeth, "), welsh.stdout


def test_a_new_site_words_its_feed_with_its_own_name_in_both_languages(new_site):
    assert "Every post of Powys County Council" in (new_site / "site/feed.xml").read_text(encoding="utf-8")
    assert "Pob cofnod o Gyngor Sir Powys" in (new_site / "site/cy/feed.xml").read_text(encoding="utf-8")


def test_a_renamed_site_is_named_anew_in_its_feeds_and_told_of_its_root_page(new_site, tmp_path):
    """What an owner changes to rename the site: the names in mkdocs.yml. The feeds follow;
    the one file that keeps the old names (mike's root page) is named by `make check`."""
    import shutil
    site = tmp_path / "renamed"
    names = iter(["Ceredigion's Plan", "Cynllun Ceredigion"])  # as typed in mkdocs.yml, English first
    shutil.copytree(new_site, site, ignore=shutil.ignore_patterns("site"))
    config = site / "mkdocs.yml"
    text, renamed = re.subn(r"(?m)^(\s*site_name: ).*$", lambda line: line[1] + next(names), config.read_text(encoding="utf-8"))
    assert renamed == 2
    config.write_text(text, encoding="utf-8")

    said = {language: run_strategy(site, "check", env={"STRATEGY_LANG": language}) for language in ("en", "cy")}
    assert said["en"].returncode == 0
    assert said["en"].stderr == ("Warning: overrides/mike-redirect.html:10, the page at the site's root address, does not name "
                                 "the site as `mkdocs.yml` does (\"Ceredigion's Plan\", 'Cynllun Ceredigion'): "
                                 "write the new names into it.\n")
    assert said["cy"].stderr.startswith("Rhybudd: Nid yw overrides/mike-redirect.html:10, y dudalen yng nghyfeiriad gwraidd")
    redirect = site / "overrides/mike-redirect.html"
    page = redirect.read_text(encoding="utf-8")
    for option, name in (("--name", "Ceredigion&#x27;s Plan"), ("--name-cy", "Cynllun Ceredigion")):
        page = page.replace(html.escape(NAMES[option]).replace("{", "&#123;").replace("}", "&#125;"), name)
    redirect.write_text(page, encoding="utf-8")
    again = run_strategy(site, "check")
    assert again.returncode == 0 and again.stderr == "", again.stderr

    assert build(site, site / "site", build_date=date.today().isoformat()).returncode == 0
    english, welsh = ((site / "site" / folder / "feed.xml").read_text(encoding="utf-8") for folder in ("", "cy"))
    assert "Every post of Ceredigion's Plan, newest first." in english and "Powys" not in english
    assert "Pob cofnod o Gynllun Ceredigion, y mwyaf diweddar yn gyntaf." in welsh and "Powys" not in welsh
    # No page names the old site (its descriptions neither), but the home pages' own text, which
    # `strategy init` wrote for the owner to rewrite.
    old_name = [str(page.relative_to(site / "site")) for page in (site / "site").rglob("*.html")
                if "Powys" in page.read_text(encoding="utf-8")]
    assert sorted(old_name) == ["cy/index.html", "index.html"]


def test_init_never_writes_into_a_folder_that_holds_anything(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = init(folder, *_options(NAMES))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"{folder} is not empty: `strategy init` writes a new site only into a new or "
                                     "empty folder, so that nothing of yours is replaced.")
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


def test_init_without_a_terminal_names_what_it_needs_and_writes_nothing_in_the_editors_language(tmp_path):
    result = init(tmp_path / "site", "--name", "A plan", env=_environment(STRATEGY_LANG="cy"))
    assert result.returncode == 2
    assert result.stderr.strip() == ("Ni ysgrifennwyd dim: rhowch enwau a chyfeiriad y wefan fel --name-cy --url "
                                     "--email (neu rhedwch `strategy init` mewn terfynell, sy'n gofyn amdanynt).")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("option, value, expected", [
    ("--url", "digital.powys.example", "--url: expected the site's address, starting https://"),
    ("--email", "the digital team", "--email: expected an email address"),
    ("--name", "A plan\nwith two lines", "--name: expected "),
])
def test_init_refuses_a_value_it_cannot_use_naming_it(tmp_path, option, value, expected):
    result = init(tmp_path / "site", *_options({**NAMES, option: value}))
    assert result.returncode == 2 and result.stderr.startswith(expected), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


@settings(max_examples=12)
# Any text a shell can pass: an argument cannot hold a NUL character.
@given(english=st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=40),
       welsh=st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=40))
def test_any_name_is_written_as_given_or_refused_with_one_message(tmp_path_factory, english, welsh):
    site = tmp_path_factory.mktemp("named") / "site"
    result = init(site, *_options({**NAMES, "--name": english, "--name-cy": welsh}))
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and not site.exists()
        return
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == english
    i18n = next(entry["i18n"] for entry in config["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    assert i18n["languages"][1]["site_name"] == welsh
    checked = run_strategy(site, "check")
    assert checked.returncode == 0 or "mkdocs.yml" in checked.stderr, checked.stderr
    assert "Traceback" not in checked.stderr
    assert "mike-redirect.html" not in checked.stderr  # its root page names it as mkdocs.yml does


# --- the site layer --------------------------------------------------------------------


def test_the_sites_own_strings_replace_the_packages_in_both_languages(built_site):
    # tests/fixture_site/strings.yml words the feeds' description its own way.
    assert "Every post of the Example Council's digital plan" in (built_site / "feed.xml").read_text(encoding="utf-8")
    welsh = (built_site / "cy/feed.xml").read_text(encoding="utf-8")
    assert "Pob cofnod yng nghynllun digidol y Cyngor Enghreifftiol" in welsh


def _with_strings(site: Path, text: str) -> None:
    (site / "strings.yml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text, problem", [
    ("feed.descripton:\n  en: x\n  cy: y\n", "strings.yml:1: field 'feed.descripton': expected the key of one of the "
                                             "package's strings (its catalogue.yml), found 'feed.descripton' "
                                             "(did you mean 'feed.description'?)"),
    ("feed.mission_description:\n  en: Posts about {topic}\n  cy: Cofnodion am {mission|soft}\n",
     "strings.yml:2: field 'feed.mission_description.en': expected a text in the shape of the package's (one text, "
     "or one per plural form), with no placeholders but these: {mission}"),
    ("feed.description:\n  en: \"Every {post\"\n", "strings.yml:2: field 'feed.description.en': expected a text in "
     "the shape of the package's (one text, or one per plural form), with no placeholders but these: {site} (a brace "
     "that is text is written twice, {{ or }}), found 'Every {post', with a brace that opens or closes no placeholder"),
    ("feed.description:\n  cy: \"Pob cofnod }\"\n", "found 'Pob cofnod }', with a brace that opens or closes no placeholder"),
    ("footer.report:\n  en: \"Report {}\"\n", "found 'Report {}', with the placeholder {}"),
    ("feed.mission_description:\n  en: \"Posts {mission:>999999999}\"\n",
     "found 'Posts {mission:>999999999}', with the placeholder {mission:>999999999}"),
    ("feed.mission_description:\n  en: \"Posts {mission.__class__}\"\n", "with the placeholder {mission.__class__}"),
    ("feed.mission_description:\n  cy: \"Cofnodion am {mission|sfot}\"\n", "with the placeholder {mission|sfot}"),
    ("feed.description:\n  fr: Tous\n", "strings.yml:1: field 'feed.description': expected the string's text in "
                                        "`en`, `cy` or both"),
])
def test_a_mistake_in_the_sites_strings_is_named_with_its_line_by_check_and_build(site_copy, tmp_path, text, problem):
    _with_strings(site_copy, text)
    for result in (run_strategy(site_copy, "check"), build(site_copy, tmp_path / "site")):
        said = result.stdout + result.stderr
        assert result.returncode != 0
        assert problem in said, said
        assert "Traceback" not in said
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("edit, line, found, found_cy", [
    (lambda text: text.replace("}}", "}", 1), None, "unexpected '}'", "camgymeriad: '}' annisgwyl"),
    # named where the block opens, not at the end, where Jinja noticed it was never closed
    (lambda text: "{% if view %}\n" + text, 1, "Unexpected end of template",
     "camgymeriad: daw'r templed i ben heb gau'r bloc 'if'"),
    (lambda text: "{% for x in y %}\n{% endif %}\n" + text, 2, "Encountered unknown tag 'endif'",
     "camgymeriad: tag anhysbys 'endif', lle disgwylid cau'r bloc 'for'"),
])
def test_a_site_template_jinja_cannot_read_is_named_with_its_line_by_check_and_build(site_copy, tmp_path, edit, line,
                                                                                      found, found_cy):
    template = override(site_copy, "partials/copyright.html")
    template.write_text(edit(template.read_text(encoding="utf-8")), encoding="utf-8")
    for result in (run_strategy(site_copy, "check"), build(site_copy, tmp_path / "site"),
                   run_strategy(site_copy, "check", env={"STRATEGY_LANG": "cy"})):
        said = result.stdout + result.stderr
        assert result.returncode != 0
        assert re.search(r"overrides/partials/copyright\.html:" + (str(line) if line else r"\d+") + ": (file|ffeil): ", said), said
        assert ("a mistake that `Jinja` describes as: " + found if "ffeil" not in said else found_cy) in said
        assert "ffeil" not in said or english_words(said.replace(found, "")) == [], said  # Jinja's words said in Welsh
        assert "Traceback" not in said
    assert "disgwylid templed yng nghystrawen `Jinja`" in said  # the editor's language, Jinja's own words after it
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("edit, check_finds", [
    (lambda text: text.replace("| e }}", "| e | nofilter }}", 1), "No filter named 'nofilter'."),
    (lambda text: text.replace("{{", "{{ nothing_here.x }}{{", 1), None),
])
def test_a_site_template_that_fails_on_a_page_is_named_with_its_line_not_a_traceback(site_copy, tmp_path, edit,
                                                                                     check_finds):
    template = override(site_copy, "partials/copyright.html")
    template.write_text(edit(template.read_text(encoding="utf-8")), encoding="utf-8")
    line = next(number for number, text in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1)
                if "nofilter" in text or "nothing_here" in text)
    checked = run_strategy(site_copy, "check")
    if check_finds:  # known before any page is built
        assert checked.returncode != 0 and f"overrides/partials/copyright.html:{line}: file: " in checked.stderr
        assert check_finds in checked.stderr
    for language, words in (("en", "expected a template"), ("cy", "disgwylid templed")):
        result = build(site_copy, tmp_path / "site", env={"STRATEGY_LANG": language})
        said = result.stdout + result.stderr
        assert result.returncode != 0
        assert re.search(rf"overrides/partials/copyright\.html:{line}: (file|ffeil): {words}", said), said
        assert "Traceback" not in said
        if language == "cy":  # Jinja's words too
            assert "camgymeriad: nid yw'r dudalen yn rhoi gwerth o'r enw 'nothing_here' i'r templed" in said \
                or "camgymeriad: does dim hidlydd o'r enw 'nofilter'" in said, said
    assert not (tmp_path / "site").exists()


def test_a_strings_file_outside_the_site_is_never_read(site_copy):
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strings: strings.yml", "strings: ../../etc/passwd"))
    result = run_strategy(site_copy, "check")
    assert result.returncode == 1
    assert ("mkdocs.yml: field 'plugins.strategy.strings': expected a file of the site's own strings, beside "
            "mkdocs.yml, found '../../etc/passwd'") in result.stderr


def test_options_still_under_extra_strategy_are_named_with_their_new_place(site_copy, tmp_path):
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n  generator: false\n",
                                   "extra:\n  generator: false\n  strategy:\n    feeds:\n      limit: 20\n"))
    line = config.read_text(encoding="utf-8").splitlines().index("  strategy:") + 1
    for result in (run_strategy(site_copy, "check"), build(site_copy, tmp_path / "site")):
        said = result.stdout + result.stderr
        assert result.returncode != 0
        assert (f"mkdocs.yml:{line}: field 'extra.strategy': expected the site's options under the `strategy` "
                "plugin, as `plugins:` then `- strategy:`") in said, said
        assert "Traceback" not in said


def test_paths_mkdocs_yml_still_lists_from_before_1_0_are_named_with_their_lines_by_check_and_build(site_copy, tmp_path):
    """A site from before version 1.0 lists our hooks/ and schemas/: MkDocs would stop on the
    first, in English with no line. Each is named, in the editor's language."""
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("watch:\n  - data\n", "watch:\n  - data\n  - schemas\n")
                      + "hooks:\n  - hooks/content.py\n  - hooks/feeds.py\n", encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    for result in (run_strategy(site_copy, "check", env={"STRATEGY_LANG": "cy"}),
                   build(site_copy, tmp_path / "site", env={"STRATEGY_LANG": "cy"})):
        said = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in said
        for path in ("schemas", "hooks/content.py", "hooks/feeds.py"):
            assert f"mkdocs.yml:{lines.index(f'  - {path}') + 1}: maes " in said and f"cafwyd '{path}', nad yw yno" in said, said
    assert not (tmp_path / "site").exists()


def test_a_site_colours_its_pictures_for_shared_links_and_may_not_make_them_unreadable(site_copy, tmp_path):
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      sample_content: true\n",
                                   "      sample_content: true\n      share_picture:\n        background: '#1d4f91'\n"))
    assert build(site_copy, tmp_path / "site").returncode == 0
    picture = Image.open(io.BytesIO((tmp_path / "site/social.png").read_bytes())).convert("RGB")
    assert picture.getpixel((5, 5)) == (0x1d, 0x4f, 0x91)
    config.write_text(text.replace("      sample_content: true\n",
                                   "      sample_content: true\n      share_picture:\n        text: '#b03050'\n"))
    result = run_strategy(site_copy, "check")
    assert result.returncode == 1
    assert ("field 'plugins.strategy.share_picture': expected a text colour readable on the background: a contrast "
            "of 4.5:1 or more, found #b03050 on #a3001b, a contrast of 1.3:1") in result.stderr, result.stderr


def test_only_a_site_that_says_its_content_is_a_sample_says_so_on_its_pages(site_copy, tmp_path, built_site):
    assert parse(built_site / "index.html").cssselect(".strategy-notice")  # the fixture says it is
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("sample_content: true", "sample_content: false"))
    assert build(site_copy, tmp_path / "site").returncode == 0
    for home in ("index.html", "cy/index.html"):
        page = parse(tmp_path / "site" / home)
        assert not page.cssselect(".strategy-notice") and not page.cssselect(".md-banner")


def test_a_template_that_fails_names_its_own_file_in_each_copy_of_the_site(site_copy, tmp_path):
    """Compiled templates are kept between builds and shared by copies of a site (a clone,
    a test's copy): the one that fails is still named in the copy being built."""
    import shutil
    import uuid
    template = override(site_copy, "partials/copyright.html")
    template.write_text(f"<!-- {uuid.uuid4()} -->\n{{{{ nothing_here.x }}}}\n", encoding="utf-8")
    other = tmp_path / "another copy"
    shutil.copytree(site_copy, other)
    for root in (site_copy, other):
        result = build(root, tmp_path / f"site of {root.name}")
        said = result.stdout + result.stderr
        assert result.returncode != 0
        assert "\n  overrides/partials/copyright.html:2: file: expected a template that works" in said, said
        assert str(site_copy) not in said and "Traceback" not in said


def test_a_site_overrides_a_blocks_template_without_touching_the_package(site_copy, tmp_path):
    template = override(site_copy, "partials/strategy/latest-posts.html")
    template.write_text("<p class=\"our-own-latest\">{{ t('feed.description') | e }}</p>\n", encoding="utf-8")
    assert build(site_copy, tmp_path / "site").returncode == 0
    ours = parse(tmp_path / "site/index.html").cssselect(".our-own-latest")
    assert [p.text_content() for p in ours] == ["Every post of the Example Council's digital plan, newest first."]
    assert "our-own-latest" not in (REPO / "src/strategy/theme/partials/strategy/latest-posts.html").read_text()


def test_the_package_names_no_site_of_its_own():
    # Everything a site chooses (its names, address, contact, colours, wording) is the
    # site's: the package's code, templates and strings name no site.
    package = REPO / "src" / "strategy"
    for site_words in ("Digital Strategy for Wales", "Strategaeth Ddigidol Cymru", "digital-strategy.example",
                       "example.gov.wales/digital", "digital-strategy-wales"):
        found = [str(path.relative_to(REPO)) for path in package.rglob("*")
                 if path.is_file() and path.suffix in (".py", ".html", ".yml", ".yaml", ".js", ".css", ".json", ".md")
                 and site_words in path.read_text(encoding="utf-8")]
        assert found == [], site_words


def test_the_package_has_a_version_and_a_changelog_entry_for_it():
    from importlib.metadata import version

    installed = version("mkdocs-strategy-site")
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(installed)}\b", changelog, re.MULTILINE), installed
    assert "## Upgrading" in (REPO / "README.md").read_text(encoding="utf-8")


def test_a_site_templates_filters_are_checked_against_those_its_pages_are_rendered_with():
    import types

    import jinja2
    from mkdocs.theme import Theme

    from strategy.events.theme_templates import strategy_templates
    from strategy.site_templates import SITE_FILTERS

    config = types.SimpleNamespace(theme=Theme(name="material", language="en"))
    added = set(strategy_templates(config).filters) - set(jinja2.Environment().filters)
    assert added == set(SITE_FILTERS)  # MkDocs' (url, script_tag) and the package's
