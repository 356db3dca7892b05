"""Draft and final: versions deployed with mike, the banner and selector, the page
history, and what changed since the draft."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import BUILD_DATE, FIXTURE, build, copy_site_sources, parse, serve, tab_to
from test_documented_commands import free_address


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def mike(repo: Path, *args: str) -> None:
    # mike runs `mkdocs` by name: the one installed beside this Python.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRATEGY_BUILD_DATE": BUILD_DATE, "STRATEGY_PREVIEW": "0",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([str(Path(sys.executable).with_name("mike")), *args], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Path:
    """Two versions deployed with mike into a fresh repository's gh-pages, checked out to a folder."""
    repo = copy_site_sources(tmp_path_factory.mktemp("versions") / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Editor")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft")
    mike(repo, "deploy", "--title", "Consultation draft / Drafft ymgynghori", "consultation-draft")
    context = repo / "docs/en/posts/setting-the-context.md"
    context.write_text(context.read_text() + "\nThe final version follows the consultation.\n")
    git(repo, "commit", "-q", "-am", "Final")
    mike(repo, "deploy", "--title", "Final strategy / Strategaeth derfynol", "--update-aliases", "final", "latest")
    mike(repo, "set-default", "latest")
    pages = repo.parent / "gh-pages"
    git(repo, "worktree", "add", "-q", str(pages), "gh-pages")
    return pages


def test_versions_json_lists_both_versions_with_the_alias(deployed):
    versions = json.loads((deployed / "versions.json").read_text())
    assert [(v["version"], v["title"], v["aliases"]) for v in versions] == [
        ("final", "Final strategy / Strategaeth derfynol", ["latest"]),
        ("consultation-draft", "Consultation draft / Drafft ymgynghori", []),
    ]


def test_the_site_root_links_to_the_current_version_in_both_languages(deployed):
    root = parse(deployed / "index.html")
    assert not root.cssselect('meta[http-equiv="refresh"]'), "no timed refresh races the reader"
    assert [(a.get("hreflang"), a.get("href")) for a in root.cssselect("a")] == [("en", "latest/"), ("cy", "latest/cy/")]
    assert [script.get("src") for script in root.cssselect("script")] == ["latest/assets/javascripts/language-choice.js"]
    assert (deployed / "latest/assets/javascripts/language-choice.js").exists()


@pytest.mark.parametrize("locale, lands_on", [("cy-GB", "latest/cy/"), ("cy", "latest/cy/"), ("en-GB", "latest/"),
                                              ("fr-FR", "latest/")])
def test_the_site_root_takes_the_reader_to_the_language_their_browser_prefers(browser, versions_url, locale, lands_on):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(versions_url)
    page.wait_for_url(versions_url + lands_on)
    context.close()


def test_without_script_the_site_root_offers_both_languages(browser, versions_url):
    context = browser.new_context(java_script_enabled=False, locale="cy-GB")
    page = context.new_page()
    page.goto(versions_url)  # returns once the page has loaded
    # Without scripts only a timed refresh could move the reader on: there is none.
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    assert page.url == versions_url
    page.get_by_role("link", name="Mynd i fersiwn gyfredol y strategaeth, yn Gymraeg").click()
    page.wait_for_url(versions_url + "latest/cy/")
    context.close()


def test_the_root_redirect_names_the_site_and_says_what_the_catalogue_says_in_both_languages():
    # mike renders the redirect with nothing but the address: the site's names (mkdocs.yml)
    # and the catalogue's redirect.link, written out; this keeps them the same. The tests'
    # own site, not the sample's, whose owner may rename it (a new site's: test_package.py).
    site = FIXTURE
    from strategy.catalogue import translate

    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    welsh_name = next(language["site_name"] for language in i18n["languages"] if language["locale"] == "cy")
    page = etree.HTML((site / "overrides/mike-redirect.html").read_text(encoding="utf-8"))
    assert page.findtext(".//title") == f"{config['site_name']} / {welsh_name}"
    links = [(p.get("lang"), p.findtext("a")) for p in page.iter("p")]
    assert links == [(None, translate("redirect.link", "en")), ("cy", translate("redirect.link", "cy"))]


