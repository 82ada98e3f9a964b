"""The block engine on a Dask cluster (optional): the same block functions over ``dask.array`` chunks.

Why: a national series (24 years x 1.43 G pixels) is beyond one machine in a working day. The numpy
kernels of ``algorithms/`` are pure on purpose, so they run unchanged on any worker that reaches the
inputs (a shared folder, or GDAL's cloud paths such as /vsis3/).

How: every input is a ``dask.array`` read by the workers themselves (``da.from_array`` over a
``RasterReader``: the worker opens the path, or the XML of an in-memory VRT, and reads its chunk);
the chunks are the local engine's blocks. ``da.map_blocks`` hands each block to the same block
function, through ``blocks.Block``. A function with a halo (a moving window) gets its block read by
the worker with the halo around it, filled with each input's nodata outside the raster as the local
engine fills it: taking the halo from the neighbouring chunks instead (``map_overlap``) made each
block wait for eight others and sent them between the workers; fragmentation at 100 Mpx on 2 workers
took 5.8 s that way, 2.8 s reading (2.1 s locally).
Each block gives (result, accumulations it
recorded): the client takes them in block order, a fixed number in flight, writes the results with
the local engine's writer (same tiled GeoTIFF, same creation options) and makes the accumulations in
block order (``block_threads.in_block_order``), so rasters and tables are the same bytes as the local
engine's.

Dask is optional: without it, a scheduler address is refused with how to install it.
"""

import socket
import threading
import uuid
from collections import deque

import numpy as np

from . import block_threads
from .errors import N_, InputError

_LOCAL = threading.local()  # on a worker thread: {source: dataset} opened by this thread
_MAX_HANDLES = 32


def connect(address):
    """A ``distributed.Client`` of the scheduler at ``address``; InputError when Dask or the scheduler is missing."""
    try:
        import dask.array  # noqa: F401 - the engine needs both
        from distributed import Client
    except ImportError:
        raise InputError(N_("Dask is not installed, so the Dask scheduler {address} cannot be used. Install it "
                            "(Debian/Ubuntu: sudo apt install python3-dask python3-distributed; elsewhere: python3 "
                            "-m pip install 'dask[distributed]') or leave the scheduler address empty to compute on "
                            "this machine."), address=address) from None
    try:
        _probe(address)
        return Client(address, timeout=20, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(N_("Cannot reach the Dask scheduler {address}: {error}. Start it (dask-scheduler, then "
                            "dask-worker on each machine), check the address, or leave it empty to compute on "
                            "this machine."), address=address, error=str(error) or type(error).__name__) from None


def _probe(address):
    """Fail at once (OSError) when nothing listens at a tcp:// address, rather than after the client's retries."""
    scheme, _sep, rest = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return  # tls://, ucx://: the client's own checks
    host, _colon, port = rest.rpartition(":")
    if not port.isdigit():  # refused here: a client made on it would linger and time out at exit
        raise ValueError(f"no port number (as in tcp://10.0.0.5:8786) in '{address}'")
    with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=10):
        pass


def _open(run, source, name):
    """This worker thread's handle of ``source`` in the run ``run`` (GDAL handles are not thread-safe).

    Handles of an earlier run are closed when a thread starts a new one: an input rewritten at the same
    path between two runs is then read afresh, never from a handle (and GDAL cache) of the old file."""
    handles = getattr(_LOCAL, "handles", None)
    if handles is None or _LOCAL.run != run:
        handles = _LOCAL.handles = {}
        _LOCAL.run = run
    ds = handles.get(source)
    if ds is None:
        from .blocks import open_raster

        if len(handles) >= _MAX_HANDLES:
            handles.clear()
        try:
            ds = handles[source] = open_raster(source, name)
        except InputError:
            raise InputError(N_("A Dask worker ({worker}) cannot open the raster {name} ({path}), which this computer "
                                "opened. Every worker opens the inputs itself: put them in a folder that every worker "
                                "reaches at the same path (a shared folder mounted on every machine) or give GDAL "
                                "cloud paths, readable by the account the workers run under."),
                             worker=socket.gethostname(), name=name, path=str(source)[:200]) from None
    return ds


