"""Build-speed and page-weight benchmark (a command, not a test).

    .venv/bin/python bench/benchmark.py                  # N = 100, 500, 1000 posts per language
    .venv/bin/python bench/benchmark.py --sizes 100 --runs 1
    .venv/bin/python bench/benchmark.py --suite           # the test suite's time (suite_bench.py)
    .venv/bin/python bench/benchmark.py --against /tmp/before --sizes 1000   # before and after (compare_bench.py)

For each N it generates a synthetic bilingual site (N posts per language, with
realistic front matter, text and the sample delivery plan given a history of progress
notes and changes of status across ten quarters), then times, in
alternation, (a) the same Markdown built by the same MkDocs + Material +
static-i18n configuration without our hooks and overrides, and (b) our full
build, as `mkdocs build` runs it (the two languages side by side when the
machine has two cores), and (c) our build on one core (STRATEGY_SEQUENTIAL=1).
It prints the median wall time of each, the ratios (b)/(a) and (c)/(a),
milliseconds per page, the ratio of CPU time and peak memory, then the weight
of a mission post's first view and of a first Welsh search, and writes
everything to bench/results.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
from strategy.plan_translation import text_hash  # noqa: E402 (the installed package)
from strategy.translation import source_hash  # noqa: E402

import compare_bench  # noqa: E402 (bench/, beside this file)
import preview_bench  # noqa: E402
import suite_bench  # noqa: E402

BUILD_DATE = "2027-06-01"
MISSIONS = ["digital-services", "digital-inclusion", "digital-skills", "digital-economy",
            "digital-connectivity", "data-and-collaboration"]
WORDS_EN = ("public services digital people wales skills data inclusion connectivity economy strategy "
            "action outcome owner progress community library business broadband council health").split()
WORDS_CY = ("gwasanaethau cyhoeddus digidol pobl cymru sgiliau data cynhwysiant cysylltedd economi strategaeth "
            "cam canlyniad perchennog cynnydd cymuned llyfrgell busnes band eang cyngor iechyd").split()


def paragraph(words: list[str], seed: int, length: int = 60) -> str:
    chosen = [words[(seed * 7 + i * 13) % len(words)] for i in range(length)]
    return " ".join(chosen).capitalize() + "."


def body(words: list[str], n: int) -> str:
    return (f"## {words[n % len(words)].capitalize()}\n\n{paragraph(words, n)}\n\n{paragraph(words, n + 1)}\n\n"
            f"- {paragraph(words, n + 2, 12)}\n- {paragraph(words, n + 3, 12)}\n\n"
            f"## {words[(n + 5) % len(words)].capitalize()}\n\n{paragraph(words, n + 4)}\n\n"
            f"See the [delivery plan](../../delivery-plan.md).\n")


HISTORY_START, HISTORY_END = date(2025, 1, 15), date(2027, 5, 1)  # ten quarters before BUILD_DATE


def action_history(index: int) -> tuple[list[dict], str]:
    """A generated history for the plan's action number ``index``: a note every ten weeks or
    so from early 2025, starting it, delaying and recovering it every third note, and
    completing one action in four in 2027. (its progress notes, the status they leave it in)"""
    notes, status, day, k = [], "not-started", HISTORY_START + timedelta(days=index * 3), 0
    while day < HISTORY_END and status != "complete":
        move = "in-progress" if k == 0 else None
        if k and (index + k) % 3 == 0:
            move = "delayed" if status == "in-progress" else "in-progress"
        if index % 4 == 0 and day > date(2027, 1, 1):
            move = "complete"
        english = f"Progress note {k + 1}: " + paragraph(WORDS_EN, index * 31 + k, 14)
        note = {"date": day, "note": {"en": english, "cy": f"Nodyn cynnydd {k + 1}: " + paragraph(WORDS_CY, index * 31 + k, 14),
                                      "source_hash": text_hash(english)}}
        if move is not None and move != status:
            note["status"] = status = move
        notes.append(note)
        day += timedelta(days=70 + index * 5 % 30)
        k += 1
    return notes, status


def give_plan_a_history(plan_file: Path) -> None:
    """The sample plan, each action with a history across ten quarters (action_history), so
    that the build makes progress reports, trend charts and the plan-updates feed of a plan
    that has been reported on for years. Its action's status and ``updated`` follow its notes."""
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    actions = [action for mission in plan["missions"] for action in mission["actions"]]
    for index, action in enumerate(actions):
        action["progress"], action["status"] = action_history(index)
        action["updated"] = action["progress"][-1]["date"]
    plan_file.write_text(yaml.dump(plan, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000),
                         encoding="utf-8")


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice (a note's date as the action's ``updated``) twice, as an
    editor would, never as a YAML alias (which the plan's checks refuse)."""

    def ignore_aliases(self, data):
        return True


def generate_site(destination: Path, posts: int) -> Path:
    """The repository's site with ``posts`` more posts in each language, and a plan with a history."""
    for name in ("docs", "data", "overrides", "mkdocs.yml", "strings.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, destination / name)
    give_plan_a_history(destination / "data/plan.yaml")
    start = date(2025, 1, 1)
    for n in range(posts):
        path = f"posts/generated/update-{n:05d}.md"
        kind, mission = ("showcase", MISSIONS[n % 6]) if n % 5 == 0 else ("series", None)
        source = {"kind": kind, "id": f"update-{n:05d}", "title": f"Update {n}: {WORDS_EN[n % len(WORDS_EN)]}",
                  "summary": paragraph(WORDS_EN, n, 20), "date": (start + timedelta(days=n % 700)).isoformat()}
        if mission:
            source["mission"] = mission
        if n % 7 == 0:
            source["changes"] = [{"date": (start + timedelta(days=n % 700 + 3)).isoformat(), "note": "Corrected a figure."}]
        english = body(WORDS_EN, n)
        welsh_fields = {"translated_from": "en", "source_hash": source_hash(source, english),
                        "title": f"Diweddariad {n}: {WORDS_CY[n % len(WORDS_CY)]}", "summary": paragraph(WORDS_CY, n, 20)}
        if "changes" in source:
            welsh_fields["changes"] = [{"note": "Cywirwyd ffigur."}]
        for language, fields, text in (("en", source, english), ("cy", welsh_fields, body(WORDS_CY, n))):
            file = destination / "docs" / language / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n" + text)
    return destination


def bare_config(site: Path) -> Path:
    """Our mkdocs.yml without our plugin, overrides, scripts and styles: the baseline."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["theme"].pop("custom_dir", None)
    config["theme"]["palette"] = [{"scheme": "default", "primary": "red", "accent": "red"}]
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and ("mike" in p or "strategy" in p))]
    config["strict"] = False  # the bare build cannot resolve our generated pages' links
    path = site / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def timed_build(site: Path, config: Path, out: Path, extra_env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, with any process the build forks)
    and peak memory (KiB, of its largest process) of one `mkdocs build`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRATEGY_BUILD_DATE": BUILD_DATE, "STRATEGY_PREVIEW": "0",
           **extra_env}
    shutil.rmtree(out, ignore_errors=True)
    # The last build's pages (and the folder just deleted) are still being written to disk by
    # the system: left to it, that work falls into this build's time, as much as a second of
    # the system's time and the more so the more the last build wrote. Each build starts level.
    os.sync()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
                               cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def gz(data: bytes) -> int:
    return len(gzip.compress(data, mtime=0))


CHROMIUM = Path("/usr/bin/chromium")


def page_weight(site: Path, page: str) -> dict:
    """What a first view of ``page`` downloads, as Chromium loads it from a local
    server until the network is idle: every request (scripts' fetches included),
    and the gzip size of each file served."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    requested: list[str] = []
    statuses: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            tab = browser.new_page()
            tab.on("request", lambda request: requested.append(request.url))
            tab.on("response", lambda response: statuses.setdefault(response.url, response.status))
            tab.goto(f"{origin}/{page}/", wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    own = [(urlsplit(url).path, statuses.get(url, 0)) for url in requested if url.startswith(origin + "/")]
    files = [site / unquote(path).lstrip("/") for path, status in own if status == 200]
    files = [file / "index.html" if file.is_dir() else file for file in files]
    return {"page": page, "html_bytes": (site / page / "index.html").stat().st_size,
            "first_view_gzip_bytes": sum(gz(file.read_bytes()) for file in files),
            "requests": len(requested), "failed_requests": [path for path, status in own if status != 200],
            "requests_to_other_hosts": len(requested) - len(own)}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def search_weight(site: Path, language_folder: str = "cy/", query_terms: tuple[str, ...] = ("cymru",)) -> dict:
    """What a first search downloads: the script, meta.json, the term files its words
    need and the page details of its top 20 results (our per-language index)."""
    index = site / language_folder / "search"
    meta = json.loads((index / "meta.json").read_text())
    files = [index / "meta.json", site / "assets/javascripts/search.js"]
    found: dict[int, int] = {}
    for term in query_terms:
        shard = index / "terms" / f"{term[:2]}.json"
        files.append(shard)
        for number, score in json.loads(shard.read_text()).get(term, []):
            found[number] = found.get(number, 0) + score
    top = sorted(found, key=lambda n: -found[n])[:20]
    files += sorted({index / "docs" / f"{n // meta['chunk']}.json" for n in top})
    whole = sum(gz(p.read_bytes()) for p in index.rglob("*.json"))
    return {"engine": "strategy per-language sharded index", "query": " ".join(query_terms),
            "first_query_gzip_bytes": sum(gz(p.read_bytes()) for p in files), "files": len(files),
            "whole_index_gzip_bytes": whole}


def compared_builds(site: Path) -> list[tuple[str, Path, dict[str, str]]]:
    """The builds compared: the bare baseline, ours as `mkdocs build` runs it (the
    languages side by side on this machine's cores), and ours on one core."""
    return [("bare", bare_config(site), {}), ("ours", site / "mkdocs.yml", {}),
            ("ours_one_core", site / "mkdocs.yml", {"STRATEGY_SEQUENTIAL": "1"})]


def size_row(size: int, pages: int, builds: dict) -> dict:
    """One size's figures: medians of each kind's runs, and every run."""
    wall = {kind: statistics.median(build["seconds"]) for kind, build in builds.items()}
    cpu = {kind: statistics.median(build["cpu_seconds"]) for kind, build in builds.items()}
    return {"posts_per_language": size, "pages": pages,
            "bare_seconds": round(wall["bare"], 3), "ours_seconds": round(wall["ours"], 3),
            "ours_one_core_seconds": round(wall["ours_one_core"], 3),
            "ratio": round(wall["ours"] / wall["bare"], 3),
            "one_core_ratio": round(wall["ours_one_core"] / wall["bare"], 3),
            "bare_ms_per_page": round(1000 * wall["bare"] / pages, 2),
            "ours_ms_per_page": round(1000 * wall["ours"] / pages, 2),
            "bare_cpu_seconds": round(cpu["bare"], 3), "ours_cpu_seconds": round(cpu["ours"], 3),
            "cpu_ratio": round(cpu["ours"] / cpu["bare"], 3),
            "bare_peak_mib": round(builds["bare"]["peak"] / 1024, 1),
            "ours_peak_mib": round(builds["ours"]["peak"] / 1024, 1),
            "runs": {kind: {"seconds": build["seconds"], "cpu_seconds": build["cpu_seconds"]}
                     for kind, build in builds.items()}}


def positive_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 up, found {text!r}")
    return int(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=positive_number, nargs="+", default=[100, 500, 1000], help="posts per language")
    parser.add_argument("--runs", type=positive_number, default=3, help="builds of each kind per size (median reported)")
    parser.add_argument("--output", type=Path, help="default: bench/results.json (bench/preview-results.json with --preview)")
    parser.add_argument("--preview", action="store_true",
                        help="time the editors' preview (make serve) and Hugo's server instead of the published build")
    parser.add_argument("--suite", action="store_true",
                        help="time the test suite (make test) beside a yardstick of the machine's speed")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="compare with another checkout's builds (an earlier commit), interleaved round by round")
    parser.add_argument("--rounds", type=positive_number, default=5, help="with --against: counted rounds per size")
    args = parser.parse_args()
    if args.against:
        return against_main(args.against.resolve(), args.sizes, args.rounds,
                            args.output or REPO / "bench" / "compare-results.json")
    if args.preview:
        return preview_main(args.sizes, args.output or REPO / "bench" / "preview-results.json")
    if args.suite:
        return suite_main(args.output or REPO / "bench" / "suite-results.json")
    args.output = args.output or REPO / "bench" / "results.json"
    if not CHROMIUM.exists():  # say so now, not after minutes of builds
        raise SystemExit("The first-view measurement needs Debian's Chromium: sudo apt-get install chromium")

    results = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "sizes": []}
    print(f"{'N':>6} {'pages':>6} {'bare s':>7} {'ours s':>7} {'ratio':>6} {'1-core s':>9} {'1-core ratio':>12} "
          f"{'bare ms/pg':>10} {'ours ms/pg':>10} {'cpu ratio':>9} {'bare MiB':>8} {'ours MiB':>8}")
    with tempfile.TemporaryDirectory(prefix="strategy-bench-") as scratch:
        for size in args.sizes:
            site = generate_site(Path(scratch) / f"site-{size}", size)
            builds = {kind: {"config": config, "env": env, "seconds": [], "cpu_seconds": [], "peak": 0}
                      for kind, config, env in compared_builds(site)}
            for _ in range(args.runs):  # alternate, so that drift affects every kind alike
                for kind, build in builds.items():
                    seconds, cpu_seconds, peak = timed_build(site, build["config"], Path(scratch) / f"out-{kind}-{size}",
                                                             build["env"])
                    build["seconds"].append(seconds)
                    build["cpu_seconds"].append(cpu_seconds)
                    build["peak"] = max(build["peak"], peak)
            built = Path(scratch) / f"out-ours-{size}"
            row = size_row(size, len(list(built.rglob("index.html"))), builds)
            results["sizes"].append(row)
            print(f"{size:>6} {row['pages']:>6} {row['bare_seconds']:>7.2f} {row['ours_seconds']:>7.2f} {row['ratio']:>6.3f} "
                  f"{row['ours_one_core_seconds']:>9.2f} {row['one_core_ratio']:>12.3f} {row['bare_ms_per_page']:>10.2f} "
                  f"{row['ours_ms_per_page']:>10.2f} {row['cpu_ratio']:>9.3f} {row['bare_peak_mib']:>8.1f} "
                  f"{row['ours_peak_mib']:>8.1f}")
            results["page_weight"] = page_weight(built, "cy/posts/missions/digital-skills")
            results["search"] = search_weight(built)
            shutil.rmtree(site)
    sizes = results["sizes"]
    if len(sizes) > 1:
        results["ms_per_page_growth"] = round(sizes[-1]["ours_ms_per_page"] / sizes[0]["ours_ms_per_page"], 3)
        print(f"\nms per page at N={sizes[-1]['posts_per_language']} vs N={sizes[0]['posts_per_language']}: "
              f"{results['ms_per_page_growth']}x")
    weight = results["page_weight"]
    print(f"mission post, first view: {weight['html_bytes']} B of HTML, {weight['first_view_gzip_bytes'] / 1024:.1f} KiB "
          f"transferred (gzip) in {weight['requests']} requests, {weight['requests_to_other_hosts']} to other hosts, "
          f"{len(weight['failed_requests'])} failed")
    if results["search"]:
        search = results["search"]
        print(f"first Welsh search ('{search['query']}') downloads {search['first_query_gzip_bytes'] / 1024:.1f} KiB "
              f"(gzip) in {search['files']} files; the whole Welsh index is {search['whole_index_gzip_bytes'] / 1024:.1f} KiB")
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"figures written to {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}")
    return 0


def against_main(checkout: Path, sizes: list[int], rounds: int, output: Path) -> int:
    """This checkout's ratios beside those of ``checkout``, measured in the same rounds."""
    other = compare_bench.benchmark_of(checkout)
    results = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "against": str(checkout),
               "rounds": rounds, "sizes": []}
    with tempfile.TemporaryDirectory(prefix="strategy-compare-") as scratch:
        for size in sizes:
            sides = {}
            for side, bench in (("before", other), ("after", sys.modules[__name__])):
                site = Path(scratch) / f"site-{side}-{size}"
                site.mkdir()
                bench.generate_site(site, size)
                sides[side] = {kind: _levelled(bench, site, config, Path(scratch) / f"out-{side}-{kind}", env)
                               for kind, config, env in bench.compared_builds(site)}
            runs = compare_bench.interleaved(sides, rounds)
            row = {"posts_per_language": size, **{side: {**compare_bench.ratios(kinds), "runs": kinds}
                                                  for side, kinds in runs.items()}}
            results["sizes"].append(row)
            for side in sides:
                figures = row[side]
                print(f"N = {size}, {side:<6}: bare {figures['bare_seconds']:.2f} s, ours {figures['ours_seconds']:.2f} s, "
                      f"one core {figures['ours_one_core_seconds']:.2f} s; ratio {figures['ratio']:.3f}, "
                      f"one-core ratio {figures['one_core_ratio']:.3f}, CPU ratio {figures['cpu_ratio']:.3f}")
    output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"figures written to {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    return 0


