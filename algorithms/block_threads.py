"""Worker threads of the block engine: how many, per-thread input handles, work done in block order.

``blocks.run_blocks`` owns them; algorithms never start threads of their own. numpy and GDAL release
the GIL while they read, decompress and compute, so blocks computed in several threads use several
cores. Outputs and tables must not depend on the number of threads, so:

- results are written in block order (the writer thread receives them in that order);
- a block function that accumulates (tables, histograms, counts) hands the accumulation to
  ``in_block_order(fn, *args)``: in a parallel run the call is recorded and made on the calling
  thread after the blocks before it, so sums are added in the same order whatever the thread count.
  Outside a parallel run it is called at once.
- a GDAL dataset is not safe to read from two threads at once: each worker opens its own handle of
  every input (by path, or from the XML of an in-memory VRT); a dataset that cannot be opened again
  (an in-memory raster) is read under a lock.
"""

import contextvars
import dataclasses
import os
import threading
import uuid
import weakref
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from osgeo import gdal

ENV_THREADS = "T2RESTORE_THREADS"
# Block size in pixels for every run, overriding the algorithm's (memory tuning, and the tests that
# check that outputs do not depend on it).
ENV_BLOCK = "T2RESTORE_BLOCK"
_requested = contextvars.ContextVar("t2restore_threads", default=None)
_recording = threading.local()
_dask = contextvars.ContextVar("t2restore_dask_scheduler", default=None)
# Objects that block functions accumulate into, by token: calls recorded on a Dask worker (on a copy)
# are made on the original here.
_SHARED = weakref.WeakValueDictionary()


def _positive_int(value):
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() and int(text) > 0 else None


def thread_count():
    """Threads for block work: ``T2RESTORE_THREADS`` when set (it wins), else ``use_threads``, else every core."""
    return (_positive_int(os.environ.get(ENV_THREADS)) or _requested.get()
            or max(1, os.cpu_count() or 1))


def requested_threads():
    """The count of the innermost ``use_threads`` (QGIS's max threads), or None."""
    return _requested.get()


def block_size_override():
    """``T2RESTORE_BLOCK`` as a whole number of pixels, or None."""
    return _positive_int(os.environ.get(ENV_BLOCK))


@contextmanager
def use_threads(count):
    """Run the blocks of the code inside with ``count`` threads (None or <1: the default).

    Processing passes QGIS's "max threads" setting through this; ``T2RESTORE_THREADS`` still wins."""
    token = _requested.set(_positive_int(count))
    try:
        yield
    finally:
        _requested.reset(token)


@contextmanager
def use_dask(address):
    """Send the blocks of the code inside to the Dask scheduler at ``address`` (None or '': this machine)."""
    token = _dask.set(address or None)
    try:
        yield
    finally:
        _dask.reset(token)


def dask_address():
    return _dask.get()


def shared(obj):
    """Mark ``obj`` as state that blocks accumulate into (through ``in_block_order`` on its methods)."""
    obj._t2_token = uuid.uuid4().hex
    _SHARED[obj._t2_token] = obj
    return obj


class Flags(dict):
    """{key: bool} set to True by blocks (``in_block_order(flags.mark, key)``): 'this input had data'."""

    def __init__(self, keys):
        super().__init__(dict.fromkeys(keys, False))
        shared(self)

    def mark(self, key):
        self[key] = True


class Total:
    """A number blocks add to (``in_block_order(total.add, x)``): float sums in block order, whatever the threads."""

    def __init__(self, value=0):
        self.value = value
        shared(self)

    def add(self, value):
        self.value += value


def resolve(calls):
    """Calls recorded on another machine, bound again to this process's objects (``shared``).

    A call on anything else would update a copy and be lost: refused rather than giving a wrong table."""
    out = []
    for fn, args, kwargs in calls:
        owner = _SHARED.get(getattr(getattr(fn, "__self__", None), "_t2_token", None))
        if owner is None:
            from .errors import N_, InputError

            raise InputError(N_("This algorithm cannot run on a Dask cluster yet (its block function keeps state "
                                "the cluster cannot return). Run it without a Dask scheduler."))
        out.append((getattr(owner, fn.__name__), args, kwargs))
    return out


