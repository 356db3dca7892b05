"""Where each page is published.

English is at the root and Welsh under cy/ (see mkdocs.yml). Pages use
directory URLs: docs/en/posts/x.md is published at posts/x/, docs/cy/posts/x.md
at cy/posts/x/. A language may also have a domain of its own
(``extra.strategy.language_site_urls`` in mkdocs.yml); its pages then have
absolute addresses there.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from . import LANGUAGES

LANGUAGE_FOLDERS = {"en": "", "cy": "cy/"}

# --- every file the site publishes besides its pages, relative to the site root ---

FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MISSION_FEEDS_FOLDER = "feeds/"  # each mission's feeds in a folder of its own: feeds/digital-skills/
CALENDAR_FILE = "events.ics"
SEARCH_FOLDER = "search/"  # the search page, and the index shards beside it
EXPORT_FILES = {"json": "data/delivery-plan.json", "csv": "data/delivery-plan.csv",
                "schema": "data/delivery-plan.schema.json"}  # bilingual: one copy, at the root
HISTORY_FILES = {"json": "data/plan-history.json", "csv": "data/plan-history.csv",
                 "schema": "data/plan-history.schema.json"}  # the plan's history (history_export.py): one copy, at the root
SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")  # both languages' pages, at the root
NOT_FOUND_FILE = "404.html"  # the root's serves every language; each other language has its own too
ROBOTS_FILE = "robots.txt"  # at the root only
SOCIAL_IMAGE_FILE = "social.png"  # each post's picture for shared links, beside its page: posts/x/social.png
ARCHIVE_PAGES_FOLDER = "archive/page/"  # the archive's later pages: archive/page/2/


def feed_paths(language: str, mission_id: str | None = None) -> dict[str, str]:
    """Where each format of a feed is published: 'cy/feed.xml', 'feeds/digital-skills/atom.xml'."""
    folder = LANGUAGE_FOLDERS[language] + (f"{MISSION_FEEDS_FOLDER}{mission_id}/" if mission_id else "")
    return {kind: folder + name for kind, name in FEED_FILES.items()}


def plan_updates_feed_paths(language: str) -> dict[str, str]:
    """Where the plan-updates feed is published, beside the progress reports: 'cy/progress/feed.xml'."""
    return {kind: LANGUAGE_FOLDERS[language] + PROGRESS_FOLDER + name for kind, name in FEED_FILES.items()}


PLAN_UPDATES_ANCHOR = "feed-plan-updates"  # the plan-updates feed's row on the subscribe page


# The page a reader who follows a feed link lands on: it says what a feed is and gives
# each feed's address to copy (the feeds themselves are plain XML, for feed readers).
SUBSCRIBE_PAGE = "subscribe.md"


def feed_anchor(mission_id: str | None = None) -> str:
    """The id of a feed's row on the subscribe page: 'feed-all', 'feed-digital-skills'."""
    return f"feed-{mission_id or 'all'}"


def subscribe_url(language: str, mission_id: str | None = None) -> str:
    """Where a link to a feed leads a reader: its row on the subscribe page, 'cy/subscribe/#feed-all'."""
    return page_url(SUBSCRIBE_PAGE, language) + "#" + feed_anchor(mission_id)


def calendar_path(language: str) -> str:
    return LANGUAGE_FOLDERS[language] + CALENDAR_FILE


def search_folder(language: str) -> str:
    """This language's search page and its index: 'cy/search/'."""
    return LANGUAGE_FOLDERS[language] + SEARCH_FOLDER


SEARCH_BOX = "strategy-search-query"  # the search page's box: the header's Search link leads to it


def search_box_url(language: str) -> str:
    """Where the header's Search link leads: the box on this language's search page, 'cy/search/#...'."""
    return search_folder(language) + "#" + SEARCH_BOX


def not_found_path(language: str) -> str:
    return LANGUAGE_FOLDERS[language] + NOT_FOUND_FILE


def archive_page_path(number: int) -> str:
    """Page 1 of the archive is archive.md itself; later pages are generated at archive/page/N."""
    return "archive.md" if number == 1 else f"{ARCHIVE_PAGES_FOLDER}{number}.md"


PROGRESS_FOLDER = "progress/"  # the progress reports, each period's and their index


def progress_index_path() -> str:
    return PROGRESS_FOLDER + "index.md"


def progress_report_path(slug: str) -> str:
    """A period's progress report, such as 'progress/2026-q4.md' (generated, see events/progress_pages.py)."""
    return f"{PROGRESS_FOLDER}{slug}.md"


OWNERS_FOLDER = "owners/"  # roles and responsibilities: each owner's actions, and their index


def owners_index_path() -> str:
    return OWNERS_FOLDER + "index.md"


def owner_page_path(owner_id: str) -> str:
    """An owner's page, such as 'owners/cdps.md' (generated, see events/owner_pages.py)."""
    return f"{OWNERS_FOLDER}{owner_id}.md"


def page_path(path: str) -> str:
    """'posts/x.md' -> 'posts/x/'; 'index.md' -> ''; 'a/index.md' -> 'a/'."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(path: str, language: str) -> str:
    """A page's address relative to the site root: 'posts/x/' in English, 'cy/posts/x/' in Welsh."""
    return LANGUAGE_FOLDERS[language] + page_path(path)


def relative_url(from_url: str, to_url: str) -> str:
    """A link from ``from_url`` to ``to_url``, both site-root relative. A URL ending
    in / is a page's folder; any other (feed.xml) is a file within its folder."""
    folder = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath("/" + to_url, "/" + folder)
    if to_url.endswith("/") and relative != ".":
        relative += "/"
    return "./" if relative == "." else relative


@dataclass(frozen=True)
class SiteAddresses:
    """The absolute address each language's pages are published under."""

    bases: dict[str, str]  # language -> absolute URL of its home page, ending in /
    separate_domains: bool = False  # True when a language has a site URL of its own
    x_default: str = "en"  # the page offered to readers of neither language

    @classmethod
    def from_settings(cls, site_url: str, language_site_urls: dict[str, str] | None = None,
                      x_default: str = "en") -> SiteAddresses:
        """``site_url`` is the site's root (with any sub-path or version folder)."""
        site_url = site_url if site_url.endswith("/") else site_url + "/"
        own = {lang: url if url.endswith("/") else url + "/" for lang, url in (language_site_urls or {}).items()}
        bases = {lang: own.get(lang, site_url + LANGUAGE_FOLDERS[lang]) for lang in LANGUAGES}
        return cls(bases, separate_domains=bool(own), x_default=x_default)

    def absolute(self, path: str, language: str) -> str:
        return self.bases[language] + page_path(path)

    def absolute_file(self, site_path: str, language: str) -> str:
        """The absolute address of a file such as 'cy/feed.xml' (a path in the site, in its language's folder)."""
        return self.bases[language] + site_path[len(LANGUAGE_FOLDERS[language]):]

    def link(self, from_path: str, from_language: str, to_path: str, to_language: str) -> str:
        """A link between two pages: relative within one site, absolute across domains."""
        if self.separate_domains and from_language != to_language:
            return self.absolute(to_path, to_language)
        return relative_url(page_url(from_path, from_language), page_url(to_path, to_language))
