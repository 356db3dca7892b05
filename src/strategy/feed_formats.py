"""Writing a feed (``feeds.Feed``) in each format: RSS 2.0, Atom 1.0 and JSON Feed 1.1,
escaping for each at the edge. The feed's items and moments are chosen in feeds.py."""

from __future__ import annotations

import json
from email.utils import format_datetime

from lxml import etree

from .catalogue import translate
from .feeds import ATOM, MEDIA_TYPES, TWIN_RELATION, Feed, xml_safe
from .urls import FEED_FILES, SUBSCRIBE_PAGE, page_path


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.rstrip("_"): xml_safe(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _xml_document(root: etree._Element, feed: Feed) -> bytes:
    """The feed as bytes: plain XML, with no stylesheet for a browser to refuse. The site's
    own links to a feed lead to the subscribe page; a reader who opens the XML anyway
    reads in its first lines what it is and where that page is."""
    about = translate("feed.about_comment", feed.language, title=feed.title,
                      subscribe=feed.home_url + page_path(SUBSCRIBE_PAGE))
    root.addprevious(etree.Comment(" " + xml_safe(about).replace("--", "- -") + " "))
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def rss(feed: Feed) -> bytes:
    root = etree.Element("rss", nsmap={"atom": ATOM}, version="2.0")
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home_url)
    _sub(channel, "description", feed.description)
    _sub(channel, "language", feed.language)
    _sub(channel, "lastBuildDate", format_datetime(feed.updated))
    _sub(channel, f"{{{ATOM}}}link", href=feed.urls["rss"], rel="self", type=MEDIA_TYPES["rss"])
    for language, url in feed.alternates:  # the same feed in another language: related, as for items
        _sub(channel, f"{{{ATOM}}}link", href=url, rel=TWIN_RELATION, hreflang=language, type=MEDIA_TYPES["rss"])
    for item in feed.items:
        entry = _sub(channel, "item")
        _sub(entry, "title", item.title)
        _sub(entry, "link", item.url)
        _sub(entry, "guid", item.id, isPermaLink="false")
        _sub(entry, "pubDate", format_datetime(item.published))
        _sub(entry, "category", item.category)
        _sub(entry, "description", item.content_html)
        for language, url in item.alternates:
            _sub(entry, f"{{{ATOM}}}link", href=url, rel=TWIN_RELATION, hreflang=language, type="text/html")
    return _xml_document(root, feed)


def atom(feed: Feed) -> bytes:
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", feed.language)
    a = lambda parent, tag, text=None, **attrs: _sub(parent, f"{{{ATOM}}}{tag}", text, **attrs)  # noqa: E731
    a(root, "title", feed.title)
    a(root, "subtitle", feed.description)
    a(root, "id", feed.id)
    a(root, "updated", feed.updated.isoformat())
    a(root, "link", href=feed.urls["atom"], rel="self", type=MEDIA_TYPES["atom"])
    a(root, "link", href=feed.home_url, rel="alternate", type="text/html", hreflang=feed.language)
    # The feed's site is its own language's home page, its only rel="alternate":
    # readers that take the last alternate link must not land on the other language.
    for language, url in feed.alternates:
        a(root, "link", href=url.replace(FEED_FILES["rss"], FEED_FILES["atom"]), rel=TWIN_RELATION,
          hreflang=language, type=MEDIA_TYPES["atom"])
    author = a(root, "author")
    a(author, "name", feed.author)
    for item in feed.items:
        entry = a(root, "entry")
        a(entry, "title", item.title, type="text")
        a(entry, "id", item.id)
        a(entry, "link", href=item.url, rel="alternate", type="text/html", hreflang=feed.language)
        for language, url in item.alternates:
            a(entry, "link", href=url, rel=TWIN_RELATION, type="text/html", hreflang=language)
        a(entry, "published", item.published.isoformat())
        a(entry, "updated", item.updated.isoformat())
        a(entry, "category", term=item.category)
        if item.summary:
            a(entry, "summary", item.summary, type="text")
        a(entry, "content", item.content_html, type="html")
    return _xml_document(root, feed)


def json_feed(feed: Feed) -> str:
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.urls["json"],
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.author}],
        "items": [
            {
                "id": item.id,
                "url": item.url,
                "title": item.title,
                "summary": item.summary,
                "content_html": item.content_html,
                "date_published": item.published.isoformat(),
                **({"date_modified": item.updated.isoformat()} if item.updated != item.published else {}),
                "tags": [item.category],
                "language": feed.language,
                "_alternates": [{"language": language, "url": url} for language, url in item.alternates],
            }
            for item in feed.items
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
