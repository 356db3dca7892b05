"""The site's options (the strategy plugin's, in mkdocs.yml): checked once, before anything is
built, with one message per wrong option naming it; and the page's security policy,
which the theme must leave room for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, build, override, parse, run_strategy
from strategy.problems import ContentError
from strategy.site_options import site_options
from strategy.page_output import POLICY_SLOT, MissingPolicySlot, add_content_security_policy
from strategy.settings import site_options as options_in_mkdocs_yml

VALID = {"feeds": {"id_authority": "example.org,2026"}}


def problems(raw: dict, root: Path = REPO) -> list[str]:
    """Each problem as 'option: expected ..., found ...' (its line is mkdocs.yml's)."""
    with pytest.raises(ContentError) as raised:
        site_options(raw, root)
    return [f"{problem.field}: expected {problem.expected}, found {problem.found}" for problem in raised.value.problems]


def test_the_fixture_sites_options_are_valid_and_typed():
    options = options_in_mkdocs_yml(FIXTURE)
    assert options.feeds.limit == 20 and options.feeds.full_content
    assert options.consultation.closes.isoformat() == "2027-01-29T17:00:00+00:00"
    assert options.compare_with.file.is_file() and options.compare_with.title.cy
    assert options.translations.to_follow == "allowed"
    assert options.contact_email == "digital.plan@council.example"


def test_defaults_fill_in_what_is_left_out():
    options = site_options(VALID, REPO)
    assert (options.feeds.limit, options.feeds.full_content, options.consultation, options.compare_with,
            options.contact_email) == (20, True, None, None, None)


@pytest.mark.parametrize("raw, message", [
    ({"feeds": {"id_authority": "example.org,2026", "limit": "twenty"}},
     "plugins.strategy.feeds.limit: expected a whole number of items, at least 1, found 'twenty'"),
    ({"feeds": {"id_authority": "example.org,2026", "limit": 0}},
     "plugins.strategy.feeds.limit: expected a whole number of items, at least 1, found 0 (a number)"),
    ({"feeds": {"id_authority": "example.org,2026", "limt": 5}},
     "plugins.strategy.feeds.limt: expected one of the known fields (content, id_authority, limit), found unknown field 'limt'"),
    ({"feeds": {"id_authority": "example.org,2026", "content": "everything"}},
     "plugins.strategy.feeds.content: expected one of: full, summary, found 'everything'"),
    ({"feeds": {}},
     "plugins.strategy.feeds.id_authority: expected this required field, found it missing"),
    ({**VALID, "consultaion": {}}, "plugins.strategy.consultaion: expected one of the known fields"),
    ({**VALID, "consultation": {"opens": "soon", "closes": "2027-01-29T17:00"}},
     "plugins.strategy.consultation.opens: expected a date and time in Welsh local time written `YYYY-MM-DDTHH:MM`, "
     "such as 2027-01-29T17:00, found 'soon'"),
    ({**VALID, "compare_with": {"file": "data/published/consultation-draft-1.json", "title": {"en": "Draft"}}},
     "plugins.strategy.compare_with.title.cy: expected this required field, found it missing"),
    ({**VALID, "contact_email": "digital strategy at gov.wales"},
     "plugins.strategy.contact_email: expected an e-mail address, such as strategaeth@example.gov.wales, "
     "found 'digital strategy at gov.wales'"),
    ({**VALID, "translations": {"outdated": "fatal"}},
     "plugins.strategy.translations.outdated: expected one of: warning, error, found 'fatal'"),
])
def test_a_wrong_option_is_named_with_what_was_expected(raw, message):
    assert [problem for problem in problems(raw) if problem.startswith(message)] != [], problems(raw)


def test_every_wrong_option_is_reported_at_once():
    raw = {"feeds": {"limit": "twenty"}, "translations": {"outdated": "fatal"}, "colour": "red"}
    assert len(problems(raw)) == 4


def _with_option(site_copy: Path, old: str, new: str) -> None:
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


def test_the_build_and_the_check_stop_at_a_wrong_option_with_the_same_message(site_copy, tmp_path):
    _with_option(site_copy, "limit: 20 ", "limit: twenty ")
    expected = "field 'plugins.strategy.feeds.limit': expected a whole number of items, at least 1, found 'twenty'"
    check = run_strategy(site_copy, "check")
    built = build(site_copy, tmp_path / "site")
    for result in (check, built):
        assert result.returncode != 0
        assert expected in result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


# --- the security policy --------------------------------------------------------------


def test_the_policy_fills_the_slot_the_theme_leaves_with_the_trusted_scripts_hashes():
    page = (f'<head><meta http-equiv="Content-Security-Policy" content="{POLICY_SLOT}"></head>'
            "<body><script>trusted()</script><script>other()</script></body>")
    finished = add_content_security_policy(page, re.compile(r"trusted\(\)"))
    policy = re.search(r'content="([^"]+)"', finished).group(1)
    assert policy.startswith("default-src 'self'") and POLICY_SLOT not in finished
    assert len(re.findall(r"'sha256-", policy)) == 1


def test_a_page_without_the_slot_is_refused_not_published_without_a_policy():
    with pytest.raises(MissingPolicySlot, match="content_security_policy block"):
        add_content_security_policy("<head><meta charset='utf-8'></head><body></body>", re.compile("(?!)"))


def test_a_theme_that_drops_the_policy_block_fails_the_build(site_copy, tmp_path):
    main = override(site_copy, "main.html")  # a site's own copy of the package's main.html
    text = main.read_text(encoding="utf-8")
    without = re.sub(r"\{% block content_security_policy %\}.*?\{% endblock %\}", "", text, flags=re.DOTALL)
    assert without != text
    main.write_text(without, encoding="utf-8")
    result = build(site_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "content_security_policy block (main.html)" in result.stdout + result.stderr


def test_each_build_prints_the_templates_as_they_are_now(site_copy, tmp_path):
    # Compiled templates are kept between builds (strategy/events/template_cache.py): an edited
    # template must still be compiled again, in both languages' builds.
    copyright = override(site_copy, "partials/copyright.html")
    original = copyright.read_text(encoding="utf-8")
    assert "{{ t('footer.report') | e }}" in original
    for wording in ("Tell us what is wrong", "Report it here"):
        copyright.write_text(original.replace("{{ t('footer.report') | e }}", wording), encoding="utf-8")
        assert build(site_copy, tmp_path / "site").returncode == 0
        for home in ("index.html", "cy/index.html"):
            footer = parse(tmp_path / "site" / home).cssselect(".strategy-footer__links")[0]
            assert wording in footer.text_content(), home
