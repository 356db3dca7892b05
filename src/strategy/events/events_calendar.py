"""Writes each language's events.ics. A thin adapter over ``strategy.calendar``."""

from pathlib import Path

from strategy.calendar import calendar_ics
from strategy.urls import calendar_path


def on_post_build(config):
    language = config.theme["language"]
    ics = calendar_ics(config.strategy, language, config.strategy.addresses,
                       config.strategy.options.feeds.id_authority, config.site_name)
    (Path(config.site_dir) / calendar_path(language)).write_bytes(ics)