def in_block_order(fn, *args, **kwargs):
    """Call ``fn`` now, or, inside a parallel block, on the engine's thread after the earlier blocks."""
    calls = getattr(_recording, "calls", None)
    if calls is None:
        return fn(*args, **kwargs)
    calls.append((fn, args, kwargs))
    return None


def run_recorded(calls):
    for fn, args, kwargs in calls:
        fn(*args, **kwargs)


def call_recording(func, block):
    """``func(block)`` with the calls to ``in_block_order`` recorded: (result, calls)."""
    _recording.calls = calls = []
    try:
        return func(block), calls
    finally:
        _recording.calls = None


def portable_source(ds):
    """What another process can open instead of the dataset ``ds``: its file, or the XML of an in-memory VRT."""
    desc = ds.GetDescription()
    driver = ds.GetDriver().ShortName if ds.GetDriver() is not None else ""
    if driver == "VRT" and not (desc and os.path.exists(desc)):
        return (ds.GetMetadata("xml:VRT") or [desc])[0]
    if driver == "MEM" or not desc:
        from .errors import N_, InputError

        raise InputError(N_("An in-memory raster cannot be read on a Dask cluster: write it to a file every worker "
                            "can reach (a shared folder or a cloud path), or run without a Dask scheduler."))
    return desc


def _reopen_source(ds):
    """What a second handle of ``ds`` is opened from (its file, or the XML of an in-memory VRT), or None.

    Called on the engine's thread only: a dataset is not safe to query from several threads at once
    (serializing a VRT to XML from two threads crashed GDAL)."""
    desc = ds.GetDescription()
    driver = ds.GetDriver().ShortName if ds.GetDriver() is not None else ""
    if driver == "VRT" and not (desc and os.path.exists(desc)):
        return (ds.GetMetadata("xml:VRT") or [None])[0]
    return desc if driver != "MEM" and desc else None


def _open_source(source):
    if source is None:
        return None
    try:
        return gdal.Open(source, gdal.GA_ReadOnly)
    except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
        return None


class ThreadInputs:
    """Each worker thread's own handles of the inputs (shared, under a lock, when one cannot be reopened)."""

    def __init__(self, inputs):
        self.inputs = inputs
        self.sources = [_reopen_source(inp.ds) for inp in inputs]  # on the engine's thread, before any worker
        self.local = threading.local()
        self.lock = threading.Lock()
        self.handles = []  # every handle opened, dropped (closed) by close()

    def get(self):
        """(this thread's inputs, lock or None): the lock guards reads when a handle is shared."""
        mine = getattr(self.local, "inputs", None)
        if mine is None:
            mine, shared = [], False
            for inp, source in zip(self.inputs, self.sources):
                clone = _open_source(source)
                shared |= clone is None
                mine.append(inp if clone is None else dataclasses.replace(inp, ds=clone))
                with self.lock:
                    self.handles.append(clone)
            self.local.inputs, self.local.shared = mine, shared
        return mine, (self.lock if self.local.shared else None)

    def close(self):
        with self.lock:
            self.handles.clear()


class SerialPool:
    """``OrderedPool``'s interface without a thread: each task runs on the calling thread when its result is taken.

    Why: with one thread the run must use one core. Reading ahead in a second thread (and compressing in
    a third) kept two cores busy, so "1 thread" took all of a 2-core machine."""

    def __init__(self):
        self.pending = deque()

    def fill(self, tasks):
        if not self.pending:
            task = next(tasks, None)
            if task is not None:
                self.pending.append(task)

    def next_result(self):
        fn, *args = self.pending.popleft()
        return fn(*args)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.pending.clear()
        return False


class OrderedPool:
    """Tasks run in worker threads, results taken in submission order, a fixed number in flight."""

    def __init__(self, threads, in_flight):
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="t2restore-block")
        self.in_flight = max(1, in_flight)
        self.pending = deque()

    def fill(self, tasks):
        """Submit from the iterator ``tasks`` until ``in_flight`` are pending."""
        while len(self.pending) < self.in_flight:
            task = next(tasks, None)
            if task is None:
                return
            self.pending.append(self.pool.submit(*task))

    def next_result(self):
        return self.pending.popleft().result()

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        for future in self.pending:  # after an error or a cancel: drop what has not started
            future.cancel()
        self.pool.shutdown(wait=True)  # and wait for what runs: nothing touches the outputs afterwards
        self.pending.clear()
        return False
