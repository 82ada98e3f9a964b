"""Blocks computed on pickled copies of the job, in this process, as a Dask worker computes them.

``on_copies(monkeypatch)`` makes every ``parallel=True`` run of the block engine send its blocks to
``CopyPool`` instead of worker threads. An accumulation a block function makes itself rather than through
``block_threads.in_block_order`` on a ``block_threads.shared`` object lands in the copy and is lost (or is
refused by ``block_threads.resolve``): tables and totals then differ from a one-thread run. It is the check
that a block function keeps every sum where the engine adds it in block order.
"""

from collections import deque

import cloudpickle

from t2restore.algorithms import block_threads, blocks, dask_engine


class CopyPool:
    """``dask_engine.DaskPool``'s interface: the engine's ``dask.array`` graph built on a pickled copy of
    (inputs, function, grid, halo) and computed block by block here (dask's synchronous scheduler)."""

    def __init__(self, _address, payload, threads):
        self.payload = cloudpickle.loads(cloudpickle.dumps(payload))
        self.in_flight, self.pending, self.blocks = threads + 1, deque(), None

    def fill(self, tasks):
        if self.blocks is None:
            wins = [task[1] for task in tasks]
            try:
                graph = dask_engine.block_graph(*self.payload, wins)
                self.blocks = iter(graph.to_delayed().ravel().tolist())
            except ImportError:  # without dask: the copy's blocks read and computed by the local engine's job
                job = blocks._BlockJob(*self.payload, True)
                self.blocks = iter([lambda win=win: job.compute(win) for win in wins])
        while len(self.pending) < self.in_flight:
            block = next(self.blocks, None)
            if block is None:
                return
            self.pending.append(block)

    def next_result(self):
        block = self.pending.popleft()
        result, calls = block.compute(scheduler="sync")[0, 0, 0] if hasattr(block, "compute") else block()
        return result, block_threads.resolve(cloudpickle.loads(cloudpickle.dumps(calls)))

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        dask_engine.release_handles()
        return False


def on_copies(monkeypatch):
    """From now on in the test, parallel block runs compute their blocks on copies (``CopyPool``)."""
    monkeypatch.setattr(block_threads, "dask_address", lambda: "in-process copies")
    monkeypatch.setattr(dask_engine, "DaskPool", CopyPool)


# The three ways a parallel test runs each algorithm: one thread, three worker threads, and on pickled copies.
CONFIGS = ("1 thread", "3 threads", "copies")


def configure(monkeypatch, config):
    """Set up one of ``CONFIGS`` for the block engine (the default block size, whatever the environment)."""
    monkeypatch.setenv(block_threads.ENV_THREADS, "1" if config == "1 thread" else "3")
    monkeypatch.delenv(block_threads.ENV_BLOCK, raising=False)
    if config == "copies":
        on_copies(monkeypatch)
