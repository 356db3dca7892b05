"""Refuses a build that would delete what it did not make, or that is given a bad setting.

MkDocs empties the site folder (`mkdocs build -d FOLDER`, `site_dir`) right after
the ``pre_build`` event. So the folder, and the environment variables a build
reads, are checked first of all, in ``on_config``, before any other hook reads a
variable or loads the content; then ``on_pre_build`` writes the marker that says
"a build of this project made this folder" (MkDocs' cleaning keeps files whose
names start with a dot).
"""

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from strategy.inputs import environment_problems
from strategy.messages import message
from strategy.site_folder import SiteFolderRefused, check_site_folder, mark_as_built
from strategy.write_faults import fault_reason


@event_priority(1000)  # before every other hook and plugin
def on_config(config):
    problems = environment_problems(os.environ)
    try:
        check_site_folder(Path(config.site_dir), Path(config.config_file_path).parent,
                          also_protected=(Path(config.docs_dir),))
    except SiteFolderRefused as refused:
        problems.append(str(refused))
    if problems:
        raise Abort("\n".join(problems))
    return config


def on_pre_build(config):
    mark_as_built(Path(config.site_dir))


@event_priority(-1000)  # last: after language_builds.py has stopped the other languages' builds
def on_build_error(error):
    """A disk that fills up or turns read-only while the site is written: one message, not a
    traceback (MkDocs prints an Abort's message alone)."""
    if isinstance(error, OSError):
        reason, file = fault_reason(error), error.filename2 or error.filename  # a copy's: (from, to)
        raise Abort(message("could_not_write", file=file, reason=reason) if file
                    else message("could_not_write_site", reason=reason)) from None
