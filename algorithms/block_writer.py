"""The writer thread of the block engine: block results written (and compressed) while the next
blocks are computed. ``blocks.run_blocks`` owns it; algorithms never start threads of their own."""

from concurrent.futures import ThreadPoolExecutor

# Blocks whose results may wait for the writer thread (each holds one block of every output band).
WRITE_AHEAD = 2


class BlockWriter:
    """Writes (and compresses) block results in its own thread while the next blocks are computed.

    Why: compressing the outputs (GDAL's worker threads, waited for at each flush) took about a third
    of a run on the calling thread; here it overlaps the computation. The datasets are used by this
    one thread only, with the same writes and flushes in the same order, so the files are the same
    bytes. At most ``WRITE_AHEAD`` results wait, which bounds the memory they hold.
    """

    def __init__(self, outputs, completes_tiles, grid):
        self.outputs, self.completes_tiles, self.grid = outputs, completes_tiles, grid
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.queued = []

    def _write(self, win, results):
        for out, arr in zip(self.outputs, results):
            out.write(arr, win[0], win[1])
        if self.completes_tiles(win, self.grid):
            for out in self.outputs:
                out.flush()

    def put(self, win, results):
        """Queue the results of window ``win``; waits while more than WRITE_AHEAD are queued."""
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
        self.pool.shutdown(wait=True)  # never leave a write running on a dataset about to be discarded
        self.queued = []
        return False
