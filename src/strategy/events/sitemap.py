"""Writes sitemap.xml (and .gz) once both languages are built. A thin adapter
over ``strategy.sitemap``.

MkDocs renders a theme's sitemap.xml template in every language's build, early,
to the site root. Here no build writes it: when the languages build side by side
(events/language_builds.py), the English build's copy could land after the site
map the Welsh build has written, on a busy machine. theme/sitemap.xml is an empty
placeholder so that MkDocs need not render Material's."""

from pathlib import Path

from strategy import LANGUAGES
from strategy.list_views import archive_page_count
from strategy.urls import (SITEMAP_FILES, archive_page_path, owner_page_path, owners_index_path, progress_index_path,
                           progress_report_path)
from strategy.sitemap import gzipped, sitemap_xml


def on_post_template(output_content, template_name, config):
    if template_name == "sitemap.xml":
        return ""  # MkDocs writes no file for an empty template (and no .gz)
    return output_content


def on_post_build(config):
    if config.theme["language"] != LANGUAGES[-1]:
        return  # the last language's build is the last to write to the site root
    publication = config.strategy
    pages = [(entry.path, entry.updated or entry.date) for entry in publication.content.entries if publication.shows(entry)]
    pages += [(archive_page_path(n), None) for n in range(2, archive_page_count(publication) + 1)]
    pages += [(progress_index_path(), None)] + [(progress_report_path(p.slug), None) for p in publication.progress_periods]
    pages += [(owners_index_path(), None)] + [(owner_page_path(o.id), None) for o in publication.content.plan.owners]
    xml = sitemap_xml(pages, publication.addresses)
    site = Path(config.site_dir)
    plain, compressed = SITEMAP_FILES
    (site / plain).write_bytes(xml)
    (site / compressed).write_bytes(gzipped(xml))
