"""Keeps the theme's templates compiled between builds.

Jinja compiles every template of Material and of overrides/ into Python in each
process of each build, about a second of a small site's build. A bytecode cache
in the user's temporary folder (Jinja's own default: one folder per user, that
only the user may open) keeps the compiled code. A template is looked up by its
name and its source's checksum, so an edited template is compiled again, and a
copy of the site elsewhere shares the compiled code of unchanged templates.
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, FileSystemBytecodeCache


class _BySource(FileSystemBytecodeCache):
    """Keyed by what the template says, not by where its file is."""

    def get_bucket(self, environment, name, filename, source):
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, self.get_cache_key(f"{name}\0{checksum}"), checksum)
        self.load_bytecode(bucket)
        if bucket.code is not None and filename and bucket.code.co_filename != filename:
            bucket.code = _in_file(bucket.code, filename)
        return bucket


def _in_file(code: CodeType, filename: str) -> CodeType:
    """Code compiled from another copy of the same template, as if compiled from ``filename``:
    a template that fails names its own file and line (site_templates.template_error_message
    reads them from the traceback), not the copy's that filled the cache."""
    constants = tuple(_in_file(constant, filename) if isinstance(constant, CodeType) else constant
                      for constant in code.co_consts)
    return code.replace(co_filename=filename, co_consts=constants)


COMPILED_TEMPLATES = _BySource(pattern="strategy-%s.cache")


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    return env
