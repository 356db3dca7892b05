"""Places the generated blocks (mission index, tables, plan, matrix, archive...) and
writes the open data exports. A thin adapter over ``strategy.blocks``: the core
builds each block's view, the theme's templates (overrides/partials/strategy/,
which a site can override) render it."""

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from i18n_pages import source_path
from strategy import LANGUAGES
from strategy.blocks import Page, UnknownMarker, place_blocks, restore_blocks, template_name
from strategy.catalogue import translator
from strategy.escape import markdown_inline
from strategy.exports import plan_csv, plan_json
from strategy.schemas import SCHEMA_DIR
from strategy.urls import EXPORT_FILES


@event_priority(-200)  # once per language, after mkdocs-static-i18n has switched the config
def on_files(files, config):
    # The theme's templates (overrides/ first, then Material's), with autoescape on:
    # every value a block prints is escaped where it is printed. MkDocs makes its own
    # environment only after the pages' Markdown is read, too late for the blocks.
    env = config.theme.get_env().overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["markdown_inline"] = _markdown_inline
    env.globals["t"] = translator(config.theme["language"])
    config.strategy_render_block = lambda name, view: env.get_template(template_name(name)).render(view=view)
    return files


def _markdown_inline(text) -> Markup:
    """Text placed in a Markdown heading: escaped for Markdown (and HTML), and then not escaped again."""
    return Markup(markdown_inline(text.unescape() if isinstance(text, Markup) else str(text)))


def on_page_markdown(markdown, page, config, files):
    publication = config.strategy
    language = config.theme["language"]
    entry = publication.content.entry_at(source_path(page.file))
    try:
        markdown, page.strategy_blocks = place_blocks(markdown, Page(publication, language, page.url, entry),
                                                      config.strategy_render_block)
    except UnknownMarker as error:
        raise Abort(f"{page.file.src_uri}: {error}") from None
    return markdown


def on_page_content(html, page, config, files):
    return restore_blocks(html, getattr(page, "strategy_blocks", []))


def on_post_build(config):
    if config.theme["language"] != LANGUAGES[0]:
        return  # the exports are bilingual: written once, by the first language's build
    plan = config.strategy.content.plan
    site = Path(config.site_dir)
    outputs = {
        EXPORT_FILES["json"]: plan_json(plan),
        EXPORT_FILES["csv"]: plan_csv(plan),
        EXPORT_FILES["schema"]: (SCHEMA_DIR / "delivery-plan-export.schema.json").read_text(encoding="utf-8"),
    }
    for relative, text in outputs.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8", newline="")
