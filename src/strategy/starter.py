"""``strategy init DIR``: a new bilingual site that ``strategy check`` and ``strategy build``
pass at once.

The site is the files under ``starter/`` (a home page, a delivery plan of one mission
and its post, the pages every site has, mkdocs.yml using the plugin, a README, a
Makefile, a CI workflow), with the site's names, address and contact address written
in, each escaped for the file it goes into. The translations are then recorded as in
step with their sources (``strategy translated --all``), so the new site starts with
no warnings. Nothing is written into a folder that holds anything.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import sys
from datetime import date
from importlib import metadata
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from .arguments import EditorArgumentParser
from .catalogue import translate
from .inputs import InvalidInput, one_line_text
from .messages import message

STARTER = Path(__file__).with_name("starter")
DISTRIBUTION = "mkdocs-strategy-site"
# Files kept under other names in the package (a leading dot would leave them out of the
# package data).
RENAMED = {"gitignore": ".gitignore", "github": ".github"}
# Files with $placeholders for the site's values. The Makefile and the workflows are
# copied as they are: their own $ signs are make's and GitHub's.
TEMPLATED_SUFFIXES = (".md", ".yml", ".yaml", ".html", ".txt")
_MARKDOWN_PUNCTUATION = set("\\`*_{}[]<>()#+-.!|~")


def _ask(prompt_key: str, given: str | None, interactive: bool) -> str | None:
    if given is not None or not interactive:
        return given
    try:
        return input(message(prompt_key) + " ").strip() or None
    except EOFError:
        return None


def _address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise InvalidInput("--url", "site_url", value)
    return value if value.endswith("/") else value + "/"


def _email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not (at and local and "." in domain) or any(c.isspace() or c in "<>\"'()[]\\,;:" for c in value):
        raise InvalidInput("--email", "email", value)
    return value


def package_requirement() -> str:
    """How this package was installed, as a line of requirements.txt: from a folder or a
    repository when it was, else the released version."""
    distribution = metadata.distribution(DISTRIBUTION)
    direct = distribution.read_text("direct_url.json")
    if direct:
        origin = json.loads(direct)
        url = origin.get("url", "")
        vcs = origin.get("vcs_info")
        if vcs:
            return f"{DISTRIBUTION} @ {vcs['vcs']}+{url}@{vcs['commit_id']}"
        if url:
            return f"{DISTRIBUTION} @ {url}"
    return f"{DISTRIBUTION}=={distribution.version}"


def _values(names: dict[str, str], site_url: str, email: str, today: date) -> dict[str, str]:
    host = urlsplit(site_url).hostname
    values = {"site_url": site_url, "contact_email": email, "today": today.isoformat(),
              "id_authority": f"{host},{today.year}", "requirement": package_requirement(),
              "version": metadata.version(DISTRIBUTION)}
    for language in ("en", "cy"):
        name = names[language]
        values[f"site_name_{language}"] = name
        values[f"site_name_{language}_html"] = html.escape(name).replace("{", "&#123;").replace("}", "&#125;")
        values[f"description_{language}"] = translate("starter.description", language)
        values[f"redirect_link_{language}"] = html.escape(translate("redirect.link", language))
    return values


def _markdown_text(value: str) -> str:
    """``value`` as Markdown that shows it as written: every ASCII punctuation mark that
    Markdown could take for markup is escaped with a backslash, ``&`` as an entity."""
    return "".join("&amp;" if c == "&" else "\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in value)


def _escaped_for(path: Path, values: dict[str, str]) -> dict[str, str]:
    """The values as text of the file they go into: YAML takes JSON's quoted strings
    (dates stay dates), Markdown its escapes; HTML has its own ``_html`` values."""
    if path.suffix in (".yml", ".yaml"):
        return {key: value if key == "today" else json.dumps(value, ensure_ascii=False) for key, value in values.items()}
    if path.suffix == ".md":
        return {**values, **{key: _markdown_text(values[key]) for key in ("site_name_en", "site_name_cy")}}
    return values


def write_site(folder: Path, names: dict[str, str], site_url: str, email: str, today: date) -> list[Path]:
    """Write the starter site into ``folder`` (empty or new); return the files written."""
    values = _values(names, site_url, email, today)
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = Path(*(RENAMED.get(part, part) for part in source.relative_to(STARTER).parts))
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in TEMPLATED_SUFFIXES and relative.parts[0] != ".github":
            text = Template(source.read_text(encoding="utf-8")).substitute(_escaped_for(relative, values))
            target.write_text(text, encoding="utf-8")
        else:
            target.write_bytes(source.read_bytes())
        written.append(relative)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = EditorArgumentParser(prog="strategy init", description=message("init.description"))
    parser.add_argument("folder", type=Path, metavar="FOLDER", help=message("usage.folder"))
    parser.add_argument("--name", help=message("usage.name"))
    parser.add_argument("--name-cy", help=message("usage.name_cy"))
    parser.add_argument("--url", help=message("usage.url"))
    parser.add_argument("--email", help=message("usage.email"))
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(message("init.not_empty", folder=args.folder), file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    given = {"--name": _ask("init.ask_name", args.name, interactive),
             "--name-cy": _ask("init.ask_name_cy", args.name_cy, interactive),
             "--url": _ask("init.ask_url", args.url, interactive),
             "--email": _ask("init.ask_email", args.email, interactive)}
    missing = [option for option, value in given.items() if value is None]
    if missing:
        print(message("init.missing", options=" ".join(missing)), file=sys.stderr)
        return 2
    try:
        names = {"en": one_line_text(given["--name"], "--name"), "cy": one_line_text(given["--name-cy"], "--name-cy")}
        site_url, email = _address(given["--url"]), _email(given["--email"])
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    write_site(folder, names, site_url, email, date.today())
    from .__main__ import mark_translated
    from .problems import ContentError
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # what it says of each file it marks
            mark_translated(folder, [], every=True)
    except ContentError as error:  # a bug in the starter: say so, the files are there to look at
        print(error, file=sys.stderr)
        return 1
    print(message("init.written", folder=args.folder))
    requirement = package_requirement()
    if "@ file:" in requirement:  # installed from a folder: no other machine (the site's CI) can
        print(message("init.local_package", url=requirement.split("@ ", 1)[1]))
    print(message("init.next", folder=args.folder))
    return 0

