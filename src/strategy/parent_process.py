"""A process that ends when the process that started it ends, however that ends.

The Welsh build's forked process must not write on into a folder its English parent gave
up; the preview started by `make serve` must not keep serving once make is stopped with
SIGTERM (an editor's IDE, a CI runner), which make passes to the recipe's shell alone.
On Linux the kernel sees to it (prctl's PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import os

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def end_with_parent(parent: int, signal_number: int) -> bool:
    """Have ``signal_number`` sent to this process when ``parent`` (its parent now) ends.
    False when the parent has ended already: the caller should end too. Where the kernel
    cannot (not Linux), True: the caller's other ways of stopping stand."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal_number)
    except (OSError, AttributeError):
        return True
    return os.getppid() == parent