def release_handles():
    """Close this thread's handles (a client computing blocks itself, e.g. with dask's synchronous scheduler)."""
    _LOCAL.handles, _LOCAL.run = None, None


class RasterReader:
    """An input as an array-like for ``da.from_array``: shape (bands, rows, columns); read on the worker.

    Only the source (a path every worker reaches, a /vsi path, or a VRT's XML) travels, never a dataset.
    """

    def __init__(self, inp, grid, dtype, run):
        ds = inp.open()
        self.run = run
        self.source = block_threads.portable_source(ds)
        self.name, self.band = inp.name, inp.band
        self.bands = [inp.band] if inp.band is not None else list(range(1, ds.RasterCount + 1))
        self.shape = (len(self.bands), grid.ysize, grid.xsize)
        self.dtype, self.ndim = np.dtype(dtype), 3
        self.cast = self.dtype if self.dtype != inp.dtype() else None  # widened for a halo's fill, as blocks._read

    def read(self, xoff, yoff, xsize, ysize):
        ds = _open(self.run, self.source, self.name)
        try:
            data = [ds.GetRasterBand(b).ReadAsArray(xoff, yoff, xsize, ysize) for b in self.bands]
        except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
            data = [None]
        if any(d is None for d in data):
            from osgeo import gdal

            raise InputError(N_("Cannot read the raster {name} ({path}): {error}. The file is truncated or damaged "
                                "(an interrupted download or copy, a full disk): copy or export it again."),
                             name=self.name, path=self.source[:200], error=gdal.GetLastErrorMsg())
        stack = np.stack(data)
        return stack if self.cast is None else stack.astype(self.cast)

    def __getitem__(self, key):
        bands, rows, cols = key
        out = self.read(cols.start or 0, rows.start or 0, (cols.stop or self.shape[2]) - (cols.start or 0),
                        (rows.stop or self.shape[1]) - (rows.start or 0))
        return out[bands]


def _fill_and_type(inp, halo):
    """(fill, dtype) of an input's halo as the local engine reads it (``blocks._read``)."""
    nodata = inp.nodata_value()
    fill = nodata if nodata is not None else 0
    dtype = inp.dtype()
    if halo and not np.can_cast(np.min_scalar_type(fill), dtype):
        dtype = np.result_type(dtype, np.float64)
    return fill, dtype


def _offsets(sizes):
    out, start = [], 0
    for size in sizes:
        out.append(start)
        start += size
    return out


class _Kernel:
    """On a worker: one chunk of every input -> ``blocks.Block`` -> the block function -> (result, calls)."""

    __hash__ = None  # unhashable: dask's function cache (dask.base.function_cache) would keep the job alive

    def __init__(self, func, grid, halo, nodata, singles, chunks, readers=None):
        self.func, self.grid, self.halo, self.nodata, self.singles = func, grid, halo, nodata, singles
        self.yoffs, self.xoffs = _offsets(chunks[0]), _offsets(chunks[1])
        self.chunks, self.readers = chunks, readers

    def window(self, block_id):
        iy, ix = block_id[1], block_id[2]
        return self.xoffs[ix], self.yoffs[iy], self.chunks[1][ix], self.chunks[0][iy]

    def read_halo(self, reader, fill, dtype, win):
        """A window and its halo read on the worker (the halo deeper than a block), filled outside the raster."""
        xoff, yoff, xs, ys = win
        h = self.halo
        rx0, ry0 = max(0, xoff - h), max(0, yoff - h)
        rx1, ry1 = min(self.grid.xsize, xoff + xs + h), min(self.grid.ysize, yoff + ys + h)
        arr = reader.read(rx0, ry0, rx1 - rx0, ry1 - ry0)
        out = np.full((arr.shape[0], ys + 2 * h, xs + 2 * h), fill, dtype=dtype)
        oy, ox = ry0 - (yoff - h), rx0 - (xoff - h)
        out[:, oy:oy + arr.shape[1], ox:ox + arr.shape[2]] = arr
        return out

    def __call__(self, *arrays, block_id=None):
        from .block_memory import tune
        from .blocks import Block, _inside_mask

        tune()  # once per worker process: the allocator thresholds of the local engine (block_memory)
        win = self.window(block_id)
        if self.readers is not None:  # the halo is read here rather than taken from the neighbours
            arrays = [self.read_halo(reader, fill, dtype, win) for reader, fill, dtype in self.readers]
        arrays = [a[0] if single else a for a, single in zip(arrays, self.singles)]
        block = Block(*win, self.halo, list(arrays), _inside_mask(self.grid, win, self.halo), self.nodata)
        out = np.empty((1, 1, 1), dtype=object)
        out[0, 0, 0] = block_threads.call_recording(self.func, block)
        return out


