"""strategy: the site's commands. ``check`` the content, start a ``new`` post, ``build``
the site, ``serve`` the preview, ``init`` a new site.

Editors run them through their site's Makefile (``make check``, ``make post``), which
``make help`` lists. What ``strategy --help`` says is in the catalogue (``cli.usage.*``),
in the editor's language.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import signal
import sys
from collections import Counter
import time
from datetime import date
from pathlib import Path

from . import LANGUAGES
from .arguments import EditorArgumentParser
from .inputs import PREVIEW_ADDRESS, InvalidInput, branch_name, calendar_date, host_and_port
from .messages import message
from .publish import build_site, preview_versions
from .scaffold import KIND_FOLDERS, NewPost, ScaffoldError, create_post

# The commands that read the content import its modules when they run: `build` only
# starts MkDocs, which reads the content itself, and each module (the plan's schema,
# the proofing, the translations) costs the start of every editor's command.


def _load(root: Path):
    from .loader import load_content
    from .settings import site_options
    return load_content(root, policy=site_options(root).translations)


def check(root: Path) -> int:
    from .problems import ContentError
    from .publication import check_content
    from .settings import site_config
    from .site_templates import redirect_page_warnings
    from .translation import outdated_warnings
    started = time.perf_counter()
    try:
        content = check_content(root).content
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for warning in [*outdated_warnings(content), *redirect_page_warnings(root, site_config(root))]:
        print(message("warning", warning=warning), file=sys.stderr)
    actions = sum(len(mission.actions) for mission in content.plan.missions)
    counted = {name: message(f"count.{name}", count=count) for name, count in
               (("pages", len(content.entries)), ("languages", len(LANGUAGES)),
                ("missions", len(content.plan.missions)), ("actions", actions))}
    print(message("check.no_problems", **counted, seconds=f"{time.perf_counter() - started:.2f}"))
    return 0


def mark_translated(root: Path, files: list[str], every: bool, entries: list[str] = ()) -> int:
    """Record that each named translation (or, with ``every``, every translation) is in
    step with the current version of its source, and say what was marked. The plan's
    texts are marked by naming data/plan.yaml (all of them) or ``entries``."""
    from .plan_marking import mark_plan
    from .plan_translation import PLAN_FILE
    from .translation import (TranslationTargetError, record_source_hash, source_hash, translation_files,
                              translation_target)
    from .yamltext import read_text, split_front_matter
    whole_plan = every or any(Path(name).as_posix().removeprefix("./") == PLAN_FILE for name in files)
    files = [name for name in files if Path(name).as_posix().removeprefix("./") != PLAN_FILE]
    if whole_plan or entries:
        marked_plan = mark_plan(root, [] if whole_plan else list(entries))
        if marked_plan or not (files or every):
            return marked_plan
    if every:
        files = [_shown(path, root) for path in translation_files(root / "docs")]
    elif not files:
        print(message("translated.name_one"), file=sys.stderr)
        return 2
    targets, refused = [], []
    for name in files:
        try:
            targets.append(translation_target(root, name))
        except TranslationTargetError as error:
            refused.append(message(f"translated.{error.key}", **error.values))
    if refused:  # nothing is marked until every name is right
        print("\n".join(refused), file=sys.stderr)
        return 2
    marked = 0
    for target, source in targets:
        source_name, target_name = _shown(source, root), _shown(target, root)
        text, problems = read_text(source, source_name)
        parsed, more = split_front_matter(text, source_name) if text is not None else (None, [])
        problems += more
        if parsed is None:
            print("\n".join(map(str, problems)), file=sys.stderr)
            return 1
        changed = record_source_hash(target, source_hash(parsed.front_matter.data, parsed.body))
        marked += changed
        print(message("translated.marked" if changed else "translated.already", file=target_name, source=source_name))
    if every:
        print(message("translated.all_done", marked=marked, count=len(targets)))
    return 0


def _shown(path: Path, root: Path) -> str:
    """A file as editors name it: relative to the repository, with forward slashes."""
    return path.resolve().relative_to(root.resolve()).as_posix()


def report(root: Path) -> int:
    from .plan_translation import PLAN_FILE
    from .problems import ContentError
    from .translation import IN_STEP, MISSING, OUTDATED, plan_outdated_warnings, translation_report
    try:
        content = _load(root)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    rows = translation_report(content)
    width = max(len(row.file) for row in rows)
    for row in rows:
        print(f"{row.file:<{width}}  {message('translations.state.' + row.state)}")
    counts = Counter(row.state for row in rows)
    print("\n" + message("translations.summary", count=len(rows), in_step=counts[IN_STEP],
                         outdated=counts[OUTDATED], missing=counts[MISSING]))
    outdated = plan_outdated_warnings(content.plan)
    total = len(content.plan.translations)
    print("\n" + message("translations.plan_summary", file=PLAN_FILE, total=total, in_step=total - len(outdated),
                         outdated=len(outdated)), *outdated, sep="\n")
    return 0


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        return ""
    try:
        return input(prompt).strip()
    except EOFError:  # Ctrl+D: no answer
        return ""


def new(root: Path, args: argparse.Namespace) -> int:
    try:
        published = calendar_date(args.date, "--date") if args.date is not None else None
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 2
    titles = {"en": args.title, "cy": args.title_cy}
    for language in LANGUAGES:
        if not titles[language]:
            titles[language] = _ask(message(f"new.ask_title.{language}"))
    mission = args.mission
    if args.kind in ("mission", "showcase") and not mission:
        mission = _ask(message("new.ask_mission"))
    post = NewPost(kind=args.kind, titles=titles, source_language=args.source, mission=mission or None,
                   published=published, slug=args.slug)
    try:
        paths = create_post(root, post, today=date.today())
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 2
    except ScaffoldError as error:
        print(message("new.could_not", why=error), file=sys.stderr)
        return 2
    for path in paths:
        print(message("new.created", file=path.relative_to(root).as_posix()))
    print(message("new.draft_next"))
    return 0


# The Makefile's commands, in the order `make help` lists them; what each does is the
# catalogue's ``cli.make.<name>``, so that `make help IAITH=cy` lists them in Welsh.
MAKE_COMMANDS = ("help", "serve", "test", "build", "check", "post", "translated", "translations", "proof",
                 "versions", "clean")


def make_help(root: Path, unknown: str | None = None) -> int:
    """The list of the commands the site's Makefile has (a site `strategy init` made has no
    ``test``); after ``unknown``, a command typed that is none of them ("chek" typed for
    "check"), that it is none of them and the nearest: an editor's mistake."""
    makefile = root / "Makefile"
    targets = set(re.findall(r"^([a-z]+):", makefile.read_text(encoding="utf-8"), re.MULTILINE)) \
        if makefile.is_file() else set(MAKE_COMMANDS)
    commands = [name for name in MAKE_COMMANDS if name in targets]
    if unknown is not None:
        close = difflib.get_close_matches(unknown, commands, n=1)
        hint = message("new.did_you_mean", name=f"make {close[0]}") if close else ""
        print(message("make.unknown", name=unknown, hint=hint), file=sys.stderr)
    width = max(map(len, commands))
    for name in commands:
        print(f"  make {name:<{width}}  {message('make.' + name)}", file=sys.stderr if unknown else sys.stdout)
    return 2 if unknown else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Two commands with options of their own: the preview, and a new site. `--root` may
    # come before the command, as for the others (`strategy --root site serve`).
    root_option = argv[:2] if argv[:1] == ["--root"] else argv[:1] if argv[:1] and argv[0].startswith("--root=") else []
    command = argv[len(root_option):]
    if command[:1] == ["serve"]:
        from .preview.__main__ import main as serve
        return serve(root_option + command[1:])  # a --root after the command wins, as argparse reads it
    if command[:1] == ["init"] and not root_option:
        from .starter import main as init
        return init(command[1:])
    parser = EditorArgumentParser(prog="strategy", description=message("usage.strategy"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=message("usage.root"))
    # A command missing or unknown is named as the editor reads it: COMMAND, GORCHYMYN.
    commands = parser.add_subparsers(dest="command", required=True, metavar=message("arguments.command_placeholder"))
    commands.add_parser("init", help=message("usage.init"), add_help=False)
    commands.add_parser("serve", help=message("usage.serve"), add_help=False)
    listing = commands.add_parser("help", help=message("usage.help"))
    listing.add_argument("--unknown", help=message("usage.unknown"))
    commands.add_parser("check", help=message("usage.check"))
    start = commands.add_parser("new", help=message("usage.new"), description=message("usage.new_description"))
    start.add_argument("--kind", choices=sorted(KIND_FOLDERS), default="series", help=message("usage.kind"))
    start.add_argument("--title", help=message("usage.title"))
    start.add_argument("--title-cy", help=message("usage.title_cy"))
    start.add_argument("--source", choices=LANGUAGES, default="en", help=message("usage.source"))
    start.add_argument("--mission", help=message("usage.mission"))
    start.add_argument("--date", help=message("usage.date"))
    start.add_argument("--slug", help=message("usage.slug"))
    translated = commands.add_parser("translated", help=message("usage.translated"))
    translated.add_argument("files", nargs="*", metavar="FILE", help=message("usage.files"))
    translated.add_argument("--all", action="store_true", help=message("usage.all"))
    translated.add_argument("--entry", action="append", default=[],
                            help=message("usage.entry"))
    commands.add_parser("translations", help=message("usage.translations"))
    build = commands.add_parser("build", help=message("usage.build"))
    build.add_argument("--site-dir", type=Path, default=Path("site"), help=message("usage.site_dir"))
    versions = commands.add_parser("versions", help=message("usage.versions"))
    versions.add_argument("--branch", default="site-versions-preview", help=message("usage.branch"))
    versions.add_argument("--address", default=PREVIEW_ADDRESS, help=message("usage.address", address=PREVIEW_ADDRESS))
    proof = commands.add_parser("proof", help=message("usage.proof"))
    proof.add_argument("--site", type=Path, help=message("usage.proof_site"))
    proof.add_argument("--no-report-file", action="store_true", help=message("usage.no_report_file"))
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if not (root / "mkdocs.yml").is_file():
            raise InvalidInput("--root", "root", str(args.root))
        if args.command == "versions":
            branch_name(args.branch, "--branch")
            host_and_port(args.address, "--address")
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 2
    try:
        return _run(root, args)
    except KeyboardInterrupt:  # Ctrl+C while a command asks or checks: nothing was written
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `make translations | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that closing stdout cannot fail again
        return 128 + signal.SIGPIPE


def _run(root: Path, args: argparse.Namespace) -> int:
    if args.command == "help":
        return make_help(root, args.unknown)
    if args.command == "check":
        return check(root)
    if args.command == "build":
        return build_site(root, root / args.site_dir)
    if args.command == "versions":
        return preview_versions(root, args.branch, args.address)
    if args.command == "translated":
        return mark_translated(root, args.files, args.all, args.entry)
    if args.command == "translations":
        return report(root)
    if args.command == "proof":
        from .proofing_report import run as run_proof
        return run_proof(root, args.site.resolve() if args.site else None, write_report=not args.no_report_file)
    return new(root, args)


if __name__ == "__main__":
    sys.exit(main())
