"""The site's own options (the ``strategy`` plugin's in mkdocs.yml), checked once and typed.

The build and the editors' commands both read them here: each wrong, misspelt or
missing option is one clear message naming it (``extra.strategy.feeds.limit:
expected a whole number of items, at least 1, found 'twenty'``), all of them at
once, before anything is built (schemas/site-options.schema.json says what each holds). What follows receives a ``SiteOptions``, never a raw dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .catalogue import use_site_strings
from .consultation import Consultation
from .loader import TranslationPolicy
from .model import Text
from .options import option_problems
from .problems import ContentError
from .progress_reports import DEFAULT_PERIOD
from .site_strings import read_site_strings
from .social_image import ShareColours



@dataclass(frozen=True)
class FeedOptions:
    id_authority: str  # the tag: URI authority of every GUID, such as 'digital-strategy.gov.wales,2026'; never changed
    limit: int = 20  # items in each feed
    full_content: bool = True  # the whole post, or its summary


@dataclass(frozen=True)
class EarlierVersion:
    """The plan as published in an earlier version, for the "what changed" page."""

    file: Path  # its saved open data export
    name: str  # that file as mkdocs.yml names it, for messages
    title: Text


@dataclass(frozen=True)
class SiteOptions:
    feeds: FeedOptions
    consultation: Consultation | None = None
    compare_with: EarlierVersion | None = None
    translations: TranslationPolicy = TranslationPolicy()
    language_site_urls: dict[str, str] = field(default_factory=dict)  # language -> its own domain's address
    x_default_language: str = "en"
    contact_email: str | None = None  # where every page's "Report a problem with this page" writes
    reporting_period: str = DEFAULT_PERIOD  # what each progress report covers: quarter | month | year
    share_colours: ShareColours = ShareColours()  # the pictures for shared links
    sample_content: bool = False  # every page says the content is a sample, not an official publication


def _plain(value):
    """YAML reads 2027-01-29 as a date: the options keep the text as written."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def site_options(raw: dict | None, root: Path) -> SiteOptions:
    """``raw``: the plugin's options as mkdocs.yml holds them; ``root``: the folder of mkdocs.yml.
    The site's own strings (``strings``), once checked, replace the package's from now on.
    Raises ContentError naming every wrong option, with its line in mkdocs.yml
    (options.option_problems; the schema is schemas/site-options.schema.json)."""
    problems = option_problems(raw, root)
    if not problems and (raw or {}).get("strings"):
        strings, problems = read_site_strings(root, raw["strings"])
        use_site_strings(strings)
    if problems:
        raise ContentError(problems)
    raw = _plain(raw or {})
    feeds, compare = raw["feeds"], raw.get("compare_with")
    return SiteOptions(
        feeds=FeedOptions(feeds["id_authority"], feeds.get("limit", 20), feeds.get("content", "full") == "full"),
        consultation=Consultation.from_options(raw["consultation"]) if "consultation" in raw else None,
        compare_with=EarlierVersion(root / compare["file"], compare["file"], Text(**compare["title"])) if compare else None,
        translations=TranslationPolicy(**raw.get("translations", {})),
        language_site_urls=raw.get("language_site_urls", {}),
        x_default_language=raw.get("x_default_language", "en"),
        contact_email=raw.get("contact_email"),
        reporting_period=raw.get("reporting_period", DEFAULT_PERIOD),
        share_colours=ShareColours(**raw.get("share_picture", {})),
        sample_content=raw.get("sample_content", False),
    )
