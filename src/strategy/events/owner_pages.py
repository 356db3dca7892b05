"""Adds roles and responsibilities (owners/, and owners/cdps/ for each owner of the plan's actions) as generated pages in each language."""

from mkdocs.plugins import event_priority

from strategy.events.i18n_pages import generated_page
from strategy import LANGUAGES
from strategy.catalogue import translate
from strategy.escape import markdown_inline
from strategy.urls import owner_page_path, owners_index_path


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    index = {language: f"# {translate('owners.title', language)}\n\n<!-- strategy:owners -->\n" for language in LANGUAGES}
    files.append(generated_page(config, owners_index_path(), index))
    for owner in config.strategy.content.plan.owners:
        # The owner's name is the editor's text: kept plain in the page's Markdown.
        markdown = {language: f"# {markdown_inline(owner.name.in_language(language))}\n\n"
                              f"<!-- strategy:owner-actions owner={owner.id} -->\n" for language in LANGUAGES}
        files.append(generated_page(config, owner_page_path(owner.id), markdown))
    return files
