"""A site's own templates (its ``overrides/`` folder, ``custom_dir``) read as MkDocs reads
the theme's, so that a mistake in one is said by `strategy check` with its file and line,
in the editor's language, not as Jinja's traceback half-way through a build.

Each template is compiled as MkDocs' environment compiles it: Jinja's own tags and the i18n
extension's ``{% trans %}``, Jinja's filters and those MkDocs and this package add. What a
template does with the values it is given shows when a page is built: a mistake there is
said by ``template_error_message`` (file, line and Jinja's words), not as a traceback.
"""

from __future__ import annotations

import html
import html.parser
import os
import re
from pathlib import Path

import jinja2

from .messages import message
from .problems import ContentError, Phrase, Problem, phrase
from .yamltext import read_text

TEMPLATE_SUFFIXES = (".html", ".xml")  # the theme's templates; its scripts, styles and pictures are copied as they are

# The filters MkDocs (mkdocs.theme.Theme.get_env) and this package (events/theme_templates.py)
# add to Jinja's own; tests/test_package.py keeps this list equal to theirs.
SITE_FILTERS = ("url", "script_tag", "markdown_inline")
_COMPILER = jinja2.Environment(extensions=["jinja2.ext.i18n"])
_COMPILER.filters.update({name: str for name in SITE_FILTERS})  # only their names matter when compiling


def template_problems(root: Path, theme_dir: str | None) -> list[Problem]:
    """Each template under ``root``/``theme_dir`` that Jinja cannot read, with its line."""
    if not theme_dir:
        return []
    folder = Path(root, theme_dir)
    problems = []
    for directory, _, names in sorted(os.walk(folder)):  # links are refused on their own (site_files.py)
        for name in sorted(names):
            path = Path(directory, name)
            if path.suffix not in TEMPLATE_SUFFIXES or path.is_symlink():
                continue
            file = os.path.relpath(path, root).replace(os.sep, "/")
            try:
                text, not_text = read_text(path, file)  # UTF-8, as every file an editor writes
                problems += not_text
                if text is not None:
                    _COMPILER.compile(text, name=file, filename=file)
            except OSError as error:
                problems.append(Problem(file, None, "", phrase("expected.template"),
                                        phrase("found.template_unreadable", reason=error.strerror or str(error))))
            except jinja2.TemplateSyntaxError as error:
                line = _innermost_unclosed_line(text) if (error.message or "").startswith(_ENDED_OPEN) else None
                problems.append(Problem(file, line or error.lineno, "", phrase("expected.template"),
                                        jinja_mistake(error.message or "")))
    return problems


# Jinja's messages for the mistakes made most, by the catalogue phrase that says each in
# the editor's language (problem.found.jinja.*); "looking" lists the tags Jinja wanted.
_JINJA_MISTAKES = [
    (re.compile(r"'(?P<name>[^']+)' is undefined"), "undefined"),
    (re.compile(r"'(?P<owner>[^']+)' has no attribute '(?P<name>[^']+)'"), "no_attribute"),
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: (?P<looking>.+)\. "
                r"The innermost block that needs to be closed is '(?P<block>\w+)'\."), "unclosed_block"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for the following tags: (?P<looking>.+)\. "
                r"The innermost block that needs to be closed is '(?P<block>\w+)'\."), "unknown_tag_in_block"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\."), "unknown_tag"),
    (re.compile(r"No filter named '(?P<name>[^']+)'\.?"), "no_filter"),
    (re.compile(r"unexpected '(?P<found>[^']+)', expected '(?P<wanted>[^']+)'"), "unexpected_instead"),
    (re.compile(r"unexpected '(?P<found>[^']+)'"), "unexpected"),
]


def known_jinja_mistake(said: str) -> Phrase | None:
    """Jinja's message ``said`` in the catalogue's words, if it is one of the mistakes made most."""
    for pattern, key in _JINJA_MISTAKES:
        found = pattern.fullmatch(said.strip())
        if found:
            values = found.groupdict()
            if "looking" in values:  # "'elif' or 'else' or 'endif'": the tags alone, in any language
                values["looking"] = ", ".join(f"'{tag}'" for tag in re.findall(r"'(\w+)'", values["looking"]))
            return phrase(f"found.jinja.{key}", **values)
    return None


def jinja_mistake(said: str) -> Phrase:
    """Jinja's message ``said``, in the editor's language where the catalogue has its words."""
    return known_jinja_mistake(said) or phrase("found.template_syntax", error=said)


