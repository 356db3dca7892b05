"""The links at the foot of every page, in one language: the pages a public site
owes its readers, and a way to report a problem that names the page."""

from __future__ import annotations

from .catalogue import translate
from .consultation import mailto
from .urls import LANGUAGE_FOLDERS

# The footer's pages, as under docs/<language>/, with the catalogue key of each link.
FOOTER_PAGES = (
    ("accessibility", "footer.accessibility"),
    ("privacy", "footer.privacy"),
    ("licence", "footer.licence"),
    ("contact", "footer.contact"),
    ("subscribe", "footer.subscribe"),
)


def footer_links(language: str) -> list[tuple[str, str]]:
    """(text, site-root relative address) of each footer page in ``language``."""
    return [(translate(key, language), f"{LANGUAGE_FOLDERS[language]}{page}/") for page, key in FOOTER_PAGES]


def report_problem_link(email: str, language: str, page_title: str, address: str) -> str:
    """A mailto: link whose subject names the page by its title and address."""
    return mailto(email, translate("footer.report_subject", language, page=page_title, address=address))
