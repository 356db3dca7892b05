"""Adds the progress reports (progress/, and progress/2026-q4/ for each period) as generated pages in each language."""

from mkdocs.plugins import event_priority

from strategy.events.i18n_pages import generated_page
from strategy import LANGUAGES
from strategy.catalogue import translate
from strategy.progress_views import report_title
from strategy.urls import progress_index_path, progress_report_path


def _index(language: str) -> str:
    return f"# {translate('progress.index_title', language)}\n\n<!-- strategy:progress-reports -->\n"


def _report(language: str, period) -> str:
    return f"# {report_title(period, language)}\n\n<!-- strategy:progress-report period={period.slug} -->\n"


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    files.append(generated_page(config, progress_index_path(), {language: _index(language) for language in LANGUAGES}))
    for period in config.strategy.progress_periods:
        markdown = {language: _report(language, period) for language in LANGUAGES}
        files.append(generated_page(config, progress_report_path(period.slug), markdown))
    return files
