"""Writes the RSS, Atom and JSON feeds of each language: site-wide, per mission, and the plan's updates.

A thin adapter over ``strategy.feeds``: it keeps each post's rendered HTML as
pages are built, then writes the feeds once the language's pages are done.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from strategy.events.i18n_pages import source_path
from strategy.feed_formats import atom, json_feed, rss
from strategy.feeds import FeedSettings, build_feeds
from strategy.events.theme_templates import render
from strategy.events.written_files import needs_writing
from strategy.plan_feed import build_plan_updates_feed

FEED_ITEM_TEMPLATE = "partials/strategy/feed-item.html"  # what an item carries before the post itself
PLAN_UPDATE_TEMPLATE = "partials/strategy/plan-update-item.html"  # a plan-updates entry's content


@event_priority(-200)  # once per language, after mkdocs-static-i18n has switched the config
def on_config(config):
    config.strategy_rendered = {}  # post path -> its HTML, for this language's build
    return config


def on_page_content(html, page, config, files):
    config.strategy_rendered[source_path(page.file)] = html
    return html


def settings_from(config) -> FeedSettings:
    feeds = config.strategy.options.feeds
    return FeedSettings(config.strategy.addresses, feeds.id_authority, feeds.limit, feeds.full_content)


_item_contents: dict[tuple, str] = {}  # an item's content by what it shows: a post is in two feeds,
# and the editors' preview writes the feeds again after every edit


def _item_content(config, view: dict, template: str = FEED_ITEM_TEMPLATE) -> str:
    key = (config.theme["language"], template, *view.items())
    if key not in _item_contents:
        _item_contents[key] = render(config, template, view=view)
    return _item_contents[key]


def on_post_build(config):
    publication, language = config.strategy, config.theme["language"]
    settings, site = settings_from(config), Path(config.site_dir)
    feeds = build_feeds(publication, language, settings, config.site_name, config.strategy_rendered,
                        lambda view: _item_content(config, view))
    feeds.append(build_plan_updates_feed(publication, language, settings, config.site_name,
                                         lambda view: _item_content(config, view, PLAN_UPDATE_TEMPLATE)))
    for feed in feeds:
        if not needs_writing(site / feed.paths["rss"], feed):
            continue  # as this process last wrote it (the preview runs this after every edit): not serialised again
        outputs = {"rss": rss(feed), "atom": atom(feed), "json": json_feed(feed).encode("utf-8")}
        for kind, path in feed.paths.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(outputs[kind])
