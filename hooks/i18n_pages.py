"""Generated pages that mkdocs-static-i18n treats like its own: not a hook, a helper.

The hooks that add pages (archive pages, posts whose translation is to follow)
import it. A generated page gets the attributes static-i18n records on the
files it handles, so that the language switch and the site map find its twin.
"""

from mkdocs.structure.files import File, InclusionLevel

from strategy import LANGUAGES
from strategy.urls import LANGUAGE_FOLDERS


def generated_page(config, path: str, markdown_by_language: dict) -> File:
    """This build's page for ``path`` (as under docs/<language>/), made from Markdown in memory,
    with its twins in the other languages recorded."""
    language = config.theme["language"]
    twins = {}
    for lang in LANGUAGES:
        file = File.generated(config, f"{lang}/{path}", content=markdown_by_language[lang],
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = LANGUAGE_FOLDERS[lang] + path[: -len(".md")] + "/index.html"
        twins[lang] = file
    for file in twins.values():
        file.locale = file.localization = file.src_uri.split("/", 1)[0]
        file.locale_alternate_of = language
        file.norm_src_uri = path
        file.alternates = twins
    return twins[language]
