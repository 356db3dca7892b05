"""Every line an editor's command prints is in the editor's language: with IAITH=cy
(STRATEGY_LANG=cy) our own messages, argparse's refusals and what MkDocs, its
live-reload server and mike print are Welsh, and a problem MkDocs finds is named with
its file and line."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import lxml.html
import pytest
import yaml

from conftest import BUILD_DATE, PACKAGE, REPO, build, copy_site_sources, run_strategy
from editor_language import english_words
from test_documented_commands import editor_environment, free_address, scratch_repository

WELSH = {"STRATEGY_LANG": "cy"}
POST = "docs/en/posts/setting-the-context.md"


def test_the_check_for_english_finds_what_the_tools_print_in_english():
    """What MkDocs, its server, argparse and our 'expected' said before they spoke Welsh."""
    for english in ["Aborted with 1 warnings in strict mode!", "INFO    -  Building documentation to directory: /x",
                    "[10:00:00] Watching paths for changes: 'docs', 'data'", "[10:00:00] Serving on http://127.0.0.1:8000/",
                    "Press Ctrl+C to quit.", "python -m strategy new: error: argument --kind: invalid choice: 'misson'",
                    "--date: disgwylid a date that exists, as YYYY-MM-DD, cafwyd '2026-02-30'",
                    "make: *** [Makefile:76: check] Error 1", "make: *** [Makefile:67: serve] Interrupt",
                    "make: *** [Makefile:67: serve] Terminated", "make: *** wait: No child processes.  Stop.",
                    "WARNING -  Doc file 'en/posts/x.md' contains a link 'images/y.png', but the target "
                    "'en/posts/images/y.png' is not found among documentation files."]:
        assert english_words(english), english
    assert english_words("Stopiodd yr adeiladu oherwydd y rhybudd uchod: cywirwch ef, yna adeiladwch eto.") == []
    assert english_words("docs/en/posts/x.md:12: dolen neu ddelwedd i 'images/y.png', ond nid oes ffeil "
                         "docs/en/posts/images/y.png: cywirwch y cyfeiriad, neu ychwanegwch y ffeil") == []


@pytest.mark.parametrize("arguments, said", [
    (["new", "--kind", "misson"], "--kind: disgwylid un o'r rhain: event, mission, series, showcase, cafwyd 'misson'."
                                  " Oeddech chi'n golygu '--kind mission'?"),
    (["new", "--date", "2026-02-30"], "--date: disgwylid dyddiad sy'n bodoli, ar ffurf BBBB-MM-DD"),
    (["new", "--title"], "--title: disgwylid gwerth ar ei ôl"),
    (["new", "--title", "A", "--unknown", "x"], "nid yw'n opsiwn i'r gorchymyn hwn: --unknown x"),
    (["versions", "--address", "everywhere"], "--address: disgwylid cyfeiriad a phorth rhwng 1 a 65535"),
])
def test_a_refused_argument_is_one_welsh_line(site_copy, arguments, said):
    result = run_strategy(site_copy, *arguments, env=WELSH)

    assert result.returncode == 2
    assert said in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""  # no usage, no traceback
    assert english_words(result.stderr) == []


def test_a_refused_choice_in_english_says_the_same(site_copy):
    result = run_strategy(site_copy, "new", "--kind", "misson", env={"STRATEGY_LANG": "en"})
    assert result.returncode == 2
    assert result.stderr == ("--kind: expected one of event, mission, series, showcase, found 'misson'. "
                             "Did you mean '--kind mission'?\n")


def _break_links(root) -> dict[str, int]:
    """Two images that are not there, in a post (MkDocs finds them, not our check): their lines."""
    post = root / POST
    lines = post.read_text(encoding="utf-8").splitlines()
    lines += ["", "![Progress](images/progress-chart.png)", "", "![A map](images/map.png)"]
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"image": len(lines) - 2, "map": len(lines)}


def test_a_failed_build_says_in_welsh_what_it_found_with_file_and_line(site_copy, tmp_path):
    # Missing pictures are named by the content check, before MkDocs would warn of them.
    broken = _break_links(site_copy)
    result = build(site_copy, tmp_path / "site", env=WELSH)
    said = result.stdout + result.stderr

    assert result.returncode == 1
    assert english_words(said) == []
    assert "2 o broblemau yn y cynnwys" in said  # two, as Welsh counts them
    assert (f"{POST}:{broken['image']}: ffeil: disgwylid dolen neu ddelwedd at ffeil o dan docs/en/") in said
    assert "ond does dim ffeil docs/en/posts/images/progress-chart.png" in said
    assert f"{POST}:{broken['map']}: ffeil:" in said and "images/map.png" in said
    assert "Traceback" not in said


def test_a_build_says_only_welsh_and_in_english_the_same_problems(site_copy, tmp_path):
    built = build(site_copy, tmp_path / "site", env=WELSH)
    assert built.returncode == 0, built.stderr
    assert english_words(built.stdout + built.stderr) == []
    assert "Adeiladwyd y wefan yn" in built.stdout

    broken = _break_links(site_copy)
    english = build(site_copy, tmp_path / "other", env={"STRATEGY_LANG": "en"})
    assert f"{POST}:{broken['image']}: a link or image to 'images/progress-chart.png'" in english.stderr
    assert f"{POST}:{broken['map']}:" in english.stderr  # each problem, once the content check names them both
    assert "Aborted with" not in english.stdout + english.stderr


def _preview(root, *args, env=None, **popen):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "STRATEGY_BUILD_DATE": BUILD_DATE, **WELSH, **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "strategy", "serve", "--root", str(root), *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            **popen)


def _said_until_served(server, url: str) -> str:
    """What the preview printed until it served ``url``, and as it stopped."""
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert server.poll() is None, server.stdout.read()
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                time.sleep(0.3)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl+C
        output = server.communicate(timeout=60)[0]
    return output


def test_the_preview_speaks_welsh_from_start_to_stop(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    source = root / POST
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    address = free_address()
    said = _said_until_served(_preview(root, "--dev-addr", address), f"http://{address}/cy/")

    assert english_words(said) == []
    assert f"Mae'r rhagolwg yn http://{address}/ (Ctrl+C i'w atal)" in said
    assert "Yn atal y rhagolwg" in said
    # Said once, though each language's process of the preview finds it.
    assert said.count("Efallai fod docs/cy/posts/setting-the-context.md wedi dyddio") == 1


def test_the_preview_names_a_missing_image_with_its_line_in_welsh(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    broken = _break_links(root)
    result = _preview(root, "--build-only", "--site-dir", str(tmp_path / "site")).communicate(timeout=240)[0]

    assert english_words(result) == []
    assert f"{POST}:{broken['image']}: ffeil: disgwylid dolen neu ddelwedd" in result  # as `make check` says it
    assert "cafwyd dolen i 'images/progress-chart.png'" in result
    assert "Nid oedd modd adeiladu'r rhagolwg" in result


def test_the_preview_warns_in_welsh_when_it_listens_beyond_this_machine(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    port = free_address().rsplit(":", 1)[1]
    said = _said_until_served(_preview(root, "--dev-addr", f"0.0.0.0:{port}"), f"http://127.0.0.1:{port}/cy/")

    assert english_words(said) == []
    assert f"HOST=0.0.0.0:{port}: mae'r rhagolwg yn ateb pob cyfrifiadur" in said


def test_the_versions_command_speaks_welsh(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid"]
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "scratch"]):
        subprocess.run([*git, *step], cwd=root, check=True, capture_output=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **WELSH,
           "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ['PATH']}"}
    for run in ("first", "again, nothing changed"):  # git says "nothing changed in commit" the second time
        address = free_address()
        server = subprocess.Popen([sys.executable, "-m", "strategy", "versions", "--address", address], cwd=root,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  start_new_session=True)
        said = _said_until_served(server, f"http://{address}/latest/cy/")

        assert english_words(said) == [], run
        assert re.search(r"Yn gweini'r fersiynau yng nghangen site-versions-preview yn http://", said), run


def test_the_preview_refuses_an_address_that_is_none_in_welsh(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    said = _preview(root, "--dev-addr", "everywhere").communicate(timeout=60)[0]

    assert said == "--dev-addr: disgwylid cyfeiriad a phorth rhwng 1 a 65535, er enghraifft 127.0.0.1:8000, cafwyd 'everywhere'\n"


def test_a_preview_whose_first_build_failed_says_so_on_every_address(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    _break_links(root)
    address = free_address()
    server = _preview(root, "--dev-addr", address)
    try:
        deadline = time.monotonic() + 240
        while True:
            assert time.monotonic() < deadline and server.poll() is None
            try:
                urllib.request.urlopen(f"http://{address}/cy/", timeout=5)
            except urllib.error.HTTPError as error:
                status, said = error.code, error.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.3)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.communicate(timeout=60)
    assert status == 404
    page = lxml.html.fromstring(said)
    assert page.get("lang") == "cy"  # the editor's language first, as the problems are
    text = page.text_content()
    assert "nid oedd modd adeiladu'r rhagolwg eto (mae'r derfynell yn rhestru'r problemau hefyd)" in text
    assert "the preview could not be built yet" in text
    notice = page.cssselect(".strategy-preview-problems")[0].text_content()
    assert "Nid oedd modd adeiladu dim byd eto." in notice and "cafwyd dolen i 'images/map.png'" in notice


# --- the first set-up, before the package is installed -----------------------------------

_MAKEFILE_SAYS = re.compile(r"^(?P<name>[A-Z_]+)_(?P<language>en|cy) := (?P<text>.+)$", re.MULTILINE)
_CATALOGUE_KEY = {"SETUP_STARTED": "cli.setup.started", "DICTIONARIES_STARTED": "cli.setup.dictionaries_started",
                  "SETUP_FAILED": "cli.setup.failed"}


@pytest.mark.parametrize("makefile", [REPO / "Makefile", PACKAGE / "starter" / "Makefile"], ids=["ours", "init's"])
def test_what_the_set_up_says_is_the_catalogues_wording(makefile):
    """Set-up speaks before the package (and its catalogue) is installed: both Makefiles hold
    its lines, and they must say word for word what the catalogue says."""
    catalogue = yaml.safe_load((PACKAGE / "catalogue.yml").read_text(encoding="utf-8"))
    said = {(m["name"], m["language"]): m["text"] for m in _MAKEFILE_SAYS.finditer(makefile.read_text(encoding="utf-8"))}
    assert said == {(name, language): catalogue[key][language]
                    for name, key in _CATALOGUE_KEY.items() for language in ("en", "cy")}


def _without_tools(tmp_path):
    root = scratch_repository(tmp_path / "repo")
    for tool in (".venv", "node_modules"):
        (root / tool).unlink(missing_ok=True)
    return root


def test_the_first_set_up_says_one_welsh_line_and_then_the_commands_own(tmp_path):
    """A fresh clone's first `make check IAITH=cy` sets up .venv/ (pip, from the registry):
    the editor reads one Welsh line about it, then the check's own Welsh answer."""
    root = _without_tools(tmp_path)
    result = subprocess.run(["make", "check", "IAITH=cy"], cwd=root, env=editor_environment(), capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=900)

    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert said.splitlines()[0] == "Wrthi'n gosod offer y wefan yn .venv/, y tro cyntaf yn unig: munud neu ddau."
    assert said.splitlines()[1].startswith("Dim problemau")
    assert len(said.splitlines()) == 2 and english_words(said) == [], said


@pytest.mark.parametrize("target", ["check", "chek", "proof"])
def test_a_failed_set_up_shows_why_then_says_what_to_do_in_welsh(tmp_path, target):
    """When a set-up step fails, the tool's own lines (they say why), then ours, in Welsh,
    and no line of make's; the step is tried again next time."""
    root = _without_tools(tmp_path)
    result = subprocess.run(["make", target, "IAITH=cy", "PYTHON=/nowhere/python3"], cwd=root, env=editor_environment(),
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)

    assert result.returncode != 0
    assert "/nowhere/python3" in result.stderr  # the shell's own "not found"
    assert result.stderr.splitlines()[-1].startswith("Methodd y gosod: mae'r llinellau uchod yn dweud pam.")
    assert "make: " not in result.stdout + result.stderr
    assert not (root / ".venv/bin/.runtime-installed").exists()
