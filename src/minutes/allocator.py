"""The C heap set up for Whisper: the memory CTranslate2 frees after a call is kept for the next one.

Each Whisper encoder pass allocates and frees a 72 MB attention buffer per layer (Whisper base). glibc serves
a block that large with a fresh ``mmap`` (always, in a thread's own arena, whose heaps stop at 64 MB), so
every call faulted in and zeroed about 400 MB of new pages: 105,000 page faults, a fifth of the call's CPU
time, and the live text's lag with it; over a long recording the memory also grew in steps as glibc raised
its thresholds. With one arena that never maps a block on its own and keeps up to 256 MB free at its top, the
same pages serve call after call.

:func:`keep_scratch_memory` runs when the package is imported, before any thread of the application has
allocated: glibc gives a thread an arena at its first allocation, and arenas made before the setting (or left
by threads that ended) would still be handed to the model's threads.
"""

from __future__ import annotations

import ctypes
import sys

_M_TRIM_THRESHOLD, _M_MMAP_MAX, _M_ARENA_MAX = -1, -4, -8  # <malloc.h>
_KEEP_AT_TOP = 256 << 20  # more than one encoder pass frees


def keep_scratch_memory() -> bool:
    """Set glibc's malloc as the module docstring says; False where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # musl and others: their allocator is left as it is
        return False
    return all(mallopt(option, value) == 1
               for option, value in ((_M_ARENA_MAX, 1), (_M_MMAP_MAX, 0), (_M_TRIM_THRESHOLD, _KEEP_AT_TOP)))
