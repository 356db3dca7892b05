"""Starting a post with one command gives files that pass the checker and build."""

from __future__ import annotations

from conftest import build, heading, parse, run_strategy, write_and_release


def test_a_new_post_passes_the_checker_and_builds_as_a_draft_until_released(site_copy, tmp_path):
    result = run_strategy(site_copy, "new", "--kind", "series", "--title", "Listening to users",
                          "--title-cy", "Gwrando ar ddefnyddwyr", "--date", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert "Created docs/en/posts/listening-to-users.md" in result.stdout
    assert "Created docs/cy/posts/listening-to-users.md" in result.stdout
    # The date as the guides write it: no quotation marks.
    assert "\ndate: 2026-11-24\n" in (site_copy / "docs/en/posts/listening-to-users.md").read_text(encoding="utf-8")
    assert run_strategy(site_copy, "check").returncode == 0

    assert build(site_copy, tmp_path / "preview", preview=True).returncode == 0
    english = parse(tmp_path / "preview/posts/listening-to-users/index.html")
    welsh = parse(tmp_path / "preview/cy/posts/listening-to-users/index.html")
    assert heading(english) == "Listening to users"
    assert heading(welsh) == "Gwrando ar ddefnyddwyr"
    assert welsh.cssselect(".strategy-preview-notice")[0].text_content().startswith("Drafft:")
    assert build(site_copy, tmp_path / "site").returncode == 0
    assert not (tmp_path / "site/posts/listening-to-users").exists()

    write_and_release(site_copy, "posts/listening-to-users.md")
    assert build(site_copy, tmp_path / "site").returncode == 0
    welsh = parse(tmp_path / "site/cy/posts/listening-to-users/index.html")
    assert welsh.cssselect(".strategy-post-meta__dates")[0].text_content().strip() == "Cyhoeddwyd 24 Tachwedd 2026"
    assert not welsh.cssselect(".strategy-preview-notice")


def test_a_post_can_be_written_in_welsh_first(site_copy):
    result = run_strategy(site_copy, "new", "--kind", "showcase", "--source", "cy", "--mission", "digital-skills",
                          "--title", "Coding clubs", "--title-cy", "Clybiau codio")
    assert result.returncode == 0, result.stderr

    welsh = (site_copy / "docs/cy/posts/showcase/clybiau-codio.md").read_text()
    english = (site_copy / "docs/en/posts/showcase/clybiau-codio.md").read_text()
    assert "kind: showcase" in welsh and "mission: digital-skills" in welsh
    assert "translated_from: cy" in english and "kind:" not in english
    assert run_strategy(site_copy, "check").returncode == 0


def test_a_new_event_passes_the_checker(site_copy):
    result = run_strategy(site_copy, "new", "--kind", "event", "--title", "Drop-in session",
                          "--title-cy", "Sesiwn galw heibio", "--date", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert run_strategy(site_copy, "check").returncode == 0


def test_it_never_overwrites_an_existing_post(site_copy):
    existing = site_copy / "docs/cy/posts/setting-the-context.md"
    before = existing.read_text()

    result = run_strategy(site_copy, "new", "--title", "Setting the context", "--title-cy", "Gosod y cyd-destun")

    assert result.returncode == 2
    assert "not overwriting docs/en/posts/setting-the-context.md, docs/cy/posts/setting-the-context.md" in result.stderr
    assert existing.read_text() == before


def test_it_asks_for_what_it_needs(site_copy):
    result = run_strategy(site_copy, "new", "--kind", "mission", "--title", "Digital twins", "--title-cy", "Gefeilliaid digidol")

    assert result.returncode == 2
    assert "a mission post needs `--mission ...`, the id of a mission in data/plan.yaml" in result.stderr
    assert not (site_copy / "docs/en/posts/missions/digital-twins.md").exists()


def test_it_refuses_before_writing_a_mission_that_is_unknown_or_already_has_its_post(site_copy):
    before = sorted(site_copy.rglob("*.md"))

    taken = run_strategy(site_copy, "new", "--kind", "mission", "--mission", "digital-skills",
                         "--title", "Skills again", "--title-cy", "Sgiliau eto")
    misspelt = run_strategy(site_copy, "new", "--kind", "showcase", "--mission", "digital-skils",
                            "--title", "A showcase", "--title-cy", "Arddangosiad")
    same_id = run_strategy(site_copy, "new", "--kind", "event", "--slug", "setting-the-context",
                           "--title", "An event", "--title-cy", "Digwyddiad")

    assert taken.returncode == 2 and "mission 'digital-skills' already has its post" in taken.stderr
    assert misspelt.returncode == 2 and "Did you mean '--mission digital-skills'?" in misspelt.stderr
    assert same_id.returncode == 2 and "the id 'setting-the-context' is already used" in same_id.stderr
    assert sorted(site_copy.rglob("*.md")) == before


def test_placeholder_text_is_refused_once_the_post_is_no_longer_a_draft(site_copy):
    assert run_strategy(site_copy, "new", "--title", "Half written", "--title-cy", "Hanner ysgrifenedig",
                        "--date", "2026-11-01").returncode == 0
    source = site_copy / "docs/en/posts/half-written.md"
    source.write_text(source.read_text().replace("draft: true\n", "").replace("Write the post here.", "Our post."))

    result = run_strategy(site_copy, "check")

    assert result.returncode == 1
    assert "docs/en/posts/half-written.md:5: field 'summary': expected your own text" in result.stderr
    assert "docs/cy/posts/half-written.md:8: file: expected your own text" in result.stderr
    assert "found the placeholder 'Ysgrifennwch y cyfieithiad yma...'" in result.stderr
    # The translation's placeholder sends the editor to the source, which holds `draft: true`.
    assert "`draft: true` o'i ffynhonnell" in (site_copy / "docs/cy/posts/half-written.md").read_text()


def test_a_welsh_editor_starts_a_post_in_welsh(site_copy):
    welsh = {"STRATEGY_LANG": "cy"}
    started = run_strategy(site_copy, "new", "--title", "Listening", "--title-cy", "Gwrando", env=welsh)
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines() == ["Crëwyd docs/en/posts/listening.md", "Crëwyd docs/cy/posts/listening.md",
                                           "Drafft yw e: ysgrifennwch ef, rhedwch 'make check', cewch ragolwg gyda "
                                           "'make serve', yna tynnwch `draft: true`."]
    refused = run_strategy(site_copy, "new", "--kind", "showcase", "--mission", "digtal-skills",
                           "--title", "x", "--title-cy", "y", env=welsh)
    assert refused.returncode == 2
    assert refused.stderr.startswith("Methu dechrau'r cofnod: nid oes cenhadaeth 'digtal-skills' yn data/plan.yaml")
    assert refused.stderr.rstrip().endswith("Oeddech chi'n golygu '--mission digital-skills'?")
    again = run_strategy(site_copy, "new", "--title", "Listening", "--title-cy", "Gwrando", env=welsh)
    assert "heb drosysgrifo docs/en/posts/listening.md, docs/cy/posts/listening.md: dewiswch enw arall gyda `--slug ...`" \
        in again.stderr
