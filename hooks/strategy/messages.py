"""What the commands say when they refuse an argument, a variable or a site folder.

Kept in one place so that they can move into the bilingual catalogue together.
"""

from __future__ import annotations

MESSAGES = {
    # A command-line argument or environment variable: "NAME: expected ..., found ...".
    "invalid": "{name}: expected {expected}, found {found}",
    "site_is_repository": ("Refusing to build into {folder}: it is the repository itself, and a build replaces "
                           "its site folder whole. Choose a folder of its own, such as site."),
    "site_holds_repository": ("Refusing to build into {folder}: it holds the repository ({root}), which a build "
                              "would delete. Choose a folder of its own, such as site."),
    "site_in_protected": ("Refusing to build into {folder}: a build never writes into {protected}, which holds "
                          "the project's own files. Choose a folder of its own, such as site."),
    "site_is_a_file": "Refusing to build into {folder}: it is a file, not a folder.",
    "site_unreadable": "Refusing to build into {folder}: its contents cannot be read ({reason}).",
    "site_not_ours": ("Refusing to build into {folder}: it holds files this project's build did not make "
                      "(there is no {marker} file in it), and a build would delete them. Choose a new or empty "
                      "folder, or move those files away first."),
    "build_failed": "The build failed; {folder} was left as it was.",
    "build_interrupted": "The build was stopped; {folder} was left as it was.",
    "built": "Built the site into {folder}",
}


def message(key: str, **values) -> str:
    return MESSAGES[key].format(**values)


def shown(value: str, most: int = 60) -> str:
    """A value as typed, quoted, control characters visible, cut short if long."""
    if len(value) > most:
        return f"{value[:most]!r}... ({len(value):,} characters)"
    return repr(value)
