"""Finishes each page as it is written: Content Security Policy and markup fixes.
A thin adapter over ``strategy.page_output``."""

from pathlib import Path

from mkdocs.plugins import event_priority

from strategy.page_output import finish_page, trusted_scripts


@event_priority(-200)
def on_config(config):
    # The theme's inline scripts, from every template folder (ours first, then Material's).
    partials = [path for folder in config.theme.dirs for path in sorted(Path(folder).glob("partials/javascripts/*.html"))]
    config.strategy_trusted_scripts = trusted_scripts([path.read_text(encoding="utf-8") for path in partials])
    return config


def on_post_page(output, page, config):
    return finish_page(output, config.strategy_trusted_scripts)


def on_post_template(output_content, template_name, config):
    """Static pages rendered from templates, such as 404.html."""
    if template_name.endswith(".html"):
        return finish_page(output_content, config.strategy_trusted_scripts)
    return output_content
