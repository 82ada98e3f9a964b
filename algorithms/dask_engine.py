"""The block engine on a Dask cluster (optional): the same windows and block functions, computed by workers.

Why: a national series (24 years x 1.43 G pixels) is beyond one machine in a working day. The numpy
kernels of ``algorithms/`` are pure on purpose, so each window can be computed on any worker that
reaches the inputs (a shared folder, or GDAL's cloud paths such as /vsis3/). What stays here: the
outputs are written by this machine's writer thread in block order, and the accumulations a block
records (``block_threads.in_block_order``) are made here in block order, so rasters and tables are the
same bytes as the local engine's. Tasks go to the scheduler window by window through
``distributed.Client.submit`` (a fixed number in flight), rather than as a ``dask.array`` graph: the graph
would hold every window's result until it is written, and the order of writes would follow the
cluster's timing.

Dask is optional: without it, a scheduler address is refused with how to install it.
"""

import uuid
from collections import deque

from . import block_threads
from .errors import N_, InputError

_WORKER_JOBS = {}  # on a worker: the jobs it has opened (inputs opened once per job, not per window)


def connect(address):
    """A ``distributed.Client`` of the scheduler at ``address``; InputError when Dask or the scheduler is missing."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError(N_("Dask is not installed, so the Dask scheduler {address} cannot be used. Install it "
                            "(Debian/Ubuntu: sudo apt install python3-dask python3-distributed; elsewhere: python3 "
                            "-m pip install 'dask[distributed]') or leave the scheduler address empty to compute on "
                            "this machine."), address=address) from None
    try:
        return Client(address, timeout=20, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise InputError(N_("Cannot reach the Dask scheduler {address}: {error}. Start it (dask-scheduler, then "
                            "dask-worker on each machine), check the address, or leave it empty to compute on "
                            "this machine."), address=address, error=str(error) or type(error).__name__) from None


def _remote_block(key, payload, win):
    """On a worker: the window's result and the accumulations it recorded (made on the client)."""
    job = _WORKER_JOBS.get(key)
    if job is None:
        from .blocks import _BlockJob

        inputs, func, grid, halo = payload
        job = _BlockJob(inputs, func, grid, halo, True)
        for inp in job.inputs:
            inp.open()
        if len(_WORKER_JOBS) > 8:
            _WORKER_JOBS.clear()
        _WORKER_JOBS[key] = job
    return job.compute(win)


class DaskPool:
    """``block_threads.OrderedPool``'s interface over a Dask scheduler: results in submission order."""

    def __init__(self, address, payload, threads):
        self.client = connect(address)
        self.key = uuid.uuid4().hex
        self.payload = self.client.scatter(payload, broadcast=True, hash=False)
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = max(2, 2 * workers, threads + 1)
        self.pending = deque()

    def fill(self, tasks):
        while len(self.pending) < self.in_flight:
            task = next(tasks, None)
            if task is None:
                return
            self.pending.append(self.client.submit(_remote_block, self.key, self.payload, task[1], pure=False))

    def next_result(self):
        result, calls = self.pending.popleft().result()
        return result, block_threads.resolve(calls)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        self.client.close()
        return False