def _levelled(bench, site: Path, config: Path, out: Path, env: dict[str, str]):
    """One build of ``bench``'s own kind, (wall, CPU), started as this script starts its own:
    its folder gone and the disk written (an earlier script's timed_build may not do so)."""
    def build() -> tuple[float, float]:
        shutil.rmtree(out, ignore_errors=True)
        os.sync()
        seconds, cpu_seconds, _ = bench.timed_build(site, config, out, env)
        return seconds, cpu_seconds
    return build


def preview_main(sizes: list[int], output: Path) -> int:
    """The preview's figures at each size: ours with both languages, ours with Welsh only, Hugo."""
    results = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "sizes": []}
    print(f"{'N':>6} {'server':<14} {'first s':>8} {'cpu s':>6}  " + "  ".join(f"{k + ' s (cpu)':>17}" for k in preview_bench.KINDS))
    with tempfile.TemporaryDirectory(prefix="strategy-bench-") as scratch:
        for size in sizes:
            site = generate_site(Path(scratch) / f"site-{size}", size)
            hugo_root = preview_bench.hugo_site(site, Path(scratch) / f"hugo-{size}")  # before our edits
            # The plan's generated history runs into 2027: the preview speaks as of the day the
            # published builds do, or it refuses those notes as still to come.
            row = {"posts_per_language": size, "ours": preview_bench.ours(site, build_date=BUILD_DATE),
                   "ours_welsh_only": preview_bench.ours(site, "cy", build_date=BUILD_DATE),
                   "hugo": preview_bench.hugo(hugo_root)}
            results["sizes"].append(row)
            for server in ("ours", "ours_welsh_only", "hugo"):
                if row[server] is None:
                    print(f"{size:>6} {server:<14} (Debian's hugo is not installed: sudo apt-get install hugo)")
                    continue
                figures = row[server]
                print(f"{size:>6} {server:<14} {figures['first_build_seconds']:>8.2f} {figures['first_build_cpu_seconds']:>6.2f}  "
                      + "  ".join(f"{figures['edits'][k]['median_seconds']:>8.3f} ({figures['edits'][k]['median_cpu_seconds']:>5.2f})"
                                  for k in preview_bench.KINDS if k in figures["edits"]))
            shutil.rmtree(site)
    output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"figures written to {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    return 0


def suite_main(output: Path) -> int:
    """The suite's time between two bare builds of N = 1,000 (suite_bench.py says why)."""
    with tempfile.TemporaryDirectory(prefix="strategy-bench-") as scratch:
        site = generate_site(Path(scratch) / "site", suite_bench.YARDSTICK_POSTS)
        config = bare_config(site)
        figures = suite_bench.measure(REPO, lambda: timed_build(site, config, Path(scratch) / "out", {})[0])
    print(suite_bench.report(figures))
    output.write_text(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, **figures},
                                 indent=2) + "\n")
    print(f"figures written to {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
