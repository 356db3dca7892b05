"""The sample content in docs/ and data/ is tested only for being valid, so that editors can
replace it with their own: it passes the check, builds, and every link of the built site
leads somewhere. (Proofing is `make proof`'s to report, not a test's: see README.md.)
What the site does is tested on the tests' own content, tests/fixture_site.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from conftest import REPO, html_pages, parse, run_strategy

SITE_URL = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]


def test_the_sample_content_passes_the_check_without_a_warning():
    result = run_strategy(REPO, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No problems: ")
    # The one warning that is not the content's: a site renamed in mkdocs.yml is told that its
    # root page (overrides/mike-redirect.html) still names it as before (tests/test_package.py).
    assert [line for line in result.stderr.splitlines() if "overrides/mike-redirect.html:" not in line] == []


def target_of(site: Path, page: Path, address: str) -> Path | None:
    """The file a link of ``page`` leads to in ``site``, or None for a link to another site."""
    if address.startswith(SITE_URL):
        path = site / unquote(urlsplit(address[len(SITE_URL):]).path)
    else:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            return None  # mailto:, another host, or an anchor on the page itself
        path = page.parent / unquote(parts.path)
    return path / "index.html" if address.split("#")[0].split("?")[0].endswith("/") or path.is_dir() else path


def test_the_sample_site_builds_and_every_link_and_asset_of_it_exists(sample_site):
    pages = html_pages(sample_site)
    assert len(pages) > 20
    broken, checked = set(), 0
    for page in pages:
        tree = parse(page)
        for element in tree.xpath("//a[@href] | //link[@href] | //script[@src] | //img[@src]"):
            address = element.get("href") or element.get("src")
            target = target_of(sample_site, page, address)
            checked += target is not None
            if target is not None and not target.resolve().is_file():
                broken.add(f"{page.relative_to(sample_site)}: {address}")
    assert checked > 10 * len(pages)  # menus, footers, assets: every page links many
    assert not broken, sorted(broken)[:20]
