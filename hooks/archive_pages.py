"""Adds the archive's later pages (archive/page/2/...) as generated pages in each language."""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from strategy import LANGUAGES
from strategy.blocks import archive_page_count, archive_page_path
from strategy.catalogue import translate
from strategy.urls import LANGUAGE_FOLDERS


def _generated_page(config, language: str, path: str, number: int, pages: int) -> File:
    title = f"{translate('archive.title', language)} ({translate('archive.page_of', language, page=number, pages=pages)})"
    file = File.generated(config, f"{language}/{path}", content=f"# {title}\n\n<!-- strategy:archive page={number} -->\n",
                          inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = LANGUAGE_FOLDERS[language] + path[: -len(".md")] + "/index.html"
    return file


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    language = config.theme["language"]
    pages = archive_page_count(config.strategy)
    for number in range(2, pages + 1):
        path = archive_page_path(number)
        twins = {lang: _generated_page(config, lang, path, number, pages) for lang in LANGUAGES}
        for file in twins.values():
            # What mkdocs-static-i18n records on the files it handles, so that
            # the language switch leads to the twin page.
            file.locale = file.localization = file.src_uri.split("/", 1)[0]
            file.locale_alternate_of = language
            file.norm_src_uri = path
            file.alternates = twins
        files.append(twins[language])
    return files
