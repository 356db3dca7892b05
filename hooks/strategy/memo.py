"""Results remembered by the inputs they were made from, for a process that loads
the content again and again (the editors' preview, hooks/preview/): each file is
read every time, but parsed and checked only when its text has changed."""

from __future__ import annotations

from typing import Any, Callable


class Memo:
    """One remembered result per name: kept while its inputs compare equal."""

    def __init__(self):
        self._kept: dict[object, tuple[Any, Any]] = {}

    def result(self, name: object, inputs: Any, make: Callable[[], Any]) -> Any:
        """What ``make()`` returned last time ``name`` had these ``inputs``; else ``make()`` now."""
        kept = self._kept.get(name)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        result = make()
        self._kept[name] = (inputs, result)
        return result
