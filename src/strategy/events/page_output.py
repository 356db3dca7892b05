"""Finishes each page as it is written: Content Security Policy and markup fixes.
A thin adapter over ``strategy.page_output``."""

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from strategy.page_output import POLICY_SLOT, MissingPolicySlot, finish_page, trusted_scripts


@event_priority(-200)
def on_config(config):
    # The theme's inline scripts, from every template folder (ours first, then Material's).
    partials = [path for folder in config.theme.dirs for path in sorted(Path(folder).glob("partials/javascripts/*.html"))]
    config.strategy_trusted_scripts = trusted_scripts([path.read_text(encoding="utf-8") for path in partials])
    return config


def on_env(env, config, files):
    env.globals["content_security_policy_slot"] = POLICY_SLOT
    return env


def _finished(html, name, config):
    try:
        return finish_page(html, config.strategy_trusted_scripts)
    except MissingPolicySlot as error:
        raise Abort(f"{name}: {error}") from None


def on_post_page(output, page, config):
    return _finished(output, page.file.src_uri, config)


def on_post_template(output_content, template_name, config):
    """Static pages rendered from templates, such as 404.html."""
    if template_name.endswith(".html"):
        return _finished(output_content, template_name, config)
    return output_content
