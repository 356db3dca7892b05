"""What rendered HTML may contain: an allowlist, applied with Ammonia (nh3).

A post's Markdown may hold raw HTML, and attr_list lets it set attributes. What
reaches readers (pages and feeds, where our Content-Security-Policy does not
apply) is the rendered HTML, so that is what is checked: anything the sanitizer
would change is refused, with what was found; nothing is silently stripped.

How "would change" is decided: Ammonia parses with html5ever and writes its own
serialisation, so comparing its output with the input would flag harmless
differences (quoting, entities, ``<br />``). Instead the same input is cleaned
twice with Ammonia: once with the allowlist, once with a configuration that keeps
every tag, attribute and URL scheme the input contains. Both outputs come from the
same parser and serialiser, so they differ exactly where the allowlist removed
something. The HTML parser itself also drops a few things in a fragment (a stray
``</div>``, a ``<body onload>`` whose attributes a browser would move onto the
page's own body): a tag the parser dropped is counted as a difference too.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from .problems import Phrase, Problem, phrase

# Links and images: the web, e-mail, and addresses within the site (relative).
# No javascript:, data: (a whole page in a link), vbscript:, file:...
URL_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "background",
                            "longdesc", "srcset", "xlink:href", "ping", "manifest", "icon"})

# What Markdown and its extensions (mkdocs.yml) produce, and the HTML an editor may
# reasonably write in a post. Not allowed, among others: script, style, iframe,
# object, embed, form and its controls, meta, link, base, svg, math, template,
# obsolete elements (the HTML checker refuses them), and style attributes: the
# Content-Security-Policy blocks inline styles on the site, but feed readers show
# a post without our policy, where a style could cover or restyle the reader's page.
POST_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
POST_ATTRIBUTES = {
    # attr_list ids and classes (headings, Material's buttons), footnote and permalink
    # titles, and passages in the other language (lang, dir).
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}), "q": frozenset({"cite"}),
    "ins": frozenset({"cite", "datetime"}), "del": frozenset({"cite", "datetime"}), "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan", "headers"}), "th": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
}
# Task lists (pymdownx.tasklist) render ticked and unticked boxes that cannot be changed.
POST_ATTRIBUTE_VALUES = {"input": {"type": frozenset({"checkbox"}), "disabled": frozenset({"", "disabled"}),
                                   "checked": frozenset({"", "checked"})}}

# Our generated blocks and templates add the plan filters and the search form (forms,
# their controls and the data the scripts read), progress charts (inline SVG: bars, their
# hatching and their labels), a post's
# footer, landmarks and ARIA.
BLOCK_TAGS = POST_TAGS | {"form", "fieldset", "legend", "label", "select", "option", "button", "nav", "address",
                          "noscript", "svg", "title", "desc", "rect", "path", "text", "output", "search", "footer"}
BLOCK_ATTRIBUTES = {
    **POST_ATTRIBUTES,
    "*": POST_ATTRIBUTES["*"] | {"role", "tabindex", "hidden"},
    "a": POST_ATTRIBUTES["a"] | {"rel", "type", "aria-current"},
    "form": frozenset({"action", "method", "role"}),
    "label": frozenset({"for"}),
    "select": frozenset({"name", "autocomplete"}),
    "option": frozenset({"value", "selected"}),
    "button": frozenset({"type", "name", "value"}),
    "input": frozenset({"type", "name", "value", "autocomplete", "placeholder", "disabled", "checked", "required",
                        "inputmode", "enterkeyhint", "spellcheck", "list"}),
    "output": frozenset({"for"}),
    # SVG's attribute names keep their capitals (the HTML parser restores them).
    "svg": frozenset({"xmlns", "viewBox", "preserveAspectRatio", "width", "height", "focusable"}),
    "rect": frozenset({"x", "y", "width", "height", "rx"}),
    "path": frozenset({"d"}),  # the trend chart's hatching: lines only
    "text": frozenset({"x", "y", "text-anchor"}),
}
BLOCK_PREFIXES = frozenset({"aria-", "data-"})


@dataclass(frozen=True)
class Allowlist:
    tags: frozenset[str]
    attributes: dict = field(hash=False)
    attribute_values: dict = field(default_factory=dict, hash=False)
    prefixes: frozenset[str] = frozenset()

    def cleaner(self) -> nh3.Cleaner:
        return nh3.Cleaner(tags=set(self.tags), clean_content_tags=set(),
                           attributes={tag: set(names) for tag, names in self.attributes.items()},
                           tag_attribute_values={tag: {name: set(values) for name, values in allowed.items()}
                                                 for tag, allowed in self.attribute_values.items()},
                           generic_attribute_prefixes=set(self.prefixes) or None,
                           url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=False,
                           attribute_filter=_only_own_images)

    def allows_attribute(self, tag: str, name: str, value: str) -> bool:
        """``name`` as html.parser gives it: in lower case."""
        allowed = {allowed.lower() for allowed in self.attributes.get("*", set()) | self.attributes.get(tag, set())}
        if name in allowed:
            return True
        if any(name.startswith(prefix) for prefix in self.prefixes):
            return True
        return value in self.attribute_values.get(tag, {}).get(name, ())


POSTS = Allowlist(POST_TAGS, POST_ATTRIBUTES, POST_ATTRIBUTE_VALUES)
BLOCKS = Allowlist(BLOCK_TAGS, BLOCK_ATTRIBUTES, prefixes=BLOCK_PREFIXES)
_CLEANERS: dict[Allowlist, nh3.Cleaner] = {}

# The HTML tokenizer's own rules: a tag opens with '<' (or '</') and an ASCII letter,
# and its name runs to whitespace, '/' or '>'. A URL's scheme, once a browser has
# removed tabs and line breaks from it, is a letter then letters, digits, + - . up to ':'.
_TAG = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)")
# A URL's scheme as a link's value starts it; the scheme-like characters just before a ':'
# (at most 64: no scheme a browser runs is longer), from which every scheme ending at that
# ':' starts (``_schemes``).
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{0,63}):")
_SCHEME_RUN = re.compile(r"[A-Za-z0-9+.\-]{1,64}\Z")
_URL_NOISE = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(map(chr, range(0x21)))  # what a browser trims from both ends of a URL


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


def _tags(html: str) -> Counter:
    """('/'?, name) of every tag in ``html``, as the tokenizer names them."""
    tags = Counter()
    for (slash, name), count in Counter(_TAG.findall(html)).items():  # counted as written, then folded: faster
        tags[(slash, _ascii_lower(name))] += count
    return tags


def _schemes(html: str) -> set[str]:
    """Every scheme a URL in ``html`` could have, entities decoded or not (more is harmless):
    each run of letters, digits, + - . (at most 64) that ends at a ':', from each letter in it
    (what a scheme is depends on where the URL starts). Found by splitting at each ':' and
    looking back, not by trying a match at every character of the page."""
    found = set()
    for text in {html, unescape(html)} if "&" in html else (html,):
        for before in _URL_NOISE.sub("", text).split(":")[:-1]:
            run = _SCHEME_RUN.search(before[-64:])
            if run:
                found.update(run.group()[start:] for start, character in enumerate(run.group())
                             if character.isalpha())
    return {_ascii_lower(scheme) for scheme in found}


def _keep_everything(html: str) -> nh3.Cleaner:
    """Ammonia configured to keep every tag, attribute and scheme found in ``html``."""
    return _keeping(frozenset(name for _, name in _tags(html)), frozenset(_schemes(html) | URL_SCHEMES))


@lru_cache(maxsize=256)  # most pages use the same few tags and schemes
def _keeping(tags: frozenset[str], schemes: frozenset[str]) -> nh3.Cleaner:
    return nh3.Cleaner(tags=set(tags), clean_content_tags=set(), attributes={}, generic_attribute_prefixes={""},
                       url_schemes=set(schemes), link_rel=None, strip_comments=False)


def _from_another_site(url: str) -> bool:
    parts = urlsplit(_URL_NOISE.sub("", url).strip(_URL_EDGES))
    return bool(parts.scheme or parts.netloc)


def _only_own_images(tag: str, attribute: str, value: str) -> str | None:
    """Images come from the site itself: the site makes no request to any other host,
    and a feed reader showing a post would otherwise fetch (and be tracked by) another site."""
    return None if tag == "img" and attribute == "src" and _from_another_site(value) else value


def unsafe_markup(html: str, allowlist: Allowlist = POSTS) -> list[Phrase]:
    """What in ``html`` the allowlist does not allow, each as an editor would name it
    ("a <meta> element", "an onclick attribute", "a javascript: URL"); empty when the
    sanitizer leaves ``html`` as it is."""
    if allowlist not in _CLEANERS:
        _CLEANERS[allowlist] = allowlist.cleaner()
    kept = _keep_everything(html).clean(html)
    found = _dropped_by_parser(html, kept)
    if _CLEANERS[allowlist].clean(html) != kept:
        found += _describe(kept, allowlist) or [phrase("found.html.changed")]
    return found


def _dropped_by_parser(html: str, kept: str) -> list[Phrase]:
    before, after = _tags(html), _tags(kept)
    found = []
    for (slash, name), count in sorted(before.items()):
        for _ in range(count - after[(slash, name)]):
            found.append(phrase("found.html.stray_end_tag", name=name) if slash else _element(name))
    return found


def _describe(html: str, allowlist: Allowlist) -> list[Phrase]:
    walker = _Walker(allowlist)
    walker.feed(html)
    walker.close()
    return walker.found


class _Walker(HTMLParser):
    """Names each element, attribute and URL of sanitizer-serialised HTML that the allowlist refuses."""

    def __init__(self, allowlist: Allowlist):
        super().__init__(convert_charrefs=True)
        self.allowlist, self.found = allowlist, []

    def handle_starttag(self, tag, attrs):
        if tag not in self.allowlist.tags:
            self.found.append(_element(tag))
            return
        for name, value in attrs:
            value = value or ""
            if not self.allowlist.allows_attribute(tag, name, value):
                self.found.append(_attribute(tag, name, value, self.allowlist))
            elif _only_own_images(tag, name, value) is None:
                self.found.append(phrase("found.html.other_site_image", address=value[:60]))
            elif name in URL_ATTRIBUTES:
                scheme = _SCHEME.match(_URL_NOISE.sub("", value).strip(_URL_EDGES))
                if scheme and _ascii_lower(scheme.group(1)) not in URL_SCHEMES:
                    self.found.append(phrase("found.html.scheme", scheme=_ascii_lower(scheme.group(1))))

    handle_startendtag = handle_starttag


def _attribute(tag: str, name: str, value: str, allowlist: Allowlist) -> Phrase:
    if name.startswith("on"):
        return phrase("found.html.event_handler", name=name)
    if name == "style":
        return phrase("found.html.style")
    if name in allowlist.attribute_values.get(tag, {}):
        return phrase("found.html.attribute_value", name=name, value=value, tag=tag)
    return phrase("found.html.attribute_an" if name[:1] in "aeiou" else "found.html.attribute", name=name, tag=tag)


def _element(tag: str) -> Phrase:
    return phrase("found.html.element_an" if tag[:1] in "aeiou" else "found.html.element", tag=tag)


def generated_block_problems(html: str, file: str) -> list[Problem]:
    """A generated block (mission tables, the plan, indexes) whose HTML the block
    allowlist would change: text from the content that was not escaped, or markup a
    template added without adding it here."""
    return [Problem(file, None, "", phrase("expected.block_markup"), phrase("found.html.in_block", found=found))
            for found in unsafe_markup(html, BLOCKS)]
