"""Refuses a build that would delete what it did not make, or that is given a bad setting.

MkDocs empties the site folder (`mkdocs build -d FOLDER`, `site_dir`) right after
the ``pre_build`` event. So the folder, and the environment variables a build
reads, are checked first of all, in ``on_config``, before any other hook reads a
variable or loads the content; then ``on_pre_build`` writes the marker that says
"a build of this project made this folder" (MkDocs' cleaning keeps files whose
names start with a dot), and ``on_post_build`` lists the files the build wrote.
"""

import os
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from strategy.events.preview_languages import BUILD_LANGUAGE_VARIABLE
from strategy.inputs import environment_problems
from strategy.messages import message
from strategy.site_templates import template_error_message
from strategy.site_folder import (SiteFolderRefused, check_site_folder, forget_written_files, list_written_files,
                                  mark_as_built)
from strategy.write_faults import fault_reason


_site_root = Path.cwd()  # the folder of the site's mkdocs.yml, once on_config has run: templates are named from it


@event_priority(1000)  # before every other hook and plugin
def on_config(config):
    global _site_root
    _site_root = Path(config.config_file_path).parent
    problems = environment_problems(os.environ)
    # A docs/ that is a symbolic link (to / perhaps) is refused as such with the content
    # (content.py); protecting where it leads would refuse every site folder in its name.
    docs = () if os.path.islink(config.docs_dir) else (Path(config.docs_dir),)
    try:
        check_site_folder(Path(config.site_dir), Path(config.config_file_path).parent, also_protected=docs)
    except SiteFolderRefused as refused:
        problems.append(str(refused))
    if problems:
        raise Abort("\n".join(problems))
    return config


def on_pre_build(config):
    mark_as_built(Path(config.site_dir))
    forget_written_files(Path(config.site_dir))


@event_priority(-2000)  # after language_builds.py has waited for the other languages' builds
def on_post_build(config):
    """Every file in the site folder is now this build's: say so, for the next build to tell
    them from a file someone adds by hand (site_folder.hand_made_files)."""
    if os.environ.get(BUILD_LANGUAGE_VARIABLE):
        # A preview's worker, one language of several writing into the folder at once: its
        # list could catch the other's half-written files. The server lists the folder
        # once every language is built (preview/server.py).
        return
    if getattr(config.plugins.get("i18n"), "building", False):
        # One language's build inside the whole one (static-i18n's, or language_builds.py's
        # other process): the whole build lists the folder once, when every language is built.
        return
    list_written_files(Path(config.site_dir))


@event_priority(-1000)  # last: after language_builds.py has stopped the other languages' builds
def on_build_error(error):
    """A disk that fills up or turns read-only while the site is written, or a template that
    fails on a page (a filter it does not have, a value it is not given): one message, not
    a traceback (MkDocs prints an Abort's message alone)."""
    if isinstance(error, jinja2.TemplateError):
        said = template_error_message(error, _site_root)
        if said:
            raise Abort(said) from None
    if isinstance(error, OSError):
        reason, file = fault_reason(error), error.filename2 or error.filename  # a copy's: (from, to)
        raise Abort(message("could_not_write", file=file, reason=reason) if file
                    else message("could_not_write_site", reason=reason)) from None
