"""Block-wise processing of aligned rasters.

Why this module exists: national rasters (hundreds of millions of pixels) do not fit in memory, and
the users' most frequent complaint about land-degradation tools is whole-country runs that hang or
run out of memory. Everything here reads and writes windows, so memory is bounded by the block size
whatever the raster size, and every output is written under a temporary name and renamed only when
complete, so a cancelled or failed run never leaves a file that looks finished.
"""

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, osr

from . import block_memory, block_threads, files
from .block_threads import in_block_order, thread_count, use_threads  # noqa: F401 - the engine's API
from .block_writer import WRITE_AHEAD, BlockWriter, write_categories  # noqa: F401 - importable from here
from .errors import N_, Cancelled, GridMismatchError, InputError
from .nodata import valid_mask  # noqa: F401 - importable from here, as before

DEFAULT_BLOCK = 1024
TILE = 512
# GDAL's block cache defaults to 5 % of RAM (1.2 GB on a 24 GB machine) and fills with every tile
# read or written. While blocks run it is capped here so that peak memory stays bounded whatever
# the raster size; the previous value is restored afterwards.
RUN_CACHE_BYTES = 96 * 1024 * 1024
_cache_lock = threading.Lock()
_cache_state = {"users": 0, "saved": None}


@contextmanager
def bounded_gdal_cache(limit=RUN_CACHE_BYTES):
    """Cap GDAL's block cache while blocks run (nested and concurrent runs share one cap)."""
    with _cache_lock:
        if _cache_state["users"] == 0:
            _cache_state["saved"] = gdal.GetCacheMax()
            gdal.SetCacheMax(min(limit, _cache_state["saved"]))
        _cache_state["users"] += 1
    try:
        yield
    finally:
        with _cache_lock:
            _cache_state["users"] -= 1
            if _cache_state["users"] == 0:
                gdal.SetCacheMax(_cache_state["saved"])

_NP_TO_GDAL = {
    np.dtype("uint8"): gdal.GDT_Byte,
    np.dtype("uint16"): gdal.GDT_UInt16,
    np.dtype("int16"): gdal.GDT_Int16,
    np.dtype("uint32"): gdal.GDT_UInt32,
    np.dtype("int32"): gdal.GDT_Int32,
    np.dtype("float32"): gdal.GDT_Float32,
    np.dtype("float64"): gdal.GDT_Float64,
}


def compression():
    """ZSTD when this GDAL has it (faster at equal ratio), else DEFLATE."""
    options = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    return "ZSTD" if "ZSTD" in options else "DEFLATE"


def compression_threads():
    """GDAL's NUM_THREADS for compressing outputs: T2RESTORE_THREADS when set (a whole number), else the
    ``use_threads`` count (QGIS's max threads), else ALL_CPUS.

    Why: GDAL then compresses tiles in worker threads; the file's bytes are the same with any number
    of threads (each tile is compressed on its own and written in order).
    """
    value = os.environ.get("T2RESTORE_THREADS", "").strip()
    if value.isdigit() and int(value) > 0:
        return value
    return str(block_threads.requested_threads() or "ALL_CPUS")


def creation_options(dtype, level=None):
    """Tiled, compressed, BigTIFF when needed; the predictor suits the data type. ZSTD at ``level``, default 3:
    GDAL's 9 took 0.9 CPU s to write bench_ldn's 100 Mpx result, 3 takes 0.55 (2.0 MB, not 1.6). DEFLATE: GDAL's."""
    predictor = "3" if np.dtype(dtype).kind == "f" else "2"
    method = compression()
    if method == "ZSTD":
        extra = [f"ZSTD_LEVEL={level or 3}"]
    else:
        extra = [f"ZLEVEL={level}"] if level else []
    return [
        "TILED=YES",
        f"BLOCKXSIZE={TILE}",
        f"BLOCKYSIZE={TILE}",
        f"COMPRESS={method}",
        f"PREDICTOR={predictor}",
        "BIGTIFF=IF_SAFER",
        f"NUM_THREADS={compression_threads()}",
    ] + extra


def open_raster(source, name=None):
    """Open a path (or pass a dataset through); a clear error when GDAL cannot read it."""
    if isinstance(source, gdal.Dataset):
        return source
    try:
        ds = gdal.Open(str(source), gdal.GA_ReadOnly)
    except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
        ds = None
    if ds is None:
        raise InputError(
            N_("Cannot open the raster {name} ({path}). Check that the file exists and is a raster GDAL can read."),
            name=name or os.path.basename(str(source)),
            path=source,
        )
    return ds


