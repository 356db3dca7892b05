"""Pages as mkdocs-static-i18n lays them out: not a hook, a helper the hooks import.

The hooks that add pages (archive pages, posts whose translation is to follow)
import it. A generated page gets the attributes static-i18n records on the
files it handles, so that the language switch and the site map find its twin.
"""

from mkdocs.structure.files import File, InclusionLevel

from strategy import LANGUAGES
from strategy.urls import LANGUAGE_FOLDERS, page_path


def source_path(file: File) -> str:
    """'cy/posts/x.md' -> 'posts/x.md': where a page lives under each language folder."""
    return file.src_uri.split("/", 1)[1]


def generated_page(config, path: str, markdown_by_language: dict) -> File:
    """This build's page for ``path`` (as under docs/<language>/), made from Markdown in memory,
    with its twins in the other languages recorded."""
    language = config.theme["language"]
    twins = {}
    for lang in LANGUAGES:
        file = File.generated(config, f"{lang}/{path}", content=markdown_by_language[lang],
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = LANGUAGE_FOLDERS[lang] + page_path(path) + "index.html"  # a/index.md too: a/index.html
        twins[lang] = file
    for lang, file in twins.items():
        file.locale = file.localization = lang
        file.locale_alternate_of = language
        file.norm_src_uri = path
        file.alternates = twins
    return twins[language]
