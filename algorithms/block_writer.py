"""The writer thread of the block engine: block results written (and compressed) while the next
blocks are computed. ``blocks.run_blocks`` owns it; algorithms never start threads of their own."""

from concurrent.futures import ThreadPoolExecutor

from osgeo import gdal

# Blocks whose results may wait for the writer thread (each holds one block of every output band).
WRITE_AHEAD = 2


class BlockWriter:
    """Writes (and compresses) block results in its own thread while the next blocks are computed.

    Why: compressing the outputs (GDAL's worker threads, waited for at each flush) took about a third
    of a run on the calling thread; here it overlaps the computation. The datasets are used by this
    one thread only, with the same writes and flushes in the same order, so the files are the same
    bytes. At most ``WRITE_AHEAD`` results wait, which bounds the memory they hold.
    """

    def __init__(self, outputs, completes_tiles, grid, background=True):
        """``background=False``: every write made at once on the calling thread (a one-thread run: one core)."""
        self.outputs, self.completes_tiles, self.grid = outputs, completes_tiles, grid
        self.pool = ThreadPoolExecutor(max_workers=1) if background else None
        self.queued = []

    def _write(self, win, results):
        for out, arr in zip(self.outputs, results):
            out.write(arr, win[0], win[1])
        if self.completes_tiles(win, self.grid):
            for out in self.outputs:
                out.flush()

    def put(self, win, results):
        """Queue the results of window ``win``; waits while more than WRITE_AHEAD are queued."""
        if self.pool is None:
            self._write(win, results)
            return
        self.queued.append(self.pool.submit(self._write, win, results))
        while len(self.queued) > WRITE_AHEAD:
            self.queued.pop(0).result()

    def wait(self):
        """Every queued write done (the first error raised)."""
        while self.queued:
            self.queued.pop(0).result()

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        for future in self.queued:  # after an error or a cancel: drop what has not started
            future.cancel()
        if self.pool is not None:
            self.pool.shutdown(wait=True)  # never leave a write running on a dataset about to be discarded
        self.queued = []
        return False


def write_categories(path, classes):
    """A raster attribute table (value, name, colour) so other software shows class names too.

    ``classes`` is a list of (value, label, '#rrggbb'). GDAL keeps it in the .aux.xml sidecar.
    """
    ds = gdal.Open(str(path), gdal.GA_Update)
    if ds is None:
        return False
    rat = gdal.RasterAttributeTable()
    rat.CreateColumn("Value", gdal.GFT_Integer, gdal.GFU_MinMax)
    rat.CreateColumn("Class", gdal.GFT_String, gdal.GFU_Name)
    for name in ("Red", "Green", "Blue"):
        rat.CreateColumn(name, gdal.GFT_Integer, getattr(gdal, f"GFU_{name}"))
    rat.SetRowCount(len(classes))
    for row, (value, label, color) in enumerate(classes):
        rat.SetValueAsInt(row, 0, int(value))
        rat.SetValueAsString(row, 1, str(label))
        for i in range(3):
            rat.SetValueAsInt(row, 2 + i, int(color[1 + 2 * i:3 + 2 * i], 16))
    ds.GetRasterBand(1).SetDefaultRAT(rat)
    ds = None
    return True
