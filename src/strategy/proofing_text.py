"""The text readers see, in each language, with the file and line it is on: what
the proofing report (proofing.py) checks.

Sources: every page and post under docs/<language>/ (its front-matter text fields
and its Markdown body), every text of data/plan.yaml and of the site's own strings
(strings.yml). Optionally the built site: the Welsh pages and feeds. The package's own
catalogue.yml is not the editors' to correct: its test proofs it (tests/test_proofing.py).

Left out, so that no one has to add them to a word list: code (fenced and
inline), URLs and e-mail addresses, HTML tags and their attributes, comments
(the block markers among them), {placeholders}, and passages tagged in another
language (``lang="en"`` on an element, ``{lang=en}`` after a Markdown span or paragraph). What
is left out is blanked with a filler character, never deleted, so that line
numbers stay true and two words either side of a code span are not read as one
phrase.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from lxml import etree, html

from . import LANGUAGES
from .schemas import SCHEMA_DIR
from .yamltext import compose

FILLER = "¤"  # stands in for everything left out; it is neither a letter nor a space


@dataclass(frozen=True)
class Passage:
    """A piece of text in one language that starts on ``line`` of ``file``."""

    file: str
    line: int
    language: str
    text: str


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", FILLER, match.group())


def _blank_all(patterns, text: str) -> str:
    for pattern in patterns:
        text = pattern.sub(_blank, text)
    return text


_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
_URLS = re.compile(r"<?(?:https?://|mailto:|www\.)[^\s)>\]]+>?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)
_ATTRIBUTE_LIST = re.compile(r"\{[:#.][^}\n]*\}|\{[^}\n]*=[^}\n]*\}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ENTITY = re.compile(r"&#?\w+;")
_ADMONITION_TYPE = re.compile(r"^ *(?:!!!|\?\?\?\+?) *[\w-]+", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{[^{}\n]*\}|%(?:\(\w+\))?[sdr]\b")  # ours, and argparse's own (%(prog)s) in its messages
# In the commands' messages: a make command and its variables, a path, a file name.
_COMMAND_OR_PATH = re.compile(r"\bmake [a-z-]+(?: [A-Z_]+=\S*)*|\b[A-Z_]{2,}=\S*|(?<![\w/])[\w.-]*/[\w./-]*"
                              r"|\b[\w.-]+\.(?:md|yml|yaml|json|txt|py)\b")


def _other_language_patterns(language: str) -> list[re.Pattern]:
    """An element tagged in another language, up to its end tag (``<span lang="en">...</span>``), and
    a Markdown span or paragraph tagged with an attribute list (``*Digital Wales*{lang=en}``)."""
    others = "|".join(other for other in LANGUAGES if other != language)
    return [
        re.compile(rf"<(\w+)[^>]*\blang=[\"']?(?:{others})\b[^>]*>.*?</\1\s*>", re.DOTALL),
        re.compile(rf"(?:\[[^\]\n]*\]|\*\*?[^*\n]+\*\*?|_[^_\n]+_)\{{[^}}\n]*\blang=[\"']?(?:{others})\b[^}}\n]*\}}"),
        re.compile(rf"(?:^.+\n)*^.*\{{:?\s*[^}}\n]*\blang=[\"']?(?:{others})\b[^}}\n]*\}}[ \t]*$", re.MULTILINE),
    ]


def clean_markdown(text: str, language: str) -> str:
    """``text`` with everything that is not prose in ``language`` blanked out."""
    return _blank_all([_CODE_FENCE, _COMMENT, *_other_language_patterns(language), _INLINE_CODE, _LINK_TARGET,
                       _URLS, _TAG, _ATTRIBUTE_LIST, _ENTITY, _ADMONITION_TYPE], text)


def clean_interface_text(text: str) -> str:
    """A catalogue string or a plan text: placeholders, `code`, commands, paths and addresses blanked out."""
    return _blank_all([_PLACEHOLDER, _INLINE_CODE, _URLS, _COMMAND_OR_PATH], text)


# --- sources -----------------------------------------------------------------


def _text_fields(root: Path) -> frozenset[str]:
    """The front-matter fields readers see: those a translation translates (its schema says which)."""
    schema = json.loads((SCHEMA_DIR / "translation.schema.json").read_text(encoding="utf-8"))
    return frozenset(schema["properties"]) - {"translated_from", "source_hash"}


def _scalars(node: yaml.Node, path: tuple = ()):
    """(path, scalar node) for every scalar in a composed YAML document."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, path + ("[]",))
    elif isinstance(node, yaml.ScalarNode):
        yield path, node


def _scalar_passage(file: str, language: str, node: yaml.ScalarNode, first_line: int, clean) -> Passage:
    block = 1 if node.style in ("|", ">") else 0  # a block scalar's text starts on the next line
    return Passage(file, first_line + node.start_mark.line + block, language, clean(node.value))


