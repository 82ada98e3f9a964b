"""Order-free pixel samples: each pixel gets a pseudo-random priority from its position and the seed,
and an area keeps the K pixels of lowest priority ("bottom-K" sampling). The sample is therefore the
same whatever the block size or the order in which blocks are read, and memory per area is bounded.
"""

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def priorities(rows, cols, width, seed):
    """splitmix64 hash of the global pixel index (row * width + col) and the seed."""
    with np.errstate(over="ignore"):
        z = (np.asarray(rows, np.uint64) * np.uint64(width) + np.asarray(cols, np.uint64))
        z = z + np.uint64(seed) * _GOLDEN + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        return z ^ (z >> np.uint64(31))


class BottomK:
    """Per area, the ``k`` offered rows of lowest priority (payload: a float32 row per pixel)."""

    def __init__(self, k, width):
        self.k, self.width = int(k), int(width)
        self.prio = {}
        self.rows = {}

    def offer(self, area, prio, payload):
        """Offer pixels to one area: ``prio`` (n,) uint64 and ``payload`` (n, width)."""
        if not len(prio):
            return
        if len(prio) > self.k:
            keep = np.argpartition(prio, self.k - 1)[:self.k]
            prio, payload = prio[keep], payload[keep]
        if area in self.prio:
            prio = np.concatenate([self.prio[area], prio])
            payload = np.concatenate([self.rows[area], payload])
        if len(prio) > self.k:
            keep = np.argpartition(prio, self.k - 1)[:self.k]
            prio, payload = prio[keep], payload[keep]
        order = np.argsort(prio, kind="stable")
        self.prio[area], self.rows[area] = prio[order], np.ascontiguousarray(payload[order], np.float32)

    def offer_grouped(self, areas, prio, payload):
        """Offer pixels of many areas at once (``areas`` (n,) area numbers)."""
        if not len(areas):
            return
        order = np.argsort(areas, kind="stable")
        areas, prio, payload = areas[order], prio[order], payload[order]
        starts = np.flatnonzero(np.r_[True, areas[1:] != areas[:-1]])
        ends = np.r_[starts[1:], len(areas)]
        for s, e in zip(starts, ends):
            self.offer(int(areas[s]), prio[s:e], payload[s:e])

    def get(self, area):
        """(rows, width) payload kept for an area, in priority order (empty when none)."""
        return self.rows.get(area, np.empty((0, self.width), np.float32))
