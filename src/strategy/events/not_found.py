"""The not-found page in both languages: one at the site root, one per other language.

Registered after page_output.py, so that it moves pages already finished.
"""

from pathlib import Path

from strategy import LANGUAGES, views
from strategy.urls import not_found_path


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["strategy"] = views.not_found_view(config.theme["language"], config.strategy.addresses)
    return context


def on_post_template(output_content, template_name, config):
    """Each language build renders 404.html for the site root. The first (English)
    build's page stays there; every other build writes its own to its folder
    (cy/404.html) and leaves the root alone (MkDocs writes no empty page)."""
    if template_name != "404.html":
        return output_content
    language = config.theme["language"]
    if language == LANGUAGES[0]:
        return output_content
    own = Path(config.site_dir) / not_found_path(language)
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(output_content, encoding="utf-8")
    return ""
