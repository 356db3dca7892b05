"""The guides are tests: every command README.md, EDITORS.md and EDITORS.cy.md tell
someone to run is run here, as written, in a scratch copy of the repository (with the
tests' own content, tests/fixture_site, in place of the sample in docs/ and data/).

The editors' guides are followed from top to bottom in one copy each, as an editor
would: each ```sh block's commands in order, each ```yaml block that names where it
goes in its first line (``# data/plan.yaml › missions › digital-skills › outcomes``) put
there, and each ```markdown block that names its file (``<!-- docs/en/posts/x.md › at the
end -->``) added to the end of it. A file the guide copies from the editor's own home
folder (``~/Pictures/coding-club.png``) is a real picture there. Commands that keep running (``make serve``, ``make versions``) are started,
asked for a page, and stopped. ``make test`` is the one command only dry-run
(``make -n``): a test cannot run the suite it is part of.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT, FIXTURE, REPO
from editor_language import english_words

GUIDES = ("EDITORS.md", "EDITORS.cy.md")
SERVERS = ("serve", "versions")  # make targets that serve the site until stopped
COMMAND_WORDS = ("make", "git", "cp", "mkdir", "export")
_FENCE = re.compile(r"^```(?P<info>\w*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
_INDENTED = re.compile(r"(?:^\n)((?:^    \S.*\n)+)", re.MULTILINE)
_PLACE = re.compile(r"^# (?P<file>[\w./-]+) › (?P<path>.+)$")
_MARKDOWN_PLACE = re.compile(r"^<!-- (?P<file>[\w./-]+) › (?:at the end|ar y diwedd) -->$")  # EDITORS.md, EDITORS.cy.md


def scratch_repository(destination: Path) -> Path:
    """A copy of the working tree (what git tracks and what it does not ignore) as a git
    repository of its own, with an `origin` to push to, sharing the set-up tools. Its
    content is the fixture's, so that the guides are tested whatever the sample says."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)  # keeps times, so make sees the set-up as done
    for name in CONTENT:  # folders (docs/, data/, overrides/) and a file (mkdocs.yml)
        if (FIXTURE / name).is_dir():
            shutil.rmtree(destination / name, ignore_errors=True)
            shutil.copytree(FIXTURE / name, destination / name)
        else:
            shutil.copy2(FIXTURE / name, destination / name)
    for tool in (".venv", "node_modules"):
        if (REPO / tool).exists():
            (destination / tool).symlink_to((REPO / tool).resolve())
    for requirements in ("requirements.txt", "requirements-dev.txt", "pyproject.toml", "package.json", "package-lock.json"):
        os.utime(destination / requirements, (0, 0))  # the shared tools are set up already: make need not redo it
    (destination / ".git" / "info").mkdir(parents=True, exist_ok=True)
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid"]
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "scratch"],
                 ["init", "-q", "--bare", str(destination.parent / "origin.git")],
                 ["remote", "add", "origin", str(destination.parent / "origin.git")]):
        subprocess.run([*git, *step], cwd=destination, check=True, capture_output=True)
    (destination / ".git/info/exclude").write_text("/.venv\n/node_modules\n")
    return destination


def guide_steps(text: str) -> list[tuple[str, str]]:
    """("command", line) and ("yaml", block) in the order the guide gives them."""
    blocks = [(m.start(), m.group("info"), m.group("body")) for m in _FENCE.finditer(text)]
    fenced = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    for match in _INDENTED.finditer(text):
        if not any(start <= match.start() < end for start, end in fenced):
            blocks.append((match.start(1), "indented", "\n".join(l[4:] for l in match.group(1).splitlines())))
    steps = []
    for _, info, body in sorted(blocks):
        lines = [line for line in body.splitlines() if line.strip()]
        if info == "yaml" and lines and _PLACE.match(lines[0]):
            steps.append(("yaml", body))
        elif info == "markdown" and lines and _MARKDOWN_PLACE.match(lines[0]):
            steps.append(("markdown", body))
        elif info in ("sh", "indented") and lines and all(line.split()[0] in COMMAND_WORDS for line in lines):
            steps.extend(("command", line) for line in lines)
    return steps


