"""The site's layers, in the order MkDocs searches them: the site's own ``overrides/``
(its ``custom_dir``), then this package's theme, then Material's. A site overrides
any of our templates, scripts or styles by putting a file at the same path in its
``overrides/``; our scripts and styles are added to every page without the site
listing them. Also refuses options still written the old way (``extra.strategy``).
"""

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from pathlib import Path

from strategy.options import moved_options_problem
from strategy.problems import ContentError
from strategy.site_layer import PACKAGE_SCRIPTS, PACKAGE_STYLES, THEME_FOLDER, theme_search_order


@event_priority(-150)  # after mkdocs-static-i18n (-100), which may put a sitemap template of its own first
def on_config(config):
    moved = moved_options_problem(Path(config.config_file_path).parent, config.extra)
    if moved:
        raise Abort(str(ContentError([moved])))
    config.theme.dirs[:] = theme_search_order(config.theme.dirs, config.theme.custom_dir)
    listed_styles = [str(style) for style in config.extra_css]
    config.extra_css[:0] = [style for style in PACKAGE_STYLES if style not in listed_styles]
    listed_scripts = [str(script) for script in config.extra_javascript]
    config.extra_javascript[:0] = [ExtraScriptValue(script) for script in PACKAGE_SCRIPTS if script not in listed_scripts]
    return config
