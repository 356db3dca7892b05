"""The editors' preview, timed: `make serve`'s first start, then edits of each kind,
from the file's write until the server serves the changed page; beside Hugo's
server on the same Markdown where Debian's `hugo` is installed.

Used by benchmark.py --preview. Wall time is measured by polling the page over
HTTP every 10 ms; CPU time (user + system) is that of the server and every
process it started, read from /proc before and after each edit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import strategy  # the installed package: its theme, for a site override

TIMEOUT = 600
KINDS = ("body", "title", "plan", "template")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait_for(url: str, text: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while text not in _page(url):
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} never showed {text!r}")
        time.sleep(0.01)


def _cpu_seconds(root_pid: int) -> float:
    """User + system time of a process and its descendants, living or waited for."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))  # ppid; utime..cstime
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo += [child for child, (parent, _) in stats.items() if parent == pid]
    return total / CLOCK_TICKS


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: no {old!r} to edit")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _timed_edits(process: subprocess.Popen, url: str, site: Path, edits: dict, repeats: int) -> dict:
    """Median wall and CPU seconds of each kind of edit: (file, old text, new text with {n}, page).
    A body edit, the most common, is repeated ``repeats`` times, the others (full builds) 3 times."""
    figures = {}
    for kind, (file, old, new, page) in edits.items():
        walls, cpus, current = [], [], old
        for n in range(repeats if kind == "body" else min(repeats, 3)):
            replacement = new.replace("{n}", f"{kind}{n}x")
            cpu = _cpu_seconds(process.pid)
            started = time.perf_counter()
            _edit(site / file, current, replacement)
            _wait_for(url + page, f"{kind}{n}x")
            walls.append(time.perf_counter() - started)
            time.sleep(0.5)  # let the server finish (a full build's last steps) before reading its CPU time
            cpus.append(_cpu_seconds(process.pid) - cpu)
            current = replacement
        figures[kind] = {"median_seconds": round(statistics.median(walls), 3),
                         "median_cpu_seconds": round(statistics.median(cpus), 3),
                         "seconds": [round(w, 3) for w in walls], "cpu_seconds": [round(c, 3) for c in cpus]}
    return figures


def _session(command: list[str], cwd: Path, env: dict, url: str, first_page: str, site: Path, edits: dict,
             repeats: int) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        _wait_for(url + first_page, "</html>")
        first = {"first_build_seconds": round(time.perf_counter() - started, 3),
                 "first_build_cpu_seconds": round(_cpu_seconds(process.pid), 3)}
        return {**first, "edits": _timed_edits(process, url, site, edits, repeats)}
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


POST = "docs/en/posts/generated/update-00010.md"
PLAN_TEXT = "en: Publish the Digital Service Standards"


def ours(site: Path, languages: str = "", build_date: str = "") -> dict:
    """`make serve` (both languages, or ONLY=``languages``: then its first start and
    body edits only) on the generated site, speaking as of ``build_date`` if given."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRATEGY_PREVIEW_LANGUAGES": languages,
           **({"STRATEGY_BUILD_DATE": build_date} if build_date else {})}
    edits = {
        "body": (POST, "\n## ", "\nAn edit, {n}, to the body.\n\n## ", "posts/generated/update-00010/"),
        "title": (POST, "title: 'Update 10:", "title: 'Update 10 {n}:", "posts/generated/update-00010/"),
        "plan": ("data/plan.yaml", PLAN_TEXT, "en: Publish the {n} Digital Service Standards", "delivery-plan/"),
        "template": ("overrides/main.html", "{% block extrahead %}", "{% block extrahead %}<!-- {n} -->", ""),
    }
    if languages == "cy":
        edits = {kind: (file.replace("docs/en/", "docs/cy/"), *rest) for kind, (file, *rest) in edits.items()}
        edits["body"] = (edits["body"][0], "\n## ", "\nGolygiad, {n}, i'r corff.\n\n## ", "cy/posts/generated/update-00010/")
        edits = {"body": edits["body"]}
    # A site's own copy of the package's main.html, for the edit of a template.
    theme = Path(strategy.__file__).parent / "theme"
    (site / "overrides").mkdir(exist_ok=True)
    if not (site / "overrides/main.html").exists():
        shutil.copy2(theme / "main.html", site / "overrides/main.html")
    command = [sys.executable, "-m", "strategy", "serve", "--root", str(site), "--dev-addr", f"127.0.0.1:{port}"]
    return _session(command, site, env, f"http://127.0.0.1:{port}/", "cy/" if languages == "cy" else "", site,
                    edits, repeats=5)


HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
  unsafe = true
[languages.en]
  contentDir = "content/en"
  weight = 1
[languages.cy]
  contentDir = "content/cy"
  weight = 2
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
                            '</head><body>{{ block "main" . }}{{ end }}</body></html>',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}'
                          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Data.plan.missions }}'
                  '{{ range .actions }}<li>{{ index .text $.Lang }}</li>{{ end }}{{ end }}</ul>'
                  '<ul>{{ range first 20 .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}',
}


def hugo_site(site: Path, destination: Path) -> Path:
    """The same Markdown and plan as a Hugo site, with plain layouts (a list, a page, a home page showing the plan)."""
    for language in ("en", "cy"):
        shutil.copytree(site / "docs" / language, destination / "content" / language)
        for index in (destination / "content" / language).rglob("index.md"):
            index.rename(index.with_name("_index.md"))
    (destination / "data").mkdir(parents=True)
    shutil.copy2(site / "data" / "plan.yaml", destination / "data" / "plan.yaml")
    (destination / "hugo.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        (destination / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (destination / "layouts" / name).write_text(text)
    return destination


def hugo(root: Path) -> dict | None:
    """Hugo's server (default fast render) on the Hugo site ``root`` (hugo_site); None where Hugo is not installed."""
    executable = shutil.which("hugo")
    if executable is None:
        return None
    port = _free_port()
    version = subprocess.run([executable, "version"], capture_output=True, text=True).stdout.strip()
    edits = {
        "body": ("content/en/posts/generated/update-00010.md", "\n## ", "\nAn edit, {n}, to the body.\n\n## ",
                 "posts/generated/update-00010/"),
        "title": ("content/en/posts/generated/update-00010.md", "title: 'Update 10:", "title: 'Update 10 {n}:",
                  "posts/generated/update-00010/"),
        "plan": ("data/plan.yaml", PLAN_TEXT, "en: Publish the {n} Digital Service Standards", ""),
        "template": ("layouts/_default/single.html", "<h1>", "<p>{n}</p><h1>",  # Go templates drop comments
                     "posts/generated/update-00010/"),
    }
    command = [executable, "server", "--bind", "127.0.0.1", "--port", str(port), "--baseURL", f"http://127.0.0.1:{port}/",
               "--appendPort=false", "--source", str(root)]
    figures = _session(command, root, dict(os.environ), f"http://127.0.0.1:{port}/", "", root, edits, repeats=5)
    shutil.rmtree(root)
    return {"version": version, **figures}
