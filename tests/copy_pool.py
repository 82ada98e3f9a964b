"""Blocks computed on pickled copies of the job, in this process, as a Dask worker computes them.

``on_copies(monkeypatch)`` makes every ``parallel=True`` run of the block engine send its blocks to
``CopyPool`` instead of worker threads. An accumulation a block function makes itself rather than through
``block_threads.in_block_order`` on a ``block_threads.shared`` object lands in the copy and is lost (or is
refused by ``block_threads.resolve``): tables and totals then differ from a one-thread run. It is the check
that a block function keeps every sum where the engine adds it in block order.
"""

import uuid
from collections import deque

import cloudpickle

from t2restore.algorithms import block_threads, dask_engine


class CopyPool:
    """``dask_engine.DaskPool``'s interface: each block computed on a copy of (inputs, function, grid, halo)."""

    def __init__(self, _address, payload, threads):
        self.payload, self.key = cloudpickle.dumps(payload), uuid.uuid4().hex
        self.in_flight, self.pending = threads + 1, deque()

    def fill(self, tasks):
        while len(self.pending) < self.in_flight:
            task = next(tasks, None)
            if task is None:
                return
            self.pending.append(task[1])

    def next_result(self):
        result, calls = dask_engine._remote_block(self.key, cloudpickle.loads(self.payload), self.pending.popleft())
        return result, block_threads.resolve(calls)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        dask_engine._WORKER_JOBS.pop(self.key, None)
        return False


def on_copies(monkeypatch):
    """From now on in the test, parallel block runs compute their blocks on copies (``CopyPool``)."""
    monkeypatch.setattr(block_threads, "dask_address", lambda: "in-process copies")
    monkeypatch.setattr(dask_engine, "DaskPool", CopyPool)
