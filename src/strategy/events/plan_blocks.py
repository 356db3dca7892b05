"""Places the generated blocks (mission index, tables, plan, matrix, archive...) and
writes the open data exports. A thin adapter over ``strategy.blocks``: the core
builds each block's view, the theme's templates (theme/partials/strategy/,
which a site can override) render it."""

from pathlib import Path

from mkdocs.exceptions import Abort

from strategy.events.i18n_pages import source_path
from strategy import LANGUAGES
from strategy.blocks import Page, UnknownMarker, place_blocks, restore_blocks, template_name
from strategy.exports import plan_csv, plan_json
from strategy.history_export import history_csv, history_json
from strategy.problems import ContentError
from strategy.safe_html import generated_block_problems
from strategy.schemas import SCHEMA_DIR
from strategy.urls import EXPORT_FILES, HISTORY_FILES
from strategy.events.theme_templates import render


def on_page_markdown(markdown, page, config, files):
    publication = config.strategy
    language = config.theme["language"]
    entry = publication.content.entry_at(source_path(page.file))
    try:
        markdown, page.strategy_blocks = place_blocks(
            markdown, Page(publication, language, page.url, entry),
            lambda name, view: render(config, template_name(name), view=view))
    except UnknownMarker as error:
        raise Abort(f"{page.file.src_uri}: {error}") from None
    return markdown


def on_page_content(html, page, config, files):
    blocks = getattr(page, "strategy_blocks", [])
    # Our generators escape every value; this is the proof, on what readers get.
    problems = [problem for block in blocks for problem in generated_block_problems(block, page.file.src_uri)]
    if problems:
        raise Abort(str(ContentError(problems)))
    return restore_blocks(html, blocks)


def on_post_build(config):
    if config.theme["language"] != LANGUAGES[0]:
        return  # the exports are bilingual: written once, by the first language's build
    plan = config.strategy.content.plan  # the plan and its history
    site = Path(config.site_dir)
    outputs = {
        EXPORT_FILES["json"]: plan_json(plan),
        EXPORT_FILES["csv"]: plan_csv(plan),
        EXPORT_FILES["schema"]: (SCHEMA_DIR / "delivery-plan-export.schema.json").read_text(encoding="utf-8"),
        HISTORY_FILES["json"]: history_json(plan),
        HISTORY_FILES["csv"]: history_csv(plan),
        HISTORY_FILES["schema"]: (SCHEMA_DIR / "plan-history-export.schema.json").read_text(encoding="utf-8"),
    }
    for relative, text in outputs.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8", newline="")
