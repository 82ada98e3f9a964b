"""Which polygons can meet: bounding boxes on a numpy grid, box pairs, connected groups.

Pure numpy: no qgis import.
"""

import math

import numpy as np


def envelopes(geoms):
    """(n, 4) array of OGR envelopes (minx, maxx, miny, maxy)."""
    if not geoms:
        return np.zeros((0, 4))
    return np.array([g.GetEnvelope() for g in geoms], dtype=np.float64)


class GridIndex:
    """Bounding boxes bucketed on a regular grid (numpy), for "which boxes meet this box" queries.

    Why not an R-tree: OGR's Python API has none for in-memory geometries, and a grid sized from the
    boxes themselves (about two boxes per cell, at least the median box size) answers a query with a
    few array slices. Boxes spanning more than 64 cells are kept aside and tested on every query.
    """

    MAX_CELLS_PER_BOX = 64

    def __init__(self, boxes):
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        self.boxes = boxes
        self.n = len(boxes)
        self.big = self.items = self.keys = np.zeros(0, dtype=np.int64)
        if self.n == 0:
            return
        self.x0, self.y0 = boxes[:, 0].min(), boxes[:, 2].min()
        span_x = max(boxes[:, 1].max() - self.x0, 1e-12)
        span_y = max(boxes[:, 3].max() - self.y0, 1e-12)
        median = max(np.median(boxes[:, 1] - boxes[:, 0]), np.median(boxes[:, 3] - boxes[:, 2]))
        cell = max(median, math.sqrt(span_x * span_y / (2.0 * self.n)), span_x / 4096, span_y / 4096)
        self.cell = cell
        self.nx = int(span_x // cell) + 1
        self.ny = int(span_y // cell) + 1
        ix0, ix1, iy0, iy1 = self._cells(boxes)
        counts = (ix1 - ix0 + 1) * (iy1 - iy0 + 1)
        big = counts > self.MAX_CELLS_PER_BOX
        self.big = np.flatnonzero(big)
        small = np.flatnonzero(~big)
        reps = counts[small]
        item = np.repeat(small, reps)
        k = np.arange(len(item)) - np.repeat(np.cumsum(reps) - reps, reps)
        width = np.repeat((ix1 - ix0 + 1)[small], reps)
        cx = np.repeat(ix0[small], reps) + k % width
        cy = np.repeat(iy0[small], reps) + k // width
        key = cy * self.nx + cx
        order = np.argsort(key, kind="stable")
        self.items = item[order]
        self.keys = key[order]
        self.starts = np.searchsorted(self.keys, np.arange(self.nx * self.ny + 1))

    def _cells(self, boxes):
        ix0 = np.clip(((boxes[:, 0] - self.x0) // self.cell).astype(np.int64), 0, self.nx - 1)
        ix1 = np.clip(((boxes[:, 1] - self.x0) // self.cell).astype(np.int64), 0, self.nx - 1)
        iy0 = np.clip(((boxes[:, 2] - self.y0) // self.cell).astype(np.int64), 0, self.ny - 1)
        iy1 = np.clip(((boxes[:, 3] - self.y0) // self.cell).astype(np.int64), 0, self.ny - 1)
        return ix0, ix1, iy0, iy1

    def query(self, env):
        """Indices (sorted) of the boxes meeting the envelope (minx, maxx, miny, maxy)."""
        if self.n == 0:
            return np.zeros(0, dtype=np.int64)
        minx, maxx, miny, maxy = (float(v) for v in env)
        last_x, last_y = self.nx - 1, self.ny - 1
        ix0 = min(max(int((minx - self.x0) // self.cell), 0), last_x)
        ix1 = min(max(int((maxx - self.x0) // self.cell), 0), last_x)
        iy0 = min(max(int((miny - self.y0) // self.cell), 0), last_y)
        iy1 = min(max(int((maxy - self.y0) // self.cell), 0), last_y)
        starts, items, nx = self.starts, self.items, self.nx
        parts = [items[starts[cy * nx + ix0]:starts[cy * nx + ix1 + 1]] for cy in range(iy0, iy1 + 1)]
        if len(self.big):
            parts.append(self.big)
        # the ids of one cell are sorted and distinct; several cells may repeat an id
        single = len(parts) == 1 and ix0 == ix1
        found = parts[0] if single else np.unique(np.concatenate(parts))
        b = self.boxes[found]
        hit = (b[:, 0] <= maxx) & (b[:, 1] >= minx) & (b[:, 2] <= maxy) & (b[:, 3] >= miny)
        return found[hit]

    def pairs(self):
        """(i, j) arrays, i < j, of every two boxes that meet: all at once, without a query per box."""
        if self.n == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        first = np.flatnonzero(np.r_[True, self.keys[1:] != self.keys[:-1]]) if len(self.keys) else \
            np.zeros(0, dtype=np.int64)
        count = np.diff(np.r_[first, len(self.keys)])
        # element at position p of a cell pairs with the later elements of the same cell
        cell_of = np.repeat(np.arange(len(first)), count)
        after = (first + count)[cell_of] - np.arange(len(self.keys)) - 1
        left = np.repeat(np.arange(len(self.keys)), after)
        step = np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after)
        i, j = self.items[left], self.items[left + 1 + step]
        extra = [(np.full(len(hit), b), hit) for b in self.big for hit in [self.query(self.boxes[b])]]
        if extra:
            i = np.concatenate([i] + [e[0] for e in extra])
            j = np.concatenate([j] + [e[1] for e in extra])
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        keep = lo != hi
        lo, hi = lo[keep], hi[keep]
        a, b = self.boxes[lo], self.boxes[hi]
        meet = (a[:, 0] <= b[:, 1]) & (a[:, 1] >= b[:, 0]) & (a[:, 2] <= b[:, 3]) & (a[:, 3] >= b[:, 2])
        code = np.unique(lo[meet] * self.n + hi[meet])
        return code // self.n, code % self.n


def clusters(boxes):
    """Groups (lists of indices) of boxes connected through overlaps (connected components).

    Polygons in different groups cannot overlap, so each group can be dissolved on its own: many
    small unions instead of one whose last steps merge huge multipolygons. Components come from
    the index's box pairs by label propagation with pointer jumping, in numpy.
    """
    n = len(boxes)
    i, j = GridIndex(boxes).pairs()
    label = np.arange(n)
    while len(i):
        low = np.minimum(label[i], label[j])
        new = label.copy()
        np.minimum.at(new, i, low)
        np.minimum.at(new, j, low)
        np.minimum.at(new, label, new)  # a root takes the lowest label reaching any of its members
        new = new[new]
        while True:  # pointer jumping: follow labels to their roots
            nxt = new[new]
            if np.array_equal(nxt, new):
                break
            new = nxt
        if np.array_equal(new, label):
            break
        label = new
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    return [group.tolist() for group in np.split(order, cuts)]
