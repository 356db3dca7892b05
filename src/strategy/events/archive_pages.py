"""Adds the archive's later pages (archive/page/2/...) as generated pages in each language."""

from mkdocs.plugins import event_priority

from strategy.events.i18n_pages import generated_page
from strategy import LANGUAGES
from strategy.list_views import archive_page_count
from strategy.urls import archive_page_path
from strategy.catalogue import translate


def _markdown(language: str, number: int, pages: int) -> str:
    title = f"{translate('archive.title', language)} ({translate('archive.page_of', language, page=number, pages=pages)})"
    return f"# {title}\n\n<!-- strategy:archive page={number} -->\n"


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    pages = archive_page_count(config.strategy)
    for number in range(2, pages + 1):
        markdown = {language: _markdown(language, number, pages) for language in LANGUAGES}
        files.append(generated_page(config, archive_page_path(number), markdown))
    return files