def put_yaml(root: Path, block: str) -> None:
    """Put a guide's YAML where its first line says: a list gets the items appended, an
    item (named by its id) gets the fields set. Written back as YAML, as an editor's
    edit would leave the file."""
    place = _PLACE.match(block.splitlines()[0])
    file = root / place.group("file")
    document = yaml.safe_load(file.read_text(encoding="utf-8")) if file.suffix != ".yml" else None
    if document is None:  # mkdocs.yml has tags of its own: edit it as text, under its key
        _put_into_mkdocs_yml(file, place.group("path").split(" › "), block)
        return
    target = document
    for step in place.group("path").split(" › "):
        target = (next(item for item in target if item.get("id") == step) if isinstance(target, list)
                  else target[step])
    value = yaml.safe_load(block)
    if isinstance(target, list):
        target.extend(value)
    else:
        _set_fields(target, value)
    file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def put_markdown(root: Path, block: str) -> None:
    """Add a guide's Markdown to the end of the file its first line names, after a blank line."""
    first, _, text = block.partition("\n")
    file = root / _MARKDOWN_PLACE.match(first).group("file")
    file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")


def editors_home(folder: Path) -> Path:
    """The editor's home folder, as the guides' ``~/`` means it: a real picture in Pictures/."""
    from PIL import Image

    (folder / "Pictures").mkdir(parents=True)
    Image.new("RGB", (120, 80), "#a3001b").save(folder / "Pictures" / "coding-club.png")
    return folder


def _set_fields(target: dict, fields: dict) -> None:
    """Set the fields a block names; a field of fields (``text:`` with ``en:`` alone) keeps
    the ones it does not name, as an editor who changes one line leaves the others."""
    for name, value in fields.items():
        if isinstance(value, dict) and isinstance(target.get(name), dict):
            _set_fields(target[name], value)
        else:
            target[name] = value


def _put_into_mkdocs_yml(file: Path, path: list[str], block: str) -> None:
    """Put ``block`` under the key ``path`` names, as an editor would type it: a key may be a
    list item (``- strategy:`` under ``plugins:``)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    column, index = -1, -1  # the column of the key found last, and its line
    for key in path:
        index = next(i for i in range(index + 1, len(lines))
                     if re.match(rf"^ *(- )?{re.escape(key)}:", lines[i]) and _key_column(lines[i]) > column)
        column = _key_column(lines[index])
    end = next((i for i in range(index + 1, len(lines))
                if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= column), len(lines))
    body = [" " * (column + 2) + line for line in block.splitlines()[1:] if line.strip()]
    file.write_text("\n".join(lines[:index + 1] + body + lines[end:]) + "\n", encoding="utf-8")


def _key_column(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def free_address() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


def run_command(line: str, root: Path, env: dict[str, str], home: Path | None = None) -> str:
    """Run one documented command as written; return what it printed. Fails the test,
    with the output, if it fails. ``~/`` is the editor's ``home``, as a shell would expand it."""
    words = [str(home) + word[1:] if home is not None and word.startswith("~/") else word for word in shlex.split(line)]
    if words[0] == "export":
        name, value = words[1].split("=", 1)
        env[name] = value
        return ""
    if words[:2] == ["make", "test"]:
        words.insert(1, "-n")  # the suite cannot run itself
    if words[0] == "make" and words[1] in SERVERS:
        return _serve(words, root, env)
    result = subprocess.run(words, cwd=root, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            timeout=600)
    assert result.returncode == 0, f"`{line}` failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def _serve(words: list[str], root: Path, env: dict[str, str]) -> str:
    server, _ = _started_server(words, root, env)
    os.killpg(server.pid, signal.SIGINT)  # Ctrl+C, as the guides say to stop it
    return server.communicate(timeout=30)[0]


def _started_server(words: list[str], root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """``make serve`` (or ``versions``) started in a session of its own at a free address
    (HOST), once it serves a page: the process, and the address."""
    address = free_address()
    server = subprocess.Popen(words, cwd=root, env={**env, "HOST": address}, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            assert server.poll() is None, f"`{' '.join(words)}` stopped:\n{server.stdout.read()}"
            try:
                with urllib.request.urlopen(f"http://{address}/", timeout=5) as response:
                    assert response.status == 200
                    return server, address
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"`{' '.join(words)}` served nothing at http://{address}/ within 240 s")
    except BaseException:
        os.killpg(server.pid, signal.SIGKILL)
        server.communicate(timeout=30)
        raise


MAKES_OWN_VARIABLES = {"MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "MAKE_TERMOUT", "MAKE_TERMERR"}


def editor_environment(**extra: str) -> dict[str, str]:
    # An editor's shell: none of our test run's settings, and none of GNU make's either
    # (CI runs the tests under `make test`, whose MAKELEVEL would make every `make` the
    # guide runs think it is a sub-make and print "Entering directory").
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "STRATEGY_")) and key not in MAKES_OWN_VARIABLES
    }
    return {**env, "STRATEGY_BUILD_DATE": "2026-11-25", **extra}


