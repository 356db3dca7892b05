"""The GitHub workflows pass actionlint, and do what they say."""

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import yaml

from conftest import BUILD_DATE, REPO, copy_site_sources

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
STARTER_WORKFLOWS = sorted((REPO / "src/strategy/starter/github/workflows").glob("*.yml"))  # a new site's


def test_there_is_a_ci_workflow():
    assert REPO / ".github/workflows/ci.yml" in WORKFLOWS


def test_every_workflow_passes_actionlint():
    # installed by requirements-dev.txt into the virtual environment beside python
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).with_name("actionlint"))
    result = subprocess.run([actionlint, "-color=false", *map(str, WORKFLOWS + STARTER_WORKFLOWS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_pull_requests_preview_opens_as_its_instructions_say(tmp_path):
    """Build the preview as the workflow does, then serve it with the one command the run's
    summary gives reviewers: every page the home pages link to is a page, not a folder."""
    workflow = yaml.safe_load((REPO / ".github/workflows/preview.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["preview"]
    steps = {step.get("name"): step for step in job["steps"]}
    assert "preview-instructions.md" in steps["Say how to open it"]["run"]
    repo = copy_site_sources(tmp_path / "repo")
    build_command = shlex.split(steps["Build the preview"]["run"])
    env = {**os.environ, **job["env"], **dict(word.split("=", 1) for word in build_command if "=" in word[:20]),
           "STRATEGY_BUILD_DATE": BUILD_DATE}
    installed = {"python": sys.executable, "strategy": str(Path(sys.executable).with_name("strategy"))}
    command = [installed.get(word, word) for word in build_command if "=" not in word[:20]]
    assert subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True).returncode == 0

    instructions = (REPO / ".github/preview-instructions.md").read_text(encoding="utf-8")
    serve = shlex.split(re.search(r"^ {7}(python3 -m http\.server .*)$", instructions, re.MULTILINE).group(1))
    port = _free_port()
    serve = [sys.executable if word == "python3" else str(port) if word == "8000" else word for word in serve]
    server = subprocess.Popen(serve, cwd=repo / "site", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        home = f"http://127.0.0.1:{port}/"
        assert "Open http://127.0.0.1:8000/" in instructions
        pages = {home, home + "cy/"}
        for start in sorted(pages):
            body = _get(start)
            links = lxml.html.fromstring(body).xpath("//a/@href")
            pages |= {urljoin(start, link).split("#")[0] for link in links if not urlsplit(link).scheme}
        for page in sorted(pages):
            assert "Directory listing for" not in _get(page), page
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8", "replace")
        except urllib.error.URLError as error:
            if isinstance(error, urllib.error.HTTPError) or time.monotonic() > deadline:
                raise AssertionError(f"{url}: {error}") from None
            time.sleep(0.2)  # the server is starting
