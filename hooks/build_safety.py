"""Refuses a build that would delete what it did not make, or that is given a bad setting.

MkDocs empties the site folder (`mkdocs build -d FOLDER`, `site_dir`) right after
the ``pre_build`` event, so the folder is checked here, in ``on_pre_build``,
before anything is deleted; then the marker that says "a build of this project
made this folder" is written into it (MkDocs' cleaning keeps files whose names
start with a dot). The environment variables a build reads are checked first of
all, in ``on_config``, before any other hook reads them.
"""

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

# Import helpers at the top: the hooks folder is on sys.path only while MkDocs
# imports this file.
from strategy.inputs import environment_problems
from strategy.site_folder import SiteFolderRefused, check_site_folder, mark_as_built


@event_priority(1000)  # before every other hook and plugin reads a variable
def on_config(config):
    problems = environment_problems(os.environ)
    if problems:
        raise Abort("\n".join(problems))
    return config


def on_pre_build(config):
    site_dir, root = Path(config.site_dir), Path(config.config_file_path).parent
    try:
        check_site_folder(site_dir, root, also_protected=(Path(config.docs_dir),))
    except SiteFolderRefused as refused:
        raise Abort(str(refused)) from None
    mark_as_built(site_dir)