@pytest.mark.parametrize("guide", GUIDES)
def test_every_step_of_the_editors_guide_works_as_written(guide, tmp_path):
    root = scratch_repository(tmp_path / "repo")
    steps = guide_steps((REPO / guide).read_text(encoding="utf-8"))
    assert [kind for kind, _ in steps].count("command") >= 15, "the guide's commands were not found"
    env, home = editor_environment(), editors_home(tmp_path / "home")
    for kind, step in steps:
        if kind == "yaml":
            put_yaml(root, step)
        elif kind == "markdown":
            put_markdown(root, step)
        else:
            said = run_command(step, root, env, home)
            assert "make: " not in said, f"`{step}`: make spoke for itself:\n{said}"
            if env.get("STRATEGY_LANG") == "cy" and step.startswith("make") and not step.startswith("make test"):
                assert english_words(said) == [], f"`{step}` said, in English:\n{said}"  # git speaks for itself
    # What the guide built is there: the posts it started and the plan it changed.
    assert (root / "docs/en/posts/missions/mission-7-green-digital.md").is_file()
    assert (root / "docs/cy/posts/clybiau-codio.md").is_file()
    # ...and the picture it added, in both languages, shown with alt text in each.
    for language, alt in (("cy", "![Plant yn codio"), ("en", "![Children coding")):
        assert (root / f"docs/{language}/posts/images/coding-club.png").read_bytes() == (
            home / "Pictures/coding-club.png").read_bytes()
        assert alt in (root / f"docs/{language}/posts/clybiau-codio.md").read_text(encoding="utf-8")
    assert "Fund 250 digital apprenticeships" in (root / "data/plan.yaml").read_text(encoding="utf-8")
    # The change of status the guide made (with its note) is in the quarter's progress report.
    report = (root / "site" / ("cy/" if guide == "EDITORS.cy.md" else "") / "progress/2026-q4/index.html").read_text(
        encoding="utf-8")
    note = "40 prentisiaeth gyntaf wedi dechrau" if guide == "EDITORS.cy.md" else "The first 40 apprenticeships have started."
    assert note in report
    # ...and every text of the plan it changed was marked as translated, as the guide says.
    plan = run_command("make translations", root, {**env, "STRATEGY_LANG": "en"})
    assert re.search(r"The delivery plan \(data/plan.yaml\): \d+ texts, \d+ in step, 0 outdated", plan)
    assert subprocess.run(["git", "ls-remote", "--tags", "origin"], cwd=root, capture_output=True,
                          text=True).stdout.count("v2027.1") == 1


def test_the_welsh_guide_gets_answers_in_welsh(tmp_path):
    root = scratch_repository(tmp_path / "repo")
    env = editor_environment(STRATEGY_LANG="cy")
    said = run_command("make translated ALL=1", root, env)
    assert "Marciwyd 0 o" in said and "Marked" not in said


def test_the_two_guides_say_the_same_things():
    english, welsh = ((REPO / guide).read_text(encoding="utf-8") for guide in GUIDES)
    assert len(re.findall(r"^#+ ", english, re.MULTILINE)) == len(re.findall(r"^#+ ", welsh, re.MULTILINE))
    welsh_commands = [step for kind, step in guide_steps(welsh) if kind == "command" and not step.startswith("export")]
    # The Welsh guide says where a Markdown block goes in Welsh ("› ar y diwedd").
    assert [step for kind, step in guide_steps(english)] == [
        step.replace("› ar y diwedd -->", "› at the end -->", 1) for kind, step in guide_steps(welsh)
        if not step.startswith("export")]
    assert welsh_commands  # the comparison above compared something


