"""What every reader meets besides the content: the heading anchors' tooltip in the
page's own language, the footer's links, robots.txt, and each page's picture for
shared links. A thin adapter over ``strategy``. (The landmarks' names are the
templates': theme/base.html and partials/footer.html.)"""

import html
from pathlib import Path

from mkdocs.plugins import event_priority
from platformdirs import user_cache_dir

from strategy.events.i18n_pages import source_path
from strategy import LANGUAGES
from strategy.catalogue import translate
from strategy.footer import footer_links, report_problem_link
from strategy.sitemap import robots_txt
from strategy.social_image import FILE_NAME as SOCIAL_IMAGE, cached_social_image
from strategy.urls import ROBOTS_FILE, page_url
from strategy.views import share_kicker
from strategy.events.written_files import needs_writing

# Pictures already drawn, in the user's cache folder (~/.cache/... on Linux): never
# in the repository, which a build must leave as it found it, even when stopped.
SOCIAL_IMAGE_CACHE = Path(user_cache_dir("mkdocs-strategy-site")) / "social-images"  # by content: any site may share it


@event_priority(-200)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    # The heading anchors' tooltip ("Permanent link") is a Markdown option, set
    # once in mkdocs.yml for every language: give it this build's language.
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = translate("heading.permalink", config.theme["language"])
    return config


def on_env(env, config, files):
    language = config.theme["language"]
    email = config.strategy.options.contact_email
    env.globals["footer_links"] = lambda: footer_links(language)
    env.globals["sample_content"] = config.strategy.options.sample_content  # main.html's notice
    # Titles reach templates HTML-escaped (events/content.py): the subject wants the text.
    env.globals["report_problem_link"] = lambda title, address: (
        report_problem_link(email, language, html.unescape(str(title)), address) if email else "")
    return env


def on_page_context(context, page, config, nav):
    # A page the hooks made (archive pages 2 onwards, progress reports, owners' pages) is
    # in no list of the content's: its picture is drawn from its heading as it is rendered
    # (events/content.py set its view first), with no line above the title, as a page has none.
    view = context.get("strategy")
    path = source_path(page.file)
    if view is not None and view.share_image and config.strategy.content.entry_at(path) is None:
        made_from = (view.share_title, "", config.site_name)
        picture = Path(config.site_dir) / page_url(path, config.theme["language"]) / SOCIAL_IMAGE
        if needs_writing(picture, made_from):
            picture.parent.mkdir(parents=True, exist_ok=True)
            picture.write_bytes(cached_social_image(SOCIAL_IMAGE_CACHE, *made_from))
    return context


def on_post_build(config):
    language, site = config.theme["language"], Path(config.site_dir)
    if language == LANGUAGES[0]:  # the build that writes the site root
        (site / ROBOTS_FILE).write_text(robots_txt(config.site_url), encoding="utf-8")
    # Each page's picture for shared links (posts, the home page, the plan...), in this
    # build's language, beside the page.
    publication = config.strategy
    cache = SOCIAL_IMAGE_CACHE
    pages = (entry for entry in publication.content.entries if entry.is_page)
    for post in (*publication.posts, *pages):
        made_from = (post.title.in_language(language), share_kicker(post, language, publication.content.plan),
                     config.site_name)
        path = site / page_url(post.path, language) / SOCIAL_IMAGE
        if needs_writing(path, made_from):  # the preview redraws only a retitled post's (written_files.py)
            path.write_bytes(cached_social_image(cache, *made_from, publication.options.share_colours))
