"""The strategy site's core: a content model and generators, free of MkDocs.

The MkDocs hooks in ``hooks/*.py`` are thin adapters over this package, so the
logic here can move to another static site generator by swapping the adapters.
"""

LANGUAGES = ("en", "cy")
"""Every language the site is published in. Neither is secondary: each post
exists in both, and every piece of text has a value in each."""
