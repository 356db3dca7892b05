"""Writes the RSS, Atom and JSON feeds of each language, site-wide and per mission.

A thin adapter over ``strategy.feeds``: it keeps each post's rendered HTML as
pages are built, then writes the feeds once the language's pages are done.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from i18n_pages import source_path
from strategy.feed_formats import atom, json_feed, rss
from strategy.feeds import FeedSettings, build_feed
from strategy.urls import feed_paths, feed_stylesheet_path
from theme_templates import render

FEED_ITEM_TEMPLATE = "partials/strategy/feed-item.html"  # what an item carries before the post itself
FEED_STYLESHEET_TEMPLATE = "partials/strategy/feed-stylesheet.html"  # shows a feed opened in a browser as a page


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


def on_post_build(config):
    publication, language = config.strategy, config.theme["language"]
    settings, site = settings_from(config), Path(config.site_dir)
    for mission in (None, *publication.content.plan.missions):
        feed = build_feed(publication, language, settings, config.site_name, config.strategy_rendered,
                          lambda view: render(config, FEED_ITEM_TEMPLATE, view=view), mission)
        outputs = {"rss": rss(feed), "atom": atom(feed), "json": json_feed(feed).encode("utf-8")}
        for kind, path in feed_paths(language, mission.id if mission else None).items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(outputs[kind])
    (site / feed_stylesheet_path(language)).write_text(render(config, FEED_STYLESHEET_TEMPLATE), encoding="utf-8")