# Jinja's words for a template that ends inside a block; it names the last line, where the
# block's end was looked for, not the line that opened it, which is where the editor must look.
_ENDED_OPEN = "Unexpected end of template"
# The tags that open a block an {% end... %} closes ({% set %} only without "=": a block set).
_BLOCK_TAGS = frozenset({"if", "for", "block", "macro", "call", "filter", "set", "with", "autoescape", "trans"})


def _innermost_unclosed_line(text: str) -> int | None:
    """The line of the innermost block ``text`` opens and never closes, or None."""
    opened: list[tuple[str, int]] = []  # (tag, line), innermost last
    statement: list[tuple[int, str, str]] | None = None  # the tokens of the {% ... %} being read
    for token in _COMPILER.lex(text):  # the template lexes: Jinja stopped only at its end
        line, kind, value = token
        if kind == "block_begin":
            statement = []
        elif kind == "block_end" and statement:
            tag = statement[0][2] if statement[0][1] == "name" else ""
            block_set = tag == "set" and not any(kind == "operator" and value == "=" for _, kind, value in statement)
            if tag.startswith("end") and opened and opened[-1][0] == tag[3:]:
                opened.pop()
            elif tag in _BLOCK_TAGS and (tag != "set" or block_set):
                opened.append((tag, statement[0][0]))
            statement = None
        elif statement is not None and kind != "whitespace":
            statement.append(token)
    return opened[-1][1] if opened else None


def template_error_message(error: jinja2.TemplateError, root: Path) -> str | None:
    """``file:line: expected …, found …`` (as every problem is said) for a template that
    failed while a page was built, from the innermost template in the error's traceback;
    None when no template of the site or theme is in it."""
    file, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    traceback = error.__traceback__
    while traceback is not None:  # Jinja puts frames of the template's own file and line in it
        code = traceback.tb_frame.f_code.co_filename
        if code.endswith(TEMPLATE_SUFFIXES):
            file, line = code, traceback.tb_lineno
        traceback = traceback.tb_next
    if not file:
        return None
    relative = os.path.relpath(file, root)
    shown = file if relative.startswith(os.pardir) else relative  # the package's own theme: its whole path
    return str(ContentError([Problem(shown.replace(os.sep, "/"), line, "", phrase("expected.template_in_use"),
                                     jinja_mistake(error.message or type(error).__name__))]))


def _plugin_config(config: dict, name: str) -> dict:
    """The options mkdocs.yml gives the plugin ``name`` (a list or a mapping of plugins)."""
    plugins = config.get("plugins")
    entries = plugins.items() if isinstance(plugins, dict) else \
        (next(iter(entry.items())) for entry in plugins if isinstance(entry, dict) and len(entry) == 1) \
        if isinstance(plugins, list) else ()
    return next((options for key, options in entries if key == name and isinstance(options, dict)), {})


def site_names(config: dict) -> list[str]:
    """The site's name in each language mkdocs.yml gives one: ``site_name``, then each of
    mkdocs-static-i18n's languages' own."""
    languages = _plugin_config(config, "i18n").get("languages")
    names = [config.get("site_name")] + [language.get("site_name") for language in languages or ()
                                          if isinstance(language, dict)]
    return list(dict.fromkeys(name for name in names if isinstance(name, str) and name.strip()))


def redirect_page_warnings(root: Path, config: dict) -> list[str]:
    """What ``strategy check`` says when the site's root page (mike's ``redirect_template``,
    which `strategy init` writes with the site's names) no longer names the site as
    mkdocs.yml does: mike fills in nothing but the address, so a renamed site would keep
    its old name there, on the first page a reader may see."""
    template = _plugin_config(config, "mike").get("redirect_template")
    if not isinstance(template, str):
        return []
    try:
        text, _ = read_text(Path(root, template), template)
    except OSError:
        return []  # a missing template is said by mike; an unreadable one by template_problems
    if text is None:
        return []
    shown = html.unescape(text)  # the names as the page shows them: init writes them as entities
    missing = [name for name in site_names(config) if name not in shown]
    if not missing:
        return []
    title = _title_line(text)
    return [message("redirect_names", file=f"{template}:{title}" if title else template,
                    names=", ".join(repr(name) for name in missing))]


class _TitleLine(html.parser.HTMLParser):
    """The line of a page's title element, where its name is (or ought to be)."""

    def __init__(self):
        super().__init__()
        self.line: int | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "title" and self.line is None:
            self.line = self.getpos()[0]


def _title_line(text: str) -> int | None:
    finder = _TitleLine()
    finder.feed(text)
    finder.close()
    return finder.line
