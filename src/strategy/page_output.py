"""Finishing each built page: a Content Security Policy, and two fixes to Material's markup.

Pure functions of the page's HTML, applied as MkDocs writes each page.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_NOT_JAVASCRIPT = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_LABEL_FOR = re.compile(r'<label([^>]*?) for="([^"]+)"')

# Everything from this site itself, nothing from anywhere else. Inline scripts
# run only if their hash is listed: Material's own few, never one smuggled in.
POLICY = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; frame-src 'none'; "
          "base-uri 'none'; form-action 'self'")


_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}")


def trusted_scripts(templates: list[str]) -> re.Pattern:
    """What the theme's own inline scripts may look like once rendered.

    ``templates`` are the theme's script partials (Material keeps every inline
    script in partials/javascripts/). A {{ value }} in a script may become any
    text that cannot leave its string literal; everything else must match to the
    letter. Only scripts that match get their hash into the policy: a script that
    reaches a page any other way (a title, the content) is refused by the browser.
    """
    patterns = []
    for template in templates:
        for script in re.findall(r"<script>(.*?)</script>", template, re.DOTALL):
            parts = _TEMPLATE_VALUE.split(script)
            patterns.append(r'[^"\\<>\n]*'.join(re.escape(part) for part in parts))
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.DOTALL)


def inline_script_hashes(html: str, trusted: re.Pattern) -> list[str]:
    """CSP source expressions ('sha256-...') for each trusted inline script."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if _NOT_JAVASCRIPT.search(match.group("attributes")):
            continue  # data such as Material's <script type="application/json"> never runs
        if not trusted.fullmatch(match.group("body")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


# The theme leaves this where the policy goes (theme/main.html, block
# content_security_policy); it is filled in once the page's scripts are known.
POLICY_SLOT = "strategy-content-security-policy"


class MissingPolicySlot(ValueError):
    """A page without the slot would be published without its policy: the build stops instead."""


def add_content_security_policy(html: str, trusted: re.Pattern) -> str:
    if html.count(POLICY_SLOT) != 1:
        raise MissingPolicySlot(
            f"expected the theme's content_security_policy block (main.html) to leave "
            f"'{POLICY_SLOT}' once in the page's head, found it {html.count(POLICY_SLOT)} times")
    hashes = "".join(f" {h}" for h in inline_script_hashes(html, trusted))
    return html.replace(POLICY_SLOT, POLICY.format(hashes=hashes))


def fix_material_markup(html: str) -> str:
    """Two things the Nu HTML Checker rejects in Material 9.8's templates:
    autocomplete="off" on its checkbox toggles (allowed only on text-like inputs),
    and a <label for> whose control is not on the page (the table of contents
    toggle on pages outside the nav)."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    return _LABEL_FOR.sub(lambda m: m.group(0) if f'id="{m.group(2)}"' in html else f"<label{m.group(1)}", html)


def finish_page(html: str, trusted: re.Pattern) -> str:
    return add_content_security_policy(fix_material_markup(html), trusted)
