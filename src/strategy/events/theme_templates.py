"""The theme's templates for what the hooks render themselves (blocks, feed items, the
feed stylesheet): not a hook, a helper the hooks import.

They come from the theme's folders, overrides/ first, so a site overrides any of
them as it overrides one of Material's partials; autoescape is on, so every value
is escaped where a template prints it.
"""

from markupsafe import Markup

from strategy.catalogue import translator
from strategy.escape import markdown_inline
from strategy.events.template_cache import COMPILED_TEMPLATES


def strategy_templates(config):
    """This language's environment (MkDocs makes its own only after the pages' Markdown is read)."""
    language = config.theme["language"]
    cached = getattr(config, "strategy_templates", None)
    if cached is not None and cached.globals.get("language") == language:
        return cached
    env = config.theme.get_env().overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                         bytecode_cache=COMPILED_TEMPLATES)
    env.globals.update(t=translator(language), language=language)
    env.filters["markdown_inline"] = _markdown_inline
    config.strategy_templates = env
    return env


def render(config, template: str, **context) -> str:
    return strategy_templates(config).get_template(template).render(**context)


def _markdown_inline(text) -> Markup:
    """Text placed in a Markdown heading: escaped for Markdown (and HTML), and then not escaped again."""
    return Markup(markdown_inline(text.unescape() if isinstance(text, Markup) else str(text)))
