"""What every reader meets besides the content: interface attributes in the
page's own language, robots.txt. A thin adapter over ``strategy``."""

from pathlib import Path

from mkdocs.plugins import event_priority

from strategy import LANGUAGES
from strategy.catalogue import translate
from strategy.landmarks import name_landmarks


@event_priority(-200)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    # The heading anchors' tooltip ("Permanent link") is a Markdown option, set
    # once in mkdocs.yml for every language: give it this build's language.
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = translate("heading.permalink", config.theme["language"])
    return config


def on_post_page(output, page, config):
    return name_landmarks(output, config.theme["language"])


def on_post_template(output_content, template_name, config):
    """Static pages rendered from templates, such as 404.html."""
    if template_name.endswith(".html") and output_content:
        return name_landmarks(output_content, config.theme["language"])
    return output_content
