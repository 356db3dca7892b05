"""The strategy site generator: a content model and generators, free of MkDocs, with
a MkDocs plugin (``plugin.py``) over them.

The plugin's event handlers (``events/``) are thin adapters over the core modules
here, so the logic can move to another static site generator by swapping them. The
theme (``theme/``), the schemas, the catalogue of strings and the new site that
``strategy init`` writes (``starter/``) are package data.
"""

LANGUAGES = ("en", "cy")
"""Every language the site is published in. Neither is secondary: each post
exists in both, and every piece of text has a value in each."""
