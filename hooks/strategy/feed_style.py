"""The XSLT stylesheet that shows a feed opened in a browser as a readable page.

One per language, its text taken from the catalogue. It works for RSS and Atom.
(Browsers are starting to drop XSLT; where one has, the reader sees the raw
feed, which feed readers need anyway.)
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .catalogue import translate

_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:template match="/">
    <html lang="{language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          body {{ margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.05rem/1.5 system-ui, sans-serif; color: #111; }}
          .about {{ padding: 0.8rem 1rem; background: #f3f2f1; border-left: 0.3rem solid #c00; }}
          a {{ color: #1d4f91; }}
          li {{ margin: 0 0 0.8rem; }}
          .meta {{ display: block; color: #444; font-size: 0.9rem; }}
        </style>
      </head>
      <body>
        <main>
          <p class="about">{intro}</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <p><a href="{{/rss/channel/link | /atom:feed/atom:link[@rel='alternate' and @type='text/html']/@href}}">{visit}</a></p>
          <h2>{latest}</h2>
          <ol>
            <xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
              <li>
                <a href="{{link | atom:link[@rel='alternate' and @type='text/html'][1]/@href}}"><xsl:value-of select="title | atom:title"/></a>
                <span class="meta"><xsl:value-of select="category | atom:category/@term"/></span>
                <xsl:value-of select="atom:summary"/>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
"""


def feed_stylesheet(language: str) -> str:
    def text(key: str) -> str:
        return escape(translate(key, language))

    return _TEMPLATE.format(language=language, intro=text("feed.xsl.intro"), visit=text("feed.xsl.visit"),
                            latest=text("feed.xsl.latest"))
