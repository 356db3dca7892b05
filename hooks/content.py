"""Loads the content model once per language build and hands it to the templates.

A thin adapter: the model, its checks and the view data live in ``strategy``.
"""

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

# Import helpers at the top: the hooks folder is on sys.path only while MkDocs
# imports this file.
from strategy import views
from strategy.catalogue import translate
from strategy.loader import load_content
from strategy.problems import ContentError


def _language(config) -> str:
    return config.theme["language"]


@event_priority(-200)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    try:
        config.strategy_content = load_content(Path(config.config_file_path).parent)
    except ContentError as error:
        raise Abort(str(error)) from None
    return config


def on_env(env, config, files):
    language = _language(config)
    env.globals["ui"] = lambda key, **values: translate(key, language, **values)
    return env


def on_page_context(context, page, config, nav):
    entry = config.strategy_content.entry_at(page.file.src_uri.split("/", 1)[1])
    context["strategy"] = views.page_view(entry, config.strategy_content.plan, _language(config))
    return context