def readme_commands() -> list[str]:
    """The commands of the README: its first block and its table of everyday commands."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = [line.split("#")[0].strip() for line in _INDENTED.search(text).group(1).splitlines()]
    table = re.findall(r"^\| `(make [^`]+)` \|", text, re.MULTILINE)
    return list(dict.fromkeys(first_block + table))


def test_every_command_of_the_readme_works_as_written(tmp_path):
    root = scratch_repository(tmp_path / "repo")
    env = editor_environment()
    commands = readme_commands()
    assert {"make serve", "make test", "make check", "make post", "make build"} <= set(commands)
    for line in commands:
        if line == "make post":  # it asks for the titles: answer as an editor would
            result = subprocess.run(["script", "-qec", line, "/dev/null"], cwd=root, env=env, capture_output=True,
                                    text=True, input="Listening to users\nGwrando ar ddefnyddwyr\n", timeout=120)
            assert result.returncode == 0, result.stdout + result.stderr
            assert (root / "docs/cy/posts/listening-to-users.md").is_file()
        else:
            run_command(line, root, env)


def test_the_preview_options_the_guides_name_work_as_written(tmp_path):
    # In the guides' text rather than a block of commands: one language, another address
    # (_serve gives HOST the free address it found).
    root = scratch_repository(tmp_path / "repo")
    for guide in GUIDES:
        text = (REPO / guide).read_text(encoding="utf-8")
        assert "`make serve ONLY=cy`" in text and "`make serve HOST=127.0.0.1:8001`" in text
    run_command("make serve ONLY=cy", root, editor_environment())


def test_make_serve_stopped_with_sigterm_leaves_no_preview_behind(tmp_path):
    """An IDE's stop button or a CI runner's timeout sends SIGTERM to make alone, which
    passes it to the recipe's shell alone: the preview under it stops too, and frees its address."""
    root = scratch_repository(tmp_path / "repo")
    make, address = _started_server(["make", "serve"], root, editor_environment())
    try:
        os.kill(make.pid, signal.SIGTERM)
        said = make.communicate(timeout=60)[0]
        deadline = time.monotonic() + 60
        while _processes_of(make.pid):  # the preview and its workers, in make's process group
            assert time.monotonic() < deadline, _processes_of(make.pid)
            time.sleep(0.2)
    finally:
        try:
            os.killpg(make.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert "Stopping the preview" in said and "Traceback" not in said
    host, port = address.rsplit(":", 1)
    with socket.socket() as probe:
        probe.bind((host, int(port)))  # the address is free again


def _processes_of(group: int) -> list[str]:
    """The command lines of the processes still in process group ``group``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group and fields[0] != "Z":
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_every_command_our_messages_name_exists():
    """Messages tell editors what to run next ('run make translated FILE=...'): each
    target they name is in the Makefile."""
    sources = [REPO / "src/strategy/catalogue.yml", *sorted((REPO / "src/strategy").rglob("*.py"))]
    named = {match for path in sources for match in re.findall(r"(?:['`]|run |: )make ([a-z]+)\b", path.read_text(encoding="utf-8"))}
    assert {"translated", "check", "serve", "post"} <= named
    # Not `make -n`: any other name is a command too, one that says it is none of these.
    assert sorted(named - set(_makefile_commands())) == []
    # ...and in the Makefile `strategy init` gives a new site, but for this repository's tests.
    assert sorted(named - set(_makefile_commands(REPO / "src/strategy/starter")) - {"test"}) == []


def test_the_command_an_outdated_translation_warning_names_brings_it_in_step(tmp_path):
    root = scratch_repository(tmp_path / "repo")
    env = editor_environment()
    source = root / "docs/en/posts/setting-the-context.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    warned = run_command("make check", root, env)
    command = re.search(r"run '(make translated FILE=[^']+)'", warned).group(1)
    run_command(command, root, env)
    assert "may be out of date" not in run_command("make check", root, env)


def test_the_command_an_outdated_plan_text_warning_names_brings_it_in_step(tmp_path):
    root = scratch_repository(tmp_path / "repo")
    env = editor_environment()
    plan = root / "data/plan.yaml"
    english = "en: Run a programme for leaders."  # the fixture site's plan (tests/fixture_site)
    assert english in plan.read_text(encoding="utf-8")
    plan.write_text(plan.read_text(encoding="utf-8").replace(english, english + " Twice a year."), encoding="utf-8")
    warned = run_command("make check", root, env)
    command = re.search(r"run '(make translated ENTRY=[^']+)'", warned).group(1)
    assert "leadership-programme" in command
    run_command(command, root, env)
    assert "data/plan.yaml" not in run_command("make check", root, env)


# What the Makefile and CI's fresh-machine script call on, by the name the README gives it.
TOOL_NAMES = {"python3": "Python 3.11", "npm": "npm", "make": "make", "chromium": "Chromium",
              "default-jre-headless": "Java", "nodejs": "Node.js", "git": "git"}


def _readme_prerequisites() -> tuple[str, str]:
    """The README's first paragraph after its two commands: what `make serve` needs, then the rest."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    paragraph = text[_INDENTED.search(text).end():].strip().split("\n\n")[0]
    serve, test = paragraph.split("`make test` needs", 1)
    return " ".join(serve.split()), " ".join(test.split())


def _tools_called() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    called = {"make"} | set(re.findall(r"^PYTHON \?= (\S+)", makefile, re.MULTILINE))
    called |= {word for word in re.findall(r"^\t@?(\w[\w.-]*)", makefile, re.MULTILINE) if word in TOOL_NAMES}
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    called |= {word for listed in re.findall(r"^(?:command -v \w+ .*\|\| )?apt_install ([^\n]+)$", ci, re.MULTILINE)
               for word in listed.split()}
    tests = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "tests").glob("*.py"))
    called |= {"git"} if re.search(r"\[\s*\"git\"", tests) else set()
    return {word for word in called if word in TOOL_NAMES}


