"""Keeps the theme's templates compiled between builds.

Jinja compiles every template of Material and of overrides/ into Python in each
process of each build, about a second of a small site's build. A bytecode cache
in the user's temporary folder (Jinja's own default: one folder per user, that
only the user may open) keeps the compiled code. A template is looked up by its
name and its source's checksum, so an edited template is compiled again, and a
copy of the site elsewhere shares the compiled code of unchanged templates.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, FileSystemBytecodeCache


class _BySource(FileSystemBytecodeCache):
    """Keyed by what the template says, not by where its file is."""

    def get_bucket(self, environment, name, filename, source):
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, self.get_cache_key(f"{name}\0{checksum}"), checksum)
        self.load_bytecode(bucket)
        return bucket


COMPILED_TEMPLATES = _BySource(pattern="strategy-%s.cache")


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    return env
