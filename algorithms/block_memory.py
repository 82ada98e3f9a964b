"""How the C allocator hands out the block engine's arrays (glibc only; elsewhere nothing is done).

Why: every block allocates arrays of 1 to 8 MB (GDAL's read buffers and decoded tiles, numpy's
temporaries). glibc serves them with a fresh ``mmap`` and returns them with ``munmap`` until its
dynamic threshold has grown, and trims the heap back to the system whenever 128 KB lie free at its
top, so the kernel zeroes every page of every block again: measured on the LDN benchmark (100 Mpx),
540,000 page faults and 2.6 s of system time out of 10 s of CPU with one thread. With two threads the
faults also queue on the process's one memory-map lock, which made the area summary per district
slower with two threads than with one. The thresholds set here are the largest values glibc's own
dynamic adjustment reaches (32 MB for ``mmap``, twice that for trimming): the same memory is reused
from block to block, faults fall about ten-fold, and peak memory does not change. After a run
``release()`` gives the free memory back to the system, so QGIS does not keep it.

A threshold the user set (``MALLOC_MMAP_THRESHOLD_`` / ``MALLOC_TRIM_THRESHOLD_``) is left alone.
"""

import ctypes
import os
import sys
import threading

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD  # what glibc's dynamic adjustment sets with it
_ENV = {M_MMAP_THRESHOLD: "MALLOC_MMAP_THRESHOLD_", M_TRIM_THRESHOLD: "MALLOC_TRIM_THRESHOLD_"}
_lock = threading.Lock()
_state = {"libc": None, "tuned": False}


def _glibc():
    """The C library when it is glibc (it has ``mallopt`` and ``malloc_trim``), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") and hasattr(libc, "gnu_get_libc_version")):
        return None
    return libc


def tune(libc=None):
    """Set glibc's thresholds once per process; True when they are (now or before) set here."""
    with _lock:
        if _state["tuned"]:
            return True
        libc = libc or _glibc()
        if libc is None:
            return False
        for param, value in ((M_MMAP_THRESHOLD, MMAP_THRESHOLD), (M_TRIM_THRESHOLD, TRIM_THRESHOLD)):
            if not os.environ.get(_ENV[param]):
                libc.mallopt(ctypes.c_int(param), ctypes.c_int(value))
        _state["libc"], _state["tuned"] = libc, True
        return True


def release():
    """Give the memory freed by a run back to the system (``malloc_trim``); False where there is no glibc."""
    libc = _state["libc"]
    if libc is None:
        return False
    libc.malloc_trim(ctypes.c_size_t(0))
    return True
