"""The site map: every published page in every language, each with its twins
(hreflang, absolute, reciprocal, and x-default) for search engines."""

from __future__ import annotations

import gzip
from datetime import date

from lxml import etree

from . import LANGUAGES
from .urls import SiteAddresses

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_xml(pages: list[tuple[str, date | None]], addresses: SiteAddresses) -> bytes:
    """``pages``: (path as under docs/<language>/, date last changed or None)."""
    root = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP, "xhtml": XHTML})
    for path, changed in sorted(pages):
        for language in LANGUAGES:
            url = etree.SubElement(root, f"{{{SITEMAP}}}url")
            etree.SubElement(url, f"{{{SITEMAP}}}loc").text = addresses.absolute(path, language)
            if changed:
                etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = changed.isoformat()
            for hreflang, language_of_link in [*((lang, lang) for lang in LANGUAGES), ("x-default", addresses.x_default)]:
                etree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang,
                                 href=addresses.absolute(path, language_of_link))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def gzipped(data: bytes) -> bytes:
    """Gzip with no timestamp, so that two builds give the same bytes."""
    return gzip.compress(data, mtime=0)


def robots_txt(site_url: str) -> str:
    """Every page may be indexed; the site map (absolute, as robots.txt requires) lists them all."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n"
