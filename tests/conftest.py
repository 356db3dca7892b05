"""Shared fixtures: a copy of the repository to break, and real builds of the site."""

from __future__ import annotations

import compileall
import fcntl
import functools
import http.server
import os
import py_compile
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, settings

# Generated inputs (hypothesis): few examples, so that CI stays quick, and under CI the
# same examples every run (derandomize); a local run explores new ones each time.
# HYPOTHESIS_PROFILE=explore asks for many more.
_SLOW_EXAMPLES = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=25, derandomize=True, deadline=None,
                          suppress_health_check=_SLOW_EXAMPLES, print_blob=True)
settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=_SLOW_EXAMPLES)
settings.register_profile("explore", max_examples=500, deadline=None, suppress_health_check=_SLOW_EXAMPLES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixture_site"
"""The tests' own content (docs/ and data/, see its README.md): behaviour is tested on it, so that
editors can replace the sample content in the repository's docs/ and data/ without breaking a test."""
CONTENT = ("docs", "data", "mkdocs.yml", "overrides", "strings.yml")
"""A site's own: its pages, its plan, its name, address and options, its overrides of the
package's templates and its own wording of the package's strings. The code is the installed
package (src/strategy/), as for any site."""
PACKAGE = REPO / "src" / "strategy"
THEME = PACKAGE / "theme"


def pytest_sessionstart(session):
    """Write the package's bytecode beside it, once per test process. Every command and
    build the tests run is a new process importing the package; on a machine that sets
    PYTHONDONTWRITEBYTECODE, as this one does (and so, likely, CI's), each would compile
    every module again: a third of a `make check`. The bytecode is checked against each
    module's source, so an edited module is compiled afresh."""
    compileall.compile_dir(PACKAGE, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)


def override(site: Path, template: str) -> Path:
    """The site's own copy of one of the package's templates (``partials/copyright.html``),
    in its overrides/, as a site that changes it makes one: the path, to edit."""
    copy = site / "overrides" / template
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(THEME / template, copy)
    return copy


def copy_site_sources(destination: Path, content: Path = FIXTURE) -> Path:
    """A copy of everything a build reads, for tests that change content: the fixture's
    content, options and overrides (or ``content``'s: REPO for the sample site)."""
    for name in CONTENT:
        source = content / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def run_strategy(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a site's command (``strategy ...``, the installed package) as the Makefile does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "strategy", "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)


BUILD_DATE = "2026-11-25"
"""The day the tests publish as of, so that scheduled posts behave the same on any day."""


def build(root: Path, site_dir: Path, preview: bool = False, build_date: str = BUILD_DATE,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A production build (or, with ``preview``, the local preview's view of the content)."""
    env = {"STRATEGY_BUILD_DATE": build_date, "STRATEGY_PREVIEW": "1" if preview else "0", **(env or {})}
    return run_strategy(root, "build", "--site-dir", str(site_dir), env=env)


def write_and_release(root: Path, relative: str, words: dict[str, tuple[str, str]] | None = None) -> None:
    """What an editor does with a post `make post` started: write its summary and body in
    both languages in place of the placeholders, then remove ``draft: true``."""
    from strategy.scaffold import PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY, PLACEHOLDER_TRANSLATION_BODY
    words = words or {"en": ("What this post is about.", "The post itself.\n"),
                      "cy": ("Beth yw pwnc y cofnod hwn.", "Y cofnod ei hun.\n")}
    for language, (summary, body) in words.items():
        file = root / "docs" / language / relative
        text = file.read_text(encoding="utf-8")
        text = text.replace(PLACEHOLDER_SUMMARY[language], summary).replace(PLACEHOLDER_BODY[language], body) \
            .replace(PLACEHOLDER_TRANSLATION_BODY[language], body)
        file.write_text(text.replace("draft: true\n", ""), encoding="utf-8")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A copy of the fixture site of the test's own, to change."""
    return copy_site_sources(tmp_path / "repo")


def shared_once(tmp_path_factory, name: str, make) -> Path:
    """A folder ``make(folder)`` fills once for the whole run, even when pytest-xdist runs
    the tests in several processes: they share the run's temporary folder, and a lock
    makes the others wait for the first. Tests read what is in it; they never change it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # pytest-N/popen-gwK: the run's folder, shared by the workers
    folder = base / f"shared-{name}"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / f"shared-{name}.done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (base / f"shared-{name}.done").touch()
    return folder


def _built(root: Path, site_dir: Path, **options) -> None:
    result = build(root, site_dir, **options)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def fixture_sources(tmp_path_factory) -> Path:
    """The fixture site's sources as one folder (content and code), to build or read; never changed."""
    return shared_once(tmp_path_factory, "sources", lambda folder: copy_site_sources(folder / "repo")) / "repo"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, fixture_sources) -> Path:
    """The fixture site, built once for the whole run (production: no drafts)."""
    return shared_once(tmp_path_factory, "built", lambda folder: _built(fixture_sources, folder / "site")) / "site"


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory, fixture_sources) -> Path:
    """The fixture site as the local preview shows it (drafts and scheduled posts too), built once."""
    return shared_once(tmp_path_factory, "preview",
                       lambda folder: _built(fixture_sources, folder / "site", preview=True)) / "site"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The repository's own sample content, built once: only for tests of its validity."""
    return shared_once(tmp_path_factory, "sample", lambda folder: _built(REPO, folder / "site")) / "site"


def html_pages(site_dir: Path) -> list[Path]:
    """Every content page of a built site (the 404 page aside)."""
    return sorted(path for path in site_dir.rglob("index.html"))


def parse(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def heading(page) -> str:
    """The page's h1 as read aloud, without its permalink symbol."""
    h1 = page.cssselect("h1")[0]
    for permalink in h1.cssselect(".headerlink"):
        permalink.drop_tree()
    return h1.text_content().strip()


# --- the browser layer -------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
NODE_TOOLS = REPO / "node_modules"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"]


def require(condition: bool, message: str) -> None:
    """Skip a test whose tool is missing on a developer's machine; under CI, fail it."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), "browser tests need Debian's Chromium: sudo apt-get install chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".json": "application/json", ".atom": "application/atom+xml"}

    def log_message(self, *args):
        pass


def serve(site_dir: Path):
    """Serve ``site_dir`` on 127.0.0.1 on a free port; returns (base URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def build_for_address(root: Path, site_dir: Path, url: str) -> None:
    """Build ``root`` as published at ``url`` (its site_url), as a host would serve it."""
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", config.read_text()))
    result = build(root, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The fixture site built for, and served at, a local address, as a reader's browser reaches it."""
    folder = tmp_path_factory.mktemp("served")
    url, server = serve(folder / "site")
    build_for_address(copy_site_sources(folder / "repo"), folder / "site", url)
    yield url
    server.shutdown()


# The page as a reader sees it once it stops moving: loaded, its fonts ready, and no
# transition or finite animation still running (an infinite one, a pulse, never ends).
# document.getAnimations() applies pending style changes first, so a transition that a
# key press has just started is counted.
SETTLED = """() => document.readyState === 'complete' && document.fonts.status === 'loaded'
  && document.getAnimations().every(a => (a.playState !== 'running' && a.playState !== 'pending')
                                        || !a.effect || a.effect.getComputedTiming().endTime === Infinity)"""


def wait_until(page, condition: str, most_seconds: float = 30) -> None:
    """Wait until the JavaScript expression ``condition`` is true in ``page``, asking with
    page.evaluate in a loop: the pages' policy (no 'unsafe-eval') sometimes refuses
    wait_for_function's polling in the page, on a busy machine."""
    deadline = time.monotonic() + most_seconds
    while not page.evaluate(condition):
        if time.monotonic() > deadline:
            pytest.fail(f"never true within {most_seconds} s: {condition}")
        time.sleep(0.01)  # between two looks at a condition, not a wait for it


def settle(page, most_seconds: float = 30) -> None:
    """Wait until ``page`` has settled (see SETTLED). Never a fixed sleep: on a busy
    machine or a newer browser a slide takes longer, and this waits for it."""
    wait_until(page, f"({SETTLED})()", most_seconds)


def tab_to(page, selector: str, most: int = 30) -> None:
    """Press Tab until the element matching ``selector`` has the focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with Tab")
