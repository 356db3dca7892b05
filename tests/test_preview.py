"""The editors' preview (`make serve`): what an editor sees after saving a file is
exactly what a full build of the preview would show, whether the preview rendered
only the pages the edit changed or built everything again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pytest

from conftest import BUILD_DATE, copy_site_sources, override, run_strategy

POST = "posts/setting-the-context.md"
WAIT = 240  # seconds: a full build on a busy two-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _preview(root: Path, *args: str, only: str = "", **popen) -> subprocess.Popen | subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "STRATEGY_BUILD_DATE": BUILD_DATE, "STRATEGY_PREVIEW_LANGUAGES": only,
           "STRATEGY_LANG": "en"}  # the messages the tests read
    command = [sys.executable, "-m", "strategy", "serve", "--root", str(root), *args]
    if popen:
        return subprocess.Popen(command, cwd=root, env=env, **popen)
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=WAIT)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except urllib.error.URLError:
        return 0, ""


def _wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _differences(served: Path, full: Path) -> list[str]:
    mine, theirs = _tree(served), _tree(full)
    return sorted([f"only in the preview: {name}" for name in mine.keys() - theirs.keys()]
                  + [f"only in a full build: {name}" for name in theirs.keys() - mine.keys()]
                  + [f"differs: {name}" for name in mine.keys() & theirs.keys() if mine[name] != theirs[name]])


@pytest.fixture
def running_preview(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    port = _free_port()
    log = (tmp_path / "preview.log").open("w+")
    server = _preview(root, "--site-dir", str(tmp_path / "served"), "--dev-addr", f"127.0.0.1:{port}",
                      stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, "</html>")
        yield root, url, tmp_path, log
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_POST = {"en": "---\nkind: series\nid: added-post\ntitle: EDITED-NEW post\nsummary: \"A post added.\"\n"
                  "date: 2026-11-03\n---\n\nAdded.\n",
            "cy": "---\ntranslated_from: en\nsource_hash: abcdef012345\ntitle: Cofnod EDITED-NEW\n"
                  "summary: \"Cofnod newydd.\"\n---\n\nYchwanegwyd.\n"}

EDITS = [
    # (what an editor changes, the file, text replaced, its new text (with a marker), the page
    #  that shows it, whether the preview renders the pages itself or builds everything again)
    ("an English post's body", f"docs/en/{POST}", "This post opens the series.", "This post EDITED-BODY opens the series.",
     "posts/setting-the-context/", True),
    ("a Welsh post's body", f"docs/cy/{POST}", "Mae'r cofnod hwn yn agor", "Mae'r cofnod EDITED-CORFF hwn yn agor",
     "cy/posts/setting-the-context/", True),
    ("a post's title", f"docs/en/{POST}", "title: Setting the context", "title: Setting the EDITED-TITLE context",
     "posts/setting-the-context/", True),
    ("a post's summary", f"docs/cy/{POST}", "summary: \"Pam mae'r", "summary: \"EDITED-CRYNODEB Pam mae'r",
     "cy/posts/setting-the-context/", True),
    ("the delivery plan", "data/plan.yaml", "en: Digital services,", "en: Digital EDITED-PLAN services,",
     "delivery-plan/", True),
    ("a template the site overrides", "overrides/main.html", "{% block extrahead %}",
     "{% block extrahead %}<!-- EDITED-TEMPLATE -->", "cy/", False),
]


def _changed_pages(logged: str) -> bool:
    """Whether the preview rendered the pages itself (rather than building everything again)."""
    return "Rendered" in logged and "A full build" not in logged


def _same_as_a_full_build(root: Path, url: str, tmp_path: Path, name: str, kind: str) -> None:
    full = tmp_path / f"full-{name}"
    built = _preview(root, "--site-dir", str(full), "--build-only", "--dev-addr", url[len("http://"):].rstrip("/"))
    assert built.returncode == 0, built.stdout + built.stderr
    assert _differences(tmp_path / "served", full) == [], f"after editing {kind}"


def test_every_kind_of_edit_shows_what_a_full_build_shows(running_preview):
    root, url, tmp_path, log = running_preview
    for number, (kind, file, old, new, page, on_its_own) in enumerate(EDITS):
        log.seek(0, os.SEEK_END)
        logged_before = log.tell()
        if file.startswith("overrides/") and not (root / file).exists():  # the site's own copy of ours
            override(root, file.removeprefix("overrides/"))
        _edit(root / file, old, new)
        _wait_for(url + page, next(word for word in new.split() if "EDITED-" in word).strip(",\""))
        log.seek(logged_before)
        logged = log.read()
        assert _changed_pages(logged) == on_its_own, f"{kind}: {logged}"
        _same_as_a_full_build(root, url, tmp_path, str(number), kind)


def test_a_post_added_is_built_with_the_rest(running_preview):
    root, url, tmp_path, log = running_preview
    for language in ("cy", "en"):  # the source last: until it comes, the Welsh page alone is a problem
        (root / "docs" / language / "posts" / "added.md").write_text(NEW_POST[language], encoding="utf-8")
    _wait_for(url + "posts/added/", "EDITED-NEW")
    _wait_for(url + "cy/posts/added/", "EDITED-NEW")
    log.seek(0)
    assert "A full build" in log.read()
    _same_as_a_full_build(root, url, tmp_path, "added", "a post added")


def test_a_preview_of_one_language_says_the_other_is_not_built(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    port = _free_port()
    server = _preview(root, "--dev-addr", f"127.0.0.1:{port}", only="cy",
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        welsh = _wait_for(url, "</html>")  # the preview's root opens the Welsh home page
        assert 'lang="cy"' in welsh and "livereload" in welsh  # the browser still reloads on a save
        status, english = _get(url + "posts/setting-the-context/")
        assert status == 404
        sections = lxml.html.fromstring(english).findall(".//section")
        assert [section.get("lang") for section in sections] == ["cy", "en"]  # the preview's language first
        assert "Mae'r rhagolwg hwn yn dangos y tudalennau Cymraeg yn unig" in sections[0].text_content()
        assert "This preview shows only the Welsh pages" in sections[1].text_content()
        assert sections[0].find(".//a").get("href") == "/cy/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_saved_problem_is_reported_and_the_preview_carries_on(running_preview):
    root, url, tmp_path, log = running_preview
    post = root / "docs" / "en" / POST
    original = post.read_text(encoding="utf-8")
    post.write_text(original + "\n<script>alert(1)</script>\n", encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while "Not updated" not in (log.seek(0) or log.read()):
        assert time.monotonic() < deadline, log.read()
        time.sleep(0.2)
    log.seek(0)
    assert "<script> element" in log.read()  # the problem, named as `make check` names it
    assert "alert(1)" not in _wait_for(url + "posts/setting-the-context/", "</html>")
    post.write_text(original.replace("This post opens", "This post EDITED-FIXED opens"), encoding="utf-8")
    _wait_for(url + "posts/setting-the-context/", "EDITED-FIXED")
    log.seek(0)
    assert _changed_pages(log.read())  # the fix was rendered on its own, with the pages the problem held back
    _same_as_a_full_build(root, url, tmp_path, "fixed", "a problem fixed")


def test_the_page_reloads_itself_under_its_policy_and_shows_a_saved_problem_until_it_is_fixed(running_preview, browser):
    root, url, tmp_path, log = running_preview
    context = browser.new_context()
    tab = context.new_page()
    console = []
    tab.on("console", lambda line: console.append(line.text))
    post = root / "docs" / "en" / POST
    original = post.read_text(encoding="utf-8")
    try:
        tab.goto(url + "posts/setting-the-context/")
        _edit(post, "This post opens", "This post EDITED-LIVE opens")
        # Nothing here reloads the page: the preview's own script must (writing the file is all).
        tab.wait_for_selector("text=EDITED-LIVE", timeout=WAIT * 1000)
        assert not tab.query_selector(".strategy-preview-problems")

        post.write_text(original + "\n<script>alert(1)</script>\n", encoding="utf-8")
        notice = tab.wait_for_selector(".strategy-preview-problems", timeout=WAIT * 1000)
        assert notice.get_attribute("role") == "alert"
        said = notice.inner_text()
        assert "Not updated" in said and "docs/en/posts/setting-the-context.md" in said and "<script> element" in said
        tab.set_viewport_size({"width": 320, "height": 700})  # a phone: each problem wraps, whole
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320
        code = tab.query_selector(".strategy-preview-problems pre > code")
        assert code.evaluate("e => e.scrollWidth <= e.clientWidth")
        welsh = lxml.html.fromstring(_get(url + "cy/")[1]).cssselect(".strategy-preview-problems")
        # In the page's own language, and true of it: only the English page's build met the problem,
        # so the Welsh pages show what was saved.
        assert welsh and "Mae'r dudalen hon yn dangos yr hyn a gadwoch chi" in welsh[0].text_content()

        post.write_text(original.replace("This post opens", "This post EDITED-FIXED opens"), encoding="utf-8")
        tab.wait_for_selector("text=EDITED-FIXED", timeout=WAIT * 1000)
        assert not tab.query_selector(".strategy-preview-problems")
        assert [line for line in console if "Content Security Policy" in line] == []
    finally:
        context.close()


def test_a_taken_address_is_said_at_once_with_what_to_do(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _preview(root, "--dev-addr", f"127.0.0.1:{port}")
    assert result.returncode != 0
    assert f"Cannot serve the preview at 127.0.0.1:{port}" in result.stderr
    assert "make serve HOST=127.0.0.1:8001" in result.stderr and "Traceback" not in result.stderr
    assert "Built" not in result.stdout + result.stderr  # said before building anything


def test_ctrl_c_stops_every_process_of_the_preview_without_a_traceback(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    port = _free_port()
    log = (tmp_path / "preview.log").open("w+")
    server = _preview(root, "--dev-addr", f"127.0.0.1:{port}", stdout=log, stderr=subprocess.STDOUT,
                      start_new_session=True)  # a terminal of its own: Ctrl+C reaches its whole group
    try:
        _wait_for(f"http://127.0.0.1:{port}/", "</html>")
        os.killpg(server.pid, signal.SIGINT)
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    log.seek(0)
    said = log.read()
    assert "Stopping the preview" in said and "Traceback" not in said and "KeyboardInterrupt" not in said
    with pytest.raises(ProcessLookupError):
        os.killpg(server.pid, 0)  # no worker is left running


def _request(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for_log(log, text: str) -> str:
    deadline = time.monotonic() + WAIT
    while text not in (log.seek(0) or log.read()):
        assert time.monotonic() < deadline, log.read()
        time.sleep(0.2)
    log.seek(0)
    return log.read()


def test_the_preview_answers_only_its_own_names_and_never_fails_on_an_odd_address(running_preview):
    root, url, tmp_path, log = running_preview
    port = url.rstrip("/").rsplit(":", 1)[1]
    assert _request(url, host=f"localhost:{port}")[0] == 200
    # A page elsewhere whose own name was pointed at this machine (DNS rebinding) gets nothing.
    status, said = _request(url + "posts/setting-the-context/", host=f"attacker.example:{port}")
    assert status == 403 and "Setting the context" not in said and "this computer's own names" in said
    assert _request(url + "cy/%00")[0] == 404
    assert _request(url + "%00/../index.html")[0] == 200  # the home page, as the path is written
    assert _request(url + "cy/" + "x" * 5000)[0] == 404  # longer than a file name can be


def test_a_missing_image_is_named_in_the_notice_and_the_page_stays_the_last_good_one(running_preview):
    root, url, tmp_path, log = running_preview
    post = root / "docs" / "en" / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("This post opens", "This post EDITED-UNSEEN opens")
                    + "\n![A chart](images/missing-chart.png)\n\n# A second title\n\n![](images/map.png)\n",
                    encoding="utf-8")
    line = len(text.splitlines()) + 2
    _wait_for_log(log, "Not updated")
    status, page = _get(url + "posts/setting-the-context/")
    notice = lxml.html.fromstring(page).cssselect(".strategy-preview-problems")[0]
    problems = [item.text_content() for item in notice.cssselect("li")]
    # Every problem of the page, as `make check` lists them: the missing file does not hide the others.
    checked = run_strategy(root, "check", env={"STRATEGY_LANG": "en"})
    assert problems == [checked.stderr.strip()]
    assert problems[0].startswith("4 problems in the content:\n") and f"{POST}:{line}: " in problems[0]
    # The notice says the page is the last good version, and it is: the edit is not in it.
    assert "Not updated: this page is the last good version" in notice.text_content()
    assert "EDITED-UNSEEN" not in page and "Aborted" not in page


def test_a_template_that_fails_on_an_edited_page_is_named_with_its_line_and_the_preview_carries_on(running_preview):
    """A site template that works until an edit gives it what it cannot handle: the page
    rendered on its own fails part-way, so the preview builds everything again, and its
    notice names the template and the line, as `make build` does, with no traceback."""
    root, url, tmp_path, log = running_preview
    template = override(root, "main.html")
    _edit(template, "{% block extrahead %}", "{% block extrahead %}"
          "{% if 'BREAK-TEMPLATE' in (page.markdown or '') %}{{ nosuch.thing }}{% endif %}<!-- GUARDED -->")
    line = template.read_text(encoding="utf-8").splitlines().index(next(
        text for text in template.read_text(encoding="utf-8").splitlines() if "BREAK-TEMPLATE" in text)) + 1
    _wait_for(url + "posts/setting-the-context/", "GUARDED")
    post = root / "docs" / "en" / POST
    _edit(post, "This post opens", "This post BREAK-TEMPLATE opens")
    _wait_for(url + "posts/setting-the-context/", "strategy-preview-problems")
    status, page = _get(url + "posts/setting-the-context/")
    problems = "\n".join(item.text_content() for item in
                         lxml.html.fromstring(page).cssselect(".strategy-preview-problems li"))
    assert f"\n  overrides/main.html:{line}: file: expected a template that works with the values the page gives it, " \
           "found a mistake that `Jinja` describes as: 'nosuch' is undefined" in problems, problems
    assert "Error building page" not in problems  # MkDocs' words, said as ours
    _edit(post, "This post BREAK-TEMPLATE opens", "This post EDITED-AGAIN opens")
    _wait_for(url + "posts/setting-the-context/", "EDITED-AGAIN")
    log.seek(0)
    assert "Traceback" not in log.read()


def test_a_preview_whose_first_build_fails_says_why_on_every_page_until_it_is_fixed(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    template = override(root, "partials/copyright.html")
    template.write_text("<p>\n{{ nothing.here }}</p>\n", encoding="utf-8")
    port = _free_port()
    log = (tmp_path / "preview.log").open("w+")
    server = _preview(root, "--dev-addr", f"127.0.0.1:{port}", stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for_log(log, "The preview could not be built")
        for address in (url, url + "cy/posts/setting-the-context/"):
            status, page = _get(address)
            assert status == 404
            tree = lxml.html.fromstring(page)
            assert [h1.text_content() for h1 in tree.cssselect("h1")] == [
                "The preview could not be built yet", "Nid oedd modd adeiladu'r rhagolwg eto"]
            notice = tree.cssselect(".strategy-preview-problems")[0].text_content()
            assert "Nothing could be built yet." in notice
            assert "overrides/partials/copyright.html:2: file: expected a template that works" in notice
        template.write_text("<p>EDITED-FOOTER</p>\n", encoding="utf-8")
        assert "strategy-preview-problems" not in _wait_for(url, "EDITED-FOOTER")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_renaming_both_twins_of_a_post_keeps_the_last_good_pages_with_the_notice(running_preview):
    root, url, tmp_path, log = running_preview
    for language in ("en", "cy"):  # the home pages link to this post: the renamed site cannot build
        folder = root / "docs" / language / "posts"
        (folder / "setting-the-context.md").rename(folder / "the-context.md")
    _wait_for_log(log, "The preview could not be built")
    for page in ("", "cy/", "posts/setting-the-context/", "cy/posts/setting-the-context/"):
        status, body = _get(url + page)
        assert status == 200, page
        notice = lxml.html.fromstring(body).cssselect(".strategy-preview-problems")
        assert notice and "setting-the-context" in notice[0].text_content(), page


def _workers_of(root: Path) -> list[int]:
    """The preview's worker processes for the site at ``root``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"strategy.preview.worker" in command and str(root / "mkdocs.yml").encode() in command:
            found.append(int(cmdline.parent.name))
    return found


def test_a_paused_worker_is_ended_said_and_the_preview_carries_on(running_preview):
    """A worker someone paused (SIGSTOP) would keep every page waiting for ever: the preview
    ends it, says so, and builds again with fresh workers, which show the edit."""
    root, url, tmp_path, log = running_preview
    paused = _workers_of(root)[0]
    os.kill(paused, signal.SIGSTOP)
    try:
        _edit(root / "docs" / "en" / POST, "This post opens", "This post EDITED-AFTER-PAUSE opens")

        said = _wait_for_log(log, "was paused (as by `SIGSTOP`) for 5 seconds, and was ended")
        _wait_for(url + "posts/setting-the-context/", "EDITED-AFTER-PAUSE")
    finally:
        if paused in _workers_of(root):
            os.kill(paused, signal.SIGKILL)
    assert "Traceback" not in said
    assert paused not in _workers_of(root) and len(_workers_of(root)) == 2
