"""Publishes a post whose translation is to follow in its other language: the
source's text, tagged with its language, under a notice (see the page view)."""

from mkdocs.plugins import event_priority

from strategy.events.i18n_pages import generated_page
from strategy.translation import MISSING, untranslated_view
from strategy.events.theme_templates import render

UNTRANSLATED_TEMPLATE = "partials/strategy/untranslated.html"


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    publication = config.strategy
    for post in publication.content.entries:
        if post.translation_state == MISSING and publication.shows(post):
            markdown = {post.source_language: post.body.in_language(post.source_language),
                        post.translated_language: render(config, UNTRANSLATED_TEMPLATE, view=untranslated_view(post))}
            if config.theme["language"] == post.translated_language:
                files.append(generated_page(config, post.path, markdown))
    return files