def markdown_passages(path: Path, root: Path, language: str, text_fields: frozenset[str]) -> list[Passage]:
    file = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    body, body_line, passages = text, 1, []
    front = re.match(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", text, re.DOTALL)
    if front:
        try:
            document = compose(front.group(1))
        except yaml.YAMLError:
            document = None  # `make check` reports it; the body is still worth proofing
        for field_path, node in _scalars(document) if document else ():
            if field_path and field_path[0] in text_fields:  # a change's date is digits: nothing to check
                passages.append(_scalar_passage(file, language, node, 2, lambda value: clean_markdown(value, language)))
        body, body_line = text[front.end():], text.count("\n", 0, front.end()) + 1
    passages.append(Passage(file, body_line, language, clean_markdown(body, language)))
    return passages


def _language_of(field_path: tuple) -> str:
    """The language of the text at ``field_path`` ('cy' for ``missions.[].title.cy``), except that a
    language's own name is written in that language everywhere (``language_name.en.cy`` is English)."""
    if len(field_path) == 2 and field_path[0].startswith("language_name."):
        return field_path[0].rsplit(".", 1)[1]
    return field_path[-1]


def bilingual_passages(path: Path, root: Path) -> list[Passage]:
    """Every ``en:`` / ``cy:`` text of a YAML file (the plan, the catalogue)."""
    document = compose(path.read_text(encoding="utf-8"))
    file = path.relative_to(root).as_posix()
    return [_scalar_passage(file, _language_of(field_path), node, 1, clean_interface_text)
            for field_path, node in (_scalars(document) if document else ())
            if field_path and field_path[-1] in LANGUAGES and isinstance(node.value, str)]


def source_passages(root: Path) -> list[Passage]:
    text_fields = _text_fields(root)
    passages = []
    for language in LANGUAGES:
        for path in sorted((root / "docs" / language).rglob("*.md")):
            passages.extend(markdown_passages(path, root, language, text_fields))
    passages.extend(bilingual_passages(root / "data" / "plan.yaml", root))
    strings = site_strings_file(root)
    if strings is not None:  # the site's own wording of the package's strings
        passages.extend(bilingual_passages(strings, root))
    return passages


def site_strings_file(root: Path) -> Path | None:
    """The site's strings file (the plugin's ``strings`` option), when it names one that is there."""
    from .settings import raw_site_options
    name = raw_site_options(root).get("strings")
    path = root / name if isinstance(name, str) else None
    return path if path is not None and path.is_file() else None


# --- the built Welsh site ----------------------------------------------------

_SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "kbd", "samp", "template", "noscript"}


def _element_passages(element, file: str, language: str, inherited: str) -> list[Passage]:
    """The text of ``element`` and its descendants that is in ``language``."""
    if not isinstance(element.tag, str) or element.tag in _SKIPPED_ELEMENTS:
        return []
    own = element.get("lang") or element.get("{http://www.w3.org/XML/1998/namespace}lang") or inherited
    passages = []
    if own.split("-")[0] == language and element.text and element.text.strip():
        passages.append(Passage(file, element.sourceline or 1, language, clean_interface_text(element.text)))
    for child in element:
        passages.extend(_element_passages(child, file, language, own))
        if child.tail and child.tail.strip() and own.split("-")[0] == language:
            passages.append(Passage(file, child.sourceline or 1, language, clean_interface_text(child.tail)))
    return passages


def _html_passages(markup: str, file: str, language: str, line: int | None = None) -> list[Passage]:
    if not markup.strip():
        return []
    tree = html.fromstring(markup)
    passages = _element_passages(tree, file, language, language)
    return [Passage(p.file, line or p.line, p.language, p.text) for p in passages] if line else passages


_FEED_TEXT = {"title", "description", "summary", "subtitle", "content"}


def site_passages(site: Path, root: Path, language: str = "cy") -> list[Passage]:
    """The pages and feeds of one language of a built site (``site/cy/``)."""
    folder = site / language
    passages = []
    for path in sorted(folder.rglob("*")):
        file = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if path.suffix == ".html":
            tree = html.parse(str(path))
            passages.extend(_element_passages(tree.getroot(), file, language, tree.getroot().get("lang", "")))
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            for element in etree.parse(str(path)).iter():
                if isinstance(element.tag, str) and etree.QName(element).localname in _FEED_TEXT and element.text:
                    passages.extend(_html_passages(element.text, file, language, element.sourceline))
        elif path.suffix == ".json" and path.name.startswith("feed"):
            items = json.loads(path.read_text(encoding="utf-8")).get("items", [])
            for item in items:
                for key in ("title", "summary", "content_html"):
                    passages.extend(_html_passages(item.get(key, ""), file, language, 1))
    return passages
