"""Names for the landmarks Material's base template leaves unnamed, so that a
screen reader's list of landmarks tells them apart, in the page's language."""

from __future__ import annotations

from .catalogue import translate
from .escape import html_text

# The opening of each unnamed landmark in Material 9.8's base.html, and its name.
UNNAMED = {
    '<aside class="md-banner"': "landmark.notice",
    '<main class="md-main"': "landmark.main",
    '<footer class="md-footer"': "landmark.footer",
}


def name_landmarks(html: str, language: str) -> str:
    for opening, key in UNNAMED.items():
        html = html.replace(opening, f'{opening} aria-label="{html_text(translate(key, language))}"', 1)
    return html