def reads_own_halo(halo):
    """True when each worker reads its block with the halo around it (any halo: see the module's docstring)."""
    return bool(halo)


def block_graph(inputs, func, grid, halo, wins):
    """The ``dask.array`` of (result, calls) of every window, one chunk per window (row-major = block order)."""
    import dask.array as da

    ys = [w[3] for w in wins if w[0] == 0]
    xs = [w[2] for w in wins if w[1] == 0]
    chunks = (tuple(ys), tuple(xs))
    run = uuid.uuid4().hex
    readers = []
    for inp in inputs:
        fill, dtype = _fill_and_type(inp, halo)
        readers.append((RasterReader(inp, grid, dtype, run), fill, dtype))
    nodata = [inp.nodata_value() for inp in inputs]
    singles = [inp.band is not None for inp in inputs]
    out_chunks = ((1,), (1,) * len(ys), (1,) * len(xs))
    meta = np.empty((0, 0, 0), dtype=object)
    if reads_own_halo(halo):  # one task per window, reading it with its halo: no chunk of a neighbour
        kernel = _Kernel(func, grid, halo, nodata, singles, chunks, readers)
        template = da.zeros((1, grid.ysize, grid.xsize), chunks=((1,),) + chunks, dtype=np.uint8)
        return da.map_blocks(kernel, template, chunks=out_chunks, dtype=object, meta=meta,
                             name=f"t2-block-{run}")
    if not readers:
        raise ValueError("the Dask engine needs raster inputs")
    arrays = [da.from_array(reader, chunks=((reader.shape[0],),) + chunks, name=f"t2-read-{run}-{n}",
                            asarray=False, lock=False, meta=np.empty((0, 0, 0), dtype))
              for n, (reader, _fill, dtype) in enumerate(readers)]
    return da.map_blocks(_Kernel(func, grid, halo, nodata, singles, chunks), *arrays, chunks=out_chunks,
                         dtype=object, meta=meta, name=f"t2-block-{run}")


class DaskPool:
    """``block_threads.OrderedPool``'s interface over a Dask scheduler: the blocks of ``block_graph`` in order."""

    def __init__(self, address, payload, threads):
        self.client = connect(address)
        self.payload = payload
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = max(2, 2 * workers, threads + 1)
        self.pending, self.blocks = deque(), None

    def fill(self, tasks):
        if self.blocks is None:  # the first call: the graph of every window, submitted a few at a time
            inputs, func, grid, halo = self.payload
            graph = block_graph(inputs, func, grid, halo, [task[1] for task in tasks])
            self.blocks = iter(graph.to_delayed().ravel().tolist())
        while len(self.pending) < self.in_flight:
            block = next(self.blocks, None)
            if block is None:
                return
            self.pending.append(self.client.compute(block))

    def next_result(self):
        result, calls = self.pending.popleft().result()[0, 0, 0]
        return result, block_threads.resolve(calls)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        self.client.close()
        return False