def test_the_readme_names_every_tool_the_two_commands_need():
    called = _tools_called()
    assert {"python3", "npm", "make", "chromium", "default-jre-headless", "git"} <= called  # what was found
    serve, test = _readme_prerequisites()
    named = f"{serve} {test}"
    assert [TOOL_NAMES[tool] for tool in sorted(called) if TOOL_NAMES[tool] not in named] == []
    # `make serve` needs less: Python and make, none of the test tools.
    assert "Python 3.11" in serve and "`make`" in serve
    assert not any(TOOL_NAMES[tool] in serve for tool in ("npm", "chromium", "default-jre-headless", "git"))
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "node_modules" not in re.search(r"^serve:.*$", makefile, re.MULTILINE).group()


def run_make(root: Path, *words: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """``make WORDS`` as an editor runs it, in ``root``."""
    return subprocess.run(["make", *words], cwd=root, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)


def _makefile_commands(folder: Path = REPO) -> list[str]:
    makefile = (folder / "Makefile").read_text(encoding="utf-8")
    return re.search(r"^\.PHONY: (.+)$", makefile, re.MULTILINE).group(1).split()


@pytest.mark.parametrize("welsh", [None, ["IAITH=cy"], {"STRATEGY_LANG": "cy"}], ids=["en", "IAITH", "STRATEGY_LANG"])
def test_make_help_lists_every_command_in_the_editors_language(welsh):
    env = editor_environment(**(welsh if isinstance(welsh, dict) else {"STRATEGY_LANG": "en"}))
    result = run_make(REPO, *(welsh if isinstance(welsh, list) else []), env=env)  # `make` alone is `make help`

    assert result.returncode == 0 and result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == _makefile_commands()
    assert all(line.startswith("  make ") and len(line.split()) > 3 for line in lines)  # each says what it does
    if welsh:
        assert english_words(result.stdout) == []
        assert "  make check         Gwirio pob cofnod a'r cynllun cyflawni, pob problem ar unwaith" in lines
    else:
        assert "  make check         Check every post and the delivery plan, all problems at once" in lines


STRATEGY_COMMANDS = ["init", "serve", "help", "check", "new", "translated", "translations", "build", "versions",
                     "proof"]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_strategy_help_says_every_command_and_option_in_the_editors_language(language):
    """`strategy --help`, and each command's, as the message for `strategy` tells one to run it."""
    strategy = str(Path(sys.executable).with_name("strategy"))
    env = editor_environment(STRATEGY_LANG=language)
    listing = subprocess.run([strategy, "--help"], env=env, capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and listing.stderr == ""
    assert re.findall(r"^    (\w+)(?: |$)", listing.stdout, re.MULTILINE) == STRATEGY_COMMANDS  # each with what it does
    for command in [[], *([name] for name in STRATEGY_COMMANDS)]:
        shown = subprocess.run([strategy, *command, "--help"], env=env, capture_output=True, text=True, timeout=60)
        assert shown.returncode == 0 and shown.stderr == "", shown.stderr
        said = shown.stdout
        assert "``" not in said and "EDITORS" not in said  # a new site has no EDITORS.md
        lines = said.splitlines()
        for number, line in enumerate(lines):  # every option says what it is for, on its line or the next
            if line.startswith("  -"):
                assert re.search(r"\S  +\S", line.strip()) or lines[number + 1].startswith(" " * 24), line
        if language == "cy":
            assert said.startswith("defnydd: strategy") and "\nopsiynau:\n" in said, said
            # the commands' names and the placeholders for values, as typed, are the same in both languages
            prose = re.sub(r"\{[^}]*\}|^    [a-z]+(?= )|\bstrategy [a-z]+|\b[A-Z][A-Z_]+\b", "", said, flags=re.MULTILINE)
            assert english_words(prose) == [], said
        else:
            assert said.startswith("usage: strategy") and "\noptions:\n" in said, said


@pytest.mark.parametrize("welsh", [["IAITH=cy"], {"STRATEGY_LANG": "cy"}], ids=["IAITH", "STRATEGY_LANG"])
def test_a_command_that_fails_through_make_says_only_what_is_wrong_in_welsh(tmp_path, welsh):
    root = scratch_repository(tmp_path / "repo")
    env = editor_environment(**(welsh if isinstance(welsh, dict) else {}))
    post = root / "docs/en/posts/setting-the-context.md"  # the fixture's (tests/fixture_site)
    post.write_text(post.read_text(encoding="utf-8") + "\n![A map](images/map.png)\n", encoding="utf-8")
    line = len(post.read_text(encoding="utf-8").splitlines())
    before = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    failing = {
        ("check",): f"docs/en/posts/setting-the-context.md:{line}: ffeil:",
        ("build",): f"docs/en/posts/setting-the-context.md:{line}: ffeil:",
        ("post", "KIND=misson", "TITLE=A", "TITLE_CY=B"):
            "KIND: disgwylid un o'r rhain: event, mission, series, showcase, cafwyd 'misson'. "
            "Oeddech chi'n golygu 'KIND=mission'?",
        ("post", "DATE=2026-02-30", "TITLE=A", "TITLE_CY=B"): "DATE: disgwylid dyddiad sy'n bodoli",
        ("post", "KIND=showcase", "MISSION=digtal-skills", "TITLE=A", "TITLE_CY=B"):
            "Oeddech chi'n golygu 'MISSION=digital-skills'?",
        ("post", "KIND=mission", "TITLE=A", "TITLE_CY=B"): "mae angen `MISSION=...` ar gofnod o'r math mission",
        ("post", "TITLE=Setting the context", "TITLE_CY=Gosod y cyd-destun"): "dewiswch enw arall gyda `SLUG=...`",
        ("serve", "HOST=everywhere"): "HOST: disgwylid cyfeiriad a phorth",
        ("versions", "HOST=everywhere"): "HOST: disgwylid cyfeiriad a phorth",
        ("chek",): "Does dim gorchymyn `make chek`. Oeddech chi'n golygu 'make check'? Dyma'r gorchmynion:\n"
                   "  make help          Rhestru'r gorchmynion\n",
    }
    for words, expected in failing.items():
        result = run_make(root, *words, *(welsh if isinstance(welsh, list) else []), env=env)
        said = result.stdout + result.stderr
        assert result.returncode != 0, f"make {' '.join(words)} succeeded:\n{said}"
        assert expected in said, said
        assert "make: " not in said and english_words(said) == [], f"make {' '.join(words)} said:\n{said}"
    after = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    assert after == before  # no post was started


def test_a_failed_command_fails_a_script_that_runs_it(tmp_path):
    # make says nothing of its own, but the status it leaves is still a failure for `&&`, `set -e` and CI.
    root = scratch_repository(tmp_path / "repo")
    script = "set -e; make post KIND=misson TITLE=A TITLE_CY=B; echo went on"
    result = subprocess.run(["bash", "-c", script], cwd=root, env=editor_environment(), capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode != 0 and "went on" not in result.stdout
    assert result.stderr == ("KIND: expected one of event, mission, series, showcase, found 'misson'. "
                             "Did you mean 'KIND=mission'?\n")


_MISTAKE_SHOWN = re.compile(r"^    (make post KIND=\S+)\n    (.+)$", re.MULTILINE)


@pytest.mark.parametrize("guide", GUIDES)
def test_the_mistake_the_guides_show_is_said_as_they_show_it(guide, tmp_path):
    root = scratch_repository(tmp_path / "repo")
    command, said = _MISTAKE_SHOWN.search((REPO / guide).read_text(encoding="utf-8")).groups()
    env = editor_environment(STRATEGY_LANG="cy" if guide == "EDITORS.cy.md" else "en")
    result = run_make(root, *shlex.split(command)[1:], env=env)
    assert result.returncode != 0
    assert (result.stdout, result.stderr) == ("", said + "\n")