def test_subscription_addresses_under_the_alias_are_real_feeds(deployed):
    for feed in ("latest/feed.xml", "latest/cy/feed.xml", "latest/atom.xml", "latest/cy/feeds/digital-skills/feed.xml"):
        root = etree.parse(str(deployed / feed)).getroot()
        assert root.tag in ("rss", "{http://www.w3.org/2005/Atom}feed"), feed
    assert json.loads((deployed / "latest/cy/feed.json").read_text())["language"] == "cy"
    assert (deployed / "latest/events.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_every_version_points_canonical_addresses_at_the_alias(deployed):
    for version in ("consultation-draft", "final"):
        page = parse(deployed / version / "cy/posts/missions/digital-skills/index.html")
        assert page.cssselect("link[rel=canonical]")[0].get("href") == \
            "https://plan.council.example/latest/cy/posts/missions/digital-skills/"
    feed = etree.parse(str(deployed / "consultation-draft/feed.xml"))
    assert feed.findtext("channel/link") == "https://plan.council.example/latest/"
    guids = lambda version: [g.text for g in etree.parse(str(deployed / version / "feed.xml")).iter("guid")]  # noqa: E731
    assert guids("consultation-draft") == guids("final")


@pytest.fixture(scope="module")
def versions_url(deployed):
    url, server = serve(deployed)
    yield url
    server.shutdown()


def test_an_earlier_version_says_so_in_the_readers_language_and_links_to_the_current_one(browser, versions_url):
    page = browser.new_page()
    for path, text, current in (("consultation-draft/cy/posts/missions/digital-skills/", "Rydych chi'n darllen fersiwn gynharach",
                                 "final/cy/posts/missions/digital-skills/"),
                                ("consultation-draft/posts/missions/digital-skills/", "You are reading an earlier version",
                                 "final/posts/missions/digital-skills/")):
        page.goto(versions_url + path)
        banner = page.locator("[data-strategy-outdated]")
        banner.wait_for(state="visible")
        assert text in banner.inner_text()
        page.click("[data-strategy-outdated] a")
        page.wait_for_load_state()
        assert page.url == versions_url + current.replace("final/", "latest/")
    page.goto(versions_url + "latest/cy/")
    page.locator("[data-strategy-versions]").wait_for(state="visible")
    assert not page.is_visible("[data-strategy-outdated]")
    page.close()


def test_the_version_selector_keeps_the_reader_in_their_language_and_page(browser, versions_url):
    page = browser.new_page()
    page.goto(versions_url + "final/cy/posts/missions/digital-skills/")
    page.locator("[data-strategy-versions]").wait_for(state="visible")
    options = page.locator("#strategy-version-select option").all_inner_texts()
    assert options == ["Strategaeth derfynol", "Drafft ymgynghori"]
    assert page.evaluate("fetch(new URL('../../../../../versions.json', location)).then(r => r.ok)")
    page.select_option("#strategy-version-select", "consultation-draft")
    page.wait_for_url(versions_url + "consultation-draft/cy/posts/missions/digital-skills/")
    assert page.evaluate("document.documentElement.lang") == "cy"
    page.close()


def test_posts_and_the_plan_show_their_history_at_the_foot(built_site):
    post = parse(built_site / "cy/posts/missions/digital-services/index.html")
    history = post.cssselect("footer.strategy-history")[0]
    assert " ".join(history.cssselect("p")[0].text_content().split()) == \
        "Cyhoeddwyd 4 Tachwedd 2026, diweddarwyd ddiwethaf 20 Tachwedd 2026"
    assert [dt.text_content() for dt in history.cssselect("dt")] == ["20 Tachwedd 2026", "4 Tachwedd 2026"]
    plan_footers = parse(built_site / "delivery-plan/index.html").cssselect("footer.strategy-history")
    assert len(plan_footers) == 1
    assert " ".join(plan_footers[0].cssselect("p")[0].text_content().split()) == \
        "Published 2 November 2026, last updated 20 November 2026"
    welsh_plan = parse(built_site / "cy/delivery-plan/index.html").cssselect("footer.strategy-history")[0]
    assert [dt.text_content() for dt in welsh_plan.cssselect("dt")] == ["20 Tachwedd 2026", "2 Tachwedd 2026"]


def changes_by_kind(page) -> dict[str, list[str]]:
    return {table.get("class").split("strategy-table--")[-1]: [row.get("data-id") for row in table.cssselect("tbody tr")]
            for table in page.cssselect("table.strategy-table--changes")}


def test_what_changed_lists_exactly_the_differences_from_the_earlier_plan(built_site):
    # de-adoption-advice: only its Welsh was put right since ('drwy Busnes Cymru' -> 'drwy Fusnes Cymru')
    for prefix, reworded in (("", ["di-community-champions"]), ("cy/", ["di-community-champions", "de-adoption-advice"])):
        page = parse(built_site / prefix / "changes/index.html")
        assert changes_by_kind(page) == {"added": ["ds-service-teams"], "removed": ["dc-community-hubs"],
                                         "reworded": reworded, "status": ["ds-publish-standards"]}


def test_what_changed_between_two_plan_fixtures(site_copy, tmp_path):
    earlier = json.loads((site_copy / "data/published/consultation-draft-1.json").read_text())
    earlier["missions"] = [m for m in earlier["missions"] if m["id"] != "data-and-collaboration"]  # a mission added since
    earlier["missions"][2]["actions"][0]["status"] = "delayed"
    (site_copy / "data/published/consultation-draft-1.json").write_text(json.dumps(earlier))
    assert build(site_copy, tmp_path / "site").returncode == 0

    changes = changes_by_kind(parse(tmp_path / "site/changes/index.html"))
    assert changes["added"] == ["ds-service-teams", "dac-open-data", "dac-data-standards"]
    assert changes["status"] == ["ds-publish-standards", "dsk-leadership-programme"]
    assert changes["removed"] == ["dc-community-hubs"] and changes["reworded"] == ["di-community-champions"]


def test_what_changed_says_so_when_there_is_nothing_to_compare_with(site_copy, tmp_path):
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    without = re.sub(r"\n      compare_with:\n(?:        .*\n)+", "\n", text)
    assert without != text
    config.write_text(without, encoding="utf-8")
    assert build(site_copy, tmp_path / "site").returncode == 0

    for prefix, said in (("", "There is no earlier version of the plan to compare with yet."),
                         ("cy/", "Does dim fersiwn gynharach o'r cynllun i'w chymharu â hi eto.")):
        page = parse(tmp_path / "site" / prefix / "changes/index.html")
        assert changes_by_kind(page) == {}
        assert said in page.cssselect(".strategy-changes-none")[0].text_content()


def test_the_version_selector_works_from_the_keyboard(browser, versions_url):
    page = browser.new_page()
    page.goto(versions_url + "final/posts/missions/digital-skills/")
    page.locator("[data-strategy-versions]").wait_for(state="visible")
    tab_to(page, "#strategy-version-select")
    assert page.inner_text("label[for=strategy-version-select]") == "Version"
    page.keyboard.press("ArrowDown")  # a native select: the keyboard changes it, and the page follows
    page.wait_for_url(versions_url + "consultation-draft/posts/missions/digital-skills/")
    page.close()


def test_make_versions_titles_the_versions_in_the_sites_own_words(tmp_path):
    """`make versions` (strategy versions) deploys a draft and a final version; their titles
    are catalogue strings, and the fixture site words the final one its own way."""
    repo = copy_site_sources(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "-c", "user.email=editor@example.org", "-c", "user.name=Editor", "add", "-A")
    git(repo, "-c", "user.email=editor@example.org", "-c", "user.name=Editor", "commit", "-q", "-m", "Draft")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRATEGY_BUILD_DATE": BUILD_DATE, "STRATEGY_LANG": "en",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    server = subprocess.Popen([sys.executable, "-m", "strategy", "versions", "--branch", "versions-preview",
                               "--address", free_address()], cwd=repo, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    said = []
    try:
        for line in server.stdout:  # each step's output, then the line saying where it serves
            said.append(line)
            if line.startswith("Serving the versions"):
                break
    finally:
        os.killpg(server.pid, signal.SIGINT)
        said.append(server.communicate(timeout=60)[0])
    versions = json.loads(git(repo, "show", "versions-preview:versions.json"))
    assert [(v["version"], v["title"]) for v in versions] == [
        ("final", "Final plan / Cynllun terfynol"),
        ("consultation-draft", "Consultation draft / Drafft ymgynghori"),
    ], "".join(said)