@dataclass(frozen=True)
class Grid:
    """The pixel grid of a raster: size, geotransform and CRS."""

    xsize: int
    ysize: int
    geotransform: tuple
    crs_wkt: str

    def __post_init__(self):
        # an absurd grid is refused as soon as it is known, before any work on it (zones, masks, blocks)
        files.check_grid_size(self.xsize, self.ysize)

    @classmethod
    def of(cls, ds):
        return cls(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), ds.GetProjection() or "")

    @property
    def pixel_count(self):
        return self.xsize * self.ysize

    def srs(self):
        srs = osr.SpatialReference()
        if self.crs_wkt:
            srs.ImportFromWkt(self.crs_wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def bounds(self):
        """(xmin, ymin, xmax, ymax) of a north-up grid."""
        gt = self.geotransform
        x0, y0 = gt[0], gt[3]
        x1 = gt[0] + self.xsize * gt[1] + self.ysize * gt[2]
        y1 = gt[3] + self.xsize * gt[4] + self.ysize * gt[5]
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _crs_label(wkt):
    if not wkt:
        return "(none)"
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    auth = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    if all(auth):
        return f"{auth[0]}:{auth[1]}"
    return srs.GetName() or "(custom)"


def same_crs(wkt_a, wkt_b):
    if wkt_a == wkt_b:
        return True
    if not wkt_a or not wkt_b:
        return False
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromWkt(wkt_a)
    b.ImportFromWkt(wkt_b)
    return bool(a.IsSame(b))


def grid_difference(ref, other):
    """First property in which two grids differ, as (property, ref value, other value), or None."""
    if not same_crs(ref.crs_wkt, other.crs_wkt):
        return N_("CRS"), _crs_label(ref.crs_wkt), _crs_label(other.crs_wkt)
    g1, g2 = ref.geotransform, other.geotransform
    pixel = max(abs(g1[1]), abs(g1[5]))
    size_tol, origin_tol = 1e-9 * pixel, 1e-6 * pixel
    if (abs(g1[1] - g2[1]) > size_tol or abs(g1[5] - g2[5]) > size_tol
            or g1[2] != g2[2] or g1[4] != g2[4]):
        return N_("pixel size"), f"{g1[1]:g} x {abs(g1[5]):g}", f"{g2[1]:g} x {abs(g2[5]):g}"
    if abs(g1[0] - g2[0]) > origin_tol or abs(g1[3] - g2[3]) > origin_tol:
        return N_("origin"), f"({g1[0]:.6f}, {g1[3]:.6f})", f"({g2[0]:.6f}, {g2[3]:.6f})"
    if (ref.xsize, ref.ysize) != (other.xsize, other.ysize):
        return N_("size"), f"{ref.xsize} x {ref.ysize}", f"{other.xsize} x {other.ysize}"
    return None


def check_aligned(named_datasets):
    """Raise GridMismatchError naming the first differing property against the first raster."""
    (name_ref, ref_ds), *rest = named_datasets
    ref = Grid.of(ref_ds)
    for name, ds in rest:
        diff = grid_difference(ref, Grid.of(ds))
        if diff:
            prop, a, b = diff
            raise GridMismatchError(name_a=name_ref, name_b=name, property=prop, value_a=a, value_b=b)
    return ref


def warp_to_grid(ds, grid, resampling="near", coordinate_operation=None):
    """An in-memory warped VRT of ``ds`` on ``grid`` (explicit alignment, nearest for classes).

    ``coordinate_operation``: a PROJ pipeline to use between the CRSs (the one the caller logged);
    None lets PROJ pick."""
    xmin, ymin, xmax, ymax = grid.bounds()
    options = gdal.WarpOptions(
        format="VRT",
        outputBounds=(xmin, ymin, xmax, ymax),
        width=grid.xsize,
        height=grid.ysize,
        dstSRS=grid.crs_wkt or None,
        resampleAlg=resampling,
        multithread=True,
        coordinateOperation=coordinate_operation,
    )
    out = gdal.Warp("", ds, options=options)
    if out is None:
        raise InputError(N_("Could not align the raster {name} onto the reference grid: {error}"),
                         name=ds.GetDescription(), error=gdal.GetLastErrorMsg())
    return out


@dataclass
class RasterInput:
    """One input band (or all bands when ``band`` is None, giving a 3-D array)."""

    source: object
    name: str = ""
    band: object = 1
    nodata: object = None  # overrides the band's nodata when given
    ds: object = field(default=None, repr=False)

    def __getstate__(self):  # sent to a Dask worker: the path (or VRT XML), reopened there
        source = self.source
        return dict(self.__dict__, ds=None, source=block_threads.portable_source(source)
                    if isinstance(source, gdal.Dataset) else source)

    def open(self):
        if self.ds is None:
            self.ds = open_raster(self.source, self.name)
            if not self.name:
                self.name = os.path.basename(self.ds.GetDescription())
            if self.band is not None and not 1 <= self.band <= self.ds.RasterCount:
                raise InputError(N_("The raster {name} has no band {band}."), name=self.name, band=self.band)
        return self.ds

    def bands(self):
        ds = self.open()
        if self.band is None:
            return [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
        return [ds.GetRasterBand(self.band)]

    def nodata_value(self):
        if self.nodata is not None:
            return self.nodata
        return self.bands()[0].GetNoDataValue()

    def dtype(self):
        return gdal_to_np(self.bands()[0].DataType)


def gdal_to_np(gdal_type):
    for np_type, g_type in _NP_TO_GDAL.items():
        if g_type == gdal_type:
            return np_type
    if gdal_type == getattr(gdal, "GDT_Int8", None):
        return np.dtype("int8")
    return np.dtype("float64")


@dataclass
class RasterOutput:
    """An output GeoTIFF: written to a temporary name, renamed when complete."""

    path: str
    dtype: object
    nodata: object
    bands: int = 1
    band_names: tuple = ()
    options: tuple = ()

    def __post_init__(self):
        self.dtype = np.dtype(self.dtype)
        self.tmp_path = files.part_path(self.path)
        self.ds = None

    def size_bytes(self, grid):
        """Worst-case size on disk of this output over ``grid``."""
        return files.output_bytes(grid.xsize, grid.ysize, self.bands, self.dtype.itemsize)

    def create(self, grid):
        folder = os.path.dirname(self.tmp_path)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise files.os_error(error, folder) from None
        files.clean_stale_parts(folder)
        if not os.access(folder, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
            raise files.os_error(PermissionError(13, "Permission denied", folder))
        driver = gdal.GetDriverByName("GTiff")
        opts = list(self.options) or creation_options(self.dtype)
        try:
            self.ds = driver.Create(self.tmp_path, grid.xsize, grid.ysize, self.bands, _NP_TO_GDAL[self.dtype], opts)
        except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
            self.ds = None
        if self.ds is None:
            raise InputError(N_("Cannot write the output {path}: {error}. Choose a folder you can write to, on a "
                                "disk with free space."), path=self.path, error=gdal.GetLastErrorMsg())
        self.ds.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            self.ds.SetProjection(grid.crs_wkt)
        for i in range(self.bands):
            band = self.ds.GetRasterBand(i + 1)
            if self.nodata is not None:
                band.SetNoDataValue(float(self.nodata))
            if i < len(self.band_names):
                band.SetDescription(self.band_names[i])

    def write(self, array, xoff, yoff):
        if array.ndim == 2:
            array = array[np.newaxis]
        for i in range(self.bands):
            self.ds.GetRasterBand(i + 1).WriteArray(np.asarray(array[i], dtype=self.dtype), xoff, yoff)

    def flush(self):
        """Write (compress) the tiles held in GDAL's cache now rather than when it overflows."""
        self.ds.FlushCache()

    def commit(self):
        """Close (flushing compressed tiles) and move into place atomically.

        Sidecars, only now that the output is replaced: ``<output>.aux.xml`` is GDAL's record of
        exactly this file (statistics, nodata, attribute table) and would describe the old data, so
        it goes (the new one is moved in when GDAL wrote one); ``<stem>.qml`` may be the style of
        another file of the same stem (``<stem>.shp``), so it goes only when T2 Restore wrote it
        (``files``' marker), i.e. when it is the stale style of this output.
        """
        self.ds.FlushCache()
        self.ds = None
        aux, tmp_aux = self.path + ".aux.xml", self.tmp_path + ".aux.xml"
        if os.path.exists(tmp_aux):
            os.replace(tmp_aux, aux)
        elif os.path.exists(aux):
            os.remove(aux)
        qml = os.path.splitext(self.path)[0] + ".qml"
        if files.written_by_us(qml):
            os.remove(qml)
        os.replace(self.tmp_path, self.path)

    def discard(self):
        self.ds = None
        for path in (self.tmp_path, self.tmp_path + ".aux.xml"):
            if os.path.exists(path):
                os.remove(path)


@dataclass
class Block:
    """The data handed to a block function.

    ``arrays[i]`` holds input i over the window grown by ``halo`` pixels on every side (pixels
    outside the raster are filled with the input's nodata, or 0, and flagged by ``inside``).
    """

    xoff: int
    yoff: int
    xsize: int
    ysize: int
    halo: int
    arrays: list
    inside: np.ndarray
    nodata: list

    def core(self, array):
        """Strip the halo from an array read for this block."""
        h = self.halo
        if h == 0:
            return array
        return array[..., h:h + self.ysize, h:h + self.xsize]

    def valid(self, i):
        """Pixels of input i that hold data (inside the raster, finite and not nodata)."""
        arr = self.arrays[i]
        if self.halo == 0:  # every pixel of a window without halo is inside the raster
            return valid_mask(arr, self.nodata[i])
        ok = self.inside if arr.ndim == 2 else np.broadcast_to(self.inside, arr.shape)
        return ok & valid_mask(arr, self.nodata[i])


def windows(grid, block_size=DEFAULT_BLOCK):
    """Row-major windows covering the grid; aligned to output tiles when block_size is a multiple."""
    bx, by = (block_size, block_size) if isinstance(block_size, int) else block_size
    for yoff in range(0, grid.ysize, by):
        for xoff in range(0, grid.xsize, bx):
            yield xoff, yoff, min(bx, grid.xsize - xoff), min(by, grid.ysize - yoff)


def _read(inp, grid, win, halo):
    xoff, yoff, xs, ys = win
    nd = inp.nodata_value()
    fill = nd if nd is not None else 0
    rx0, ry0 = max(0, xoff - halo), max(0, yoff - halo)
    rx1, ry1 = min(grid.xsize, xoff + xs + halo), min(grid.ysize, yoff + ys + halo)
    bands = inp.bands()
    try:
        data = [b.ReadAsArray(rx0, ry0, rx1 - rx0, ry1 - ry0) for b in bands]
    except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
        data = [None]
    if any(d is None for d in data):  # a truncated or damaged file: one band unreadable is enough
        raise InputError(N_("Cannot read the raster {name} ({path}): {error}. The file is truncated or damaged "
                            "(an interrupted download or copy, a full disk): copy or export it again."),
                         name=inp.name, path=files.damaged_source(inp.ds), error=gdal.GetLastErrorMsg())
    arr = data[0] if inp.band is not None else np.stack(data)
    if halo == 0:
        return arr
    shape = arr.shape[:-2] + (ys + 2 * halo, xs + 2 * halo)
    dtype = arr.dtype if np.can_cast(np.min_scalar_type(fill), arr.dtype) else np.result_type(arr.dtype, np.float64)
    out = np.full(shape, fill, dtype=dtype)
    oy, ox = ry0 - (yoff - halo), rx0 - (xoff - halo)
    out[..., oy:oy + arr.shape[-2], ox:ox + arr.shape[-1]] = arr
    return out


def _inside_mask(grid, win, halo):
    xoff, yoff, xs, ys = win
    rows = np.arange(yoff - halo, yoff + ys + halo)
    cols = np.arange(xoff - halo, xoff + xs + halo)
    return ((rows >= 0) & (rows < grid.ysize))[:, None] & ((cols >= 0) & (cols < grid.xsize))[None, :]


def _completes_tiles(win, grid):
    """True when every output tile this window touches is now fully written."""
    xoff, yoff, xs, ys = win
    x_ok = xoff % TILE == 0 and (xs % TILE == 0 or xoff + xs == grid.xsize)
    y_ok = yoff % TILE == 0 and (ys % TILE == 0 or yoff + ys == grid.ysize)
    row_done = xoff + xs == grid.xsize and ((yoff + ys) % TILE == 0 or yoff + ys == grid.ysize)
    return (x_ok and y_ok) or row_done


def run_blocks(inputs, func, outputs=(), block_size=DEFAULT_BLOCK, halo=0, progress=None,
               is_cancelled=None, grid=None, before_commit=None, parallel=False, threads=None):
    """Apply ``func(block)`` to every window of aligned inputs and write its results.

    ``func`` returns one array per output (core window size; 3-D for multi-band), a single array for
    one output, or None when it only accumulates. Inputs must share one grid (``warp_to_grid`` aligns).
    Windows are read ahead in ``threads`` threads (``block_threads.thread_count()``). With
    ``parallel=True`` ``func`` runs in those threads (or on the Dask scheduler of ``use_dask``) and
    keeps its accumulations in ``in_block_order`` calls, made here in block order: results never
    depend on the thread count. Results are written in block order, a fixed number in flight.
    ``before_commit()`` may refuse the result. Outputs are renamed into place on success only.
    """
    inputs = list(inputs)
    for inp in inputs:
        inp.open()
    if inputs:
        ref = check_aligned([(i.name, i.ds) for i in inputs])
        grid = grid or ref
    if grid is None:
        raise ValueError("run_blocks needs inputs or a grid")
    outputs = list(outputs)
    files.check_grid_size(grid.xsize, grid.ysize)
    files.check_free_space([(out.path, out.size_bytes(grid)) for out in outputs])
    job = _BlockJob(inputs, func, grid, halo, parallel)
    done_ok = False
    block_memory.tune()
    try:
        for out in outputs:
            out.create(grid)
        job.run(outputs, block_size, threads or block_threads.thread_count(), progress, is_cancelled)
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if before_commit is not None:
            before_commit()
        for out in outputs:
            out.commit()
        done_ok = True
    finally:
        job.close()
        block_memory.release()
        if not done_ok:
            for out in outputs:
                out.discard()
    return [out.path for out in outputs]


class _BlockJob:
    """One run of ``run_blocks``: windows read (and, when parallel, computed) in worker threads."""

    def __init__(self, inputs, func, grid, halo, parallel):
        self.inputs, self.func, self.grid, self.halo, self.parallel = inputs, func, grid, halo, parallel
        self.nodata = [i.nodata_value() for i in inputs]
        self.handles = block_threads.ThreadInputs(inputs)

    def block(self, win):
        """The Block of window ``win``, read with this thread's handles of the inputs."""
        mine, lock = self.handles.get()
        if lock is None:
            arrays = [_read(inp, self.grid, win, self.halo) for inp in mine]
        else:
            with lock:
                arrays = [_read(inp, self.grid, win, self.halo) for inp in mine]
        return Block(*win, self.halo, arrays, _inside_mask(self.grid, win, self.halo), self.nodata)

    def compute(self, win):
        return block_threads.call_recording(self.func, self.block(win))

    def result(self, pool):
        """The next window's result, in block order (recorded accumulations made now)."""
        if self.parallel:
            result, calls = pool.next_result()
            block_threads.run_recorded(calls)
            return result
        return self.func(pool.next_result())

    def run(self, outputs, block_size, threads, progress, is_cancelled):
        # one thread: one core (reads, the function and writes in turn here); several: blocks read and
        # computed in worker threads (parallel) or read ahead in them (not parallel), written in a writer thread
        self.parallel = self.parallel and (threads > 1 or bool(block_threads.dask_address()))
        wins = list(windows(self.grid, block_threads.block_size_override() or block_size))
        task = self.compute if self.parallel else self.block
        tasks = ((task, win) for win in wins)
        single = len(outputs) == 1
        serial = threads <= 1 and not self.parallel  # one thread: read, compute and write on this one
        with bounded_gdal_cache(), self.pool(threads) as pool, \
                BlockWriter(outputs, _completes_tiles, self.grid, background=not serial) as writer:
            for n, win in enumerate(wins):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                pool.fill(tasks)
                result = self.result(pool)
                if outputs:
                    writer.put(win, [result] if single and not isinstance(result, (list, tuple)) else result)
                if progress is not None:
                    progress((n + 1) / len(wins))
            writer.wait()

    def pool(self, threads):
        """Worker threads here, or the Dask scheduler of ``use_dask`` for a parallel function."""
        address = block_threads.dask_address()
        if address and self.parallel:
            from .dask_engine import DaskPool

            return DaskPool(address, (self.inputs, self.func, self.grid, self.halo), threads)
        if threads <= 1:
            return block_threads.SerialPool()
        return block_threads.OrderedPool(threads, threads + min(threads, 4))

    def close(self):
        self.handles.close()


class InputSlots:
    """Raster inputs opened as they are added, each found again by its key: ``inputs[slots[key]]``."""

    def __init__(self):
        self.inputs, self.slots = [], {}

    def add(self, key, source, name):
        self.slots[key] = len(self.inputs)
        self.inputs.append(RasterInput(source, name=name))
        self.inputs[-1].open()

    def require_data(self, seen_data):
        """InputError naming the first input of ``seen_data`` ({key: had a valid pixel}) without valid pixels."""
        for key, seen in seen_data.items():
            if not seen:
                raise InputError(N_("The raster {name} has no valid pixel (all nodata)."),
                                 name=self.inputs[self.slots[key]].name)


def core_arrays(block, slots, seen_data):
    """({key: array}, {key: valid mask}) of a block's inputs without the halo.

    Marks in ``seen_data`` (keys of the inputs that must hold data) those with a valid pixel in this block.
    """
    core = {key: block.core(block.arrays[i]) for key, i in slots.items()}
    core_valid = {key: block.core(block.valid(i)) for key, i in slots.items()}
    for key in seen_data:
        if not seen_data[key]:
            seen_data[key] = bool(core_valid[key].any())
    return core, core_valid
