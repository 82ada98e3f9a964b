"""The exact area of polygons inside each pixel of a grid, in numpy (no GEOS call per pixel).

Why: counting a polygon by the pixels whose centre it holds drops every area smaller than a pixel
and misplaces the rest by half a pixel along its edges (issue 18 item 3: 3,677.75 ha of 13 areas
vanished on a 0.05 degree raster). Cutting the polygon with each pixel through GEOS is exact but
costs one overlay per edge pixel. Here the area of the polygons inside a rectangle comes from a line
integral over their edges: for any closed ring,

    area(ring ∩ [xa, xb] x [ya, yb]) = -∮ (clamp(y, ya, yb) - ya) dx   over the edges' parts in [xa, xb]

(a vertical line at x meets the ring in crossings that alternate entry and exit; the clamped heights
of the crossings add up to the length of the line inside both ring and rectangle). Each edge gives a
closed-form integral, so all (edge, pixel) pairs are evaluated at once in numpy, exactly.

Geographic grids: the integral runs in the plane (longitude, q(latitude)) of the authalic function
q, in which the WGS 84 ellipsoid's area is proportional to plane area and pixel rows stay straight
(edges are densified first, by the geometry core's ``densify`` as for its areas), so shares are
exact there too.
"""

import math

import numpy as np

from .areas import _q
from .geometry import densify, rings

MAX_SEGMENT_DEG = 0.001


def ring_edges(polygons, deg=None):
    """(x1, y1, x2, y2, weight) arrays of the rings of OGR ``polygons``.

    ``weight`` makes each exterior ring count +1 and each hole -1 whatever the ring's orientation.
    ``deg`` (degrees per angular unit) marks a geographic grid: edges are densified and y mapped to q.
    """
    parts = []
    for poly in polygons:
        for i, pts in enumerate(rings(poly)):
            if len(pts) < 4:
                continue
            if deg is not None:
                pts, _starts = densify(pts, np.array([len(pts)]), MAX_SEGMENT_DEG / deg)
                pts = np.column_stack([pts[:, 0], _q(np.radians(pts[:, 1] * deg))])
            x, y = pts[:, 0], pts[:, 1]
            signed = 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))
            if signed == 0:
                continue
            weight = (1.0 if i == 0 else -1.0) * math.copysign(1.0, signed)
            parts.append(np.column_stack([x[:-1], y[:-1], x[1:], y[1:], np.full(len(x) - 1, weight)]))
    return np.concatenate(parts) if parts else np.zeros((0, 5))


def _clamped_integral(y_u, y_v, length, h):
    """∫ clamp(y, 0, h) dx over a straight piece of ``length`` along which y goes from y_u to y_v."""
    def antiderivative(t):
        t = np.clip(t, 0.0, None)
        inside = np.minimum(t, h)
        return inside * inside / 2 + h * np.maximum(t - h, 0.0)

    dy = y_v - y_u
    flat = np.abs(dy) <= 1e-12 * np.maximum(h, 1e-300)
    mean = np.clip((y_u + y_v) / 2, 0.0, h) * length
    safe = np.where(flat, 1.0, dy)
    return np.where(flat, mean, (antiderivative(y_v) - antiderivative(y_u)) * length / safe)


def covered_area(edges, cols, rows, x_edges, y_edges):
    """Plane area of the rings ``edges`` inside each pixel (cols[i], rows[i]).

    ``x_edges`` (increasing) and ``y_edges`` give the pixel boundaries: column c spans
    [x_edges[c], x_edges[c + 1]], row r spans y_edges[r] .. y_edges[r + 1] (either order).
    """
    area = np.zeros(len(cols))
    if len(cols) == 0 or len(edges) == 0:
        return area
    order = np.argsort(cols, kind="stable")
    sorted_cols = cols[order]
    ucols, first, count = np.unique(sorted_cols, return_index=True, return_counts=True)
    xa, xb = x_edges[ucols], x_edges[ucols + 1]
    x1, y1, x2, y2, weight = edges.T
    lo = np.searchsorted(xb, np.minimum(x1, x2), side="right")
    hi = np.searchsorted(xa, np.maximum(x1, x2), side="left")
    n_cols = np.maximum(hi - lo, 0)
    e = np.repeat(np.arange(len(edges)), n_cols)  # (edge, column) pairs
    k = np.repeat(lo, n_cols) + np.arange(n_cols.sum()) - np.repeat(np.cumsum(n_cols) - n_cols, n_cols)
    n_pix = count[k]
    e = np.repeat(e, n_pix)  # (edge, pixel) triples
    col_of = np.repeat(k, n_pix)
    p = order[np.repeat(first[k], n_pix) + np.arange(n_pix.sum()) - np.repeat(np.cumsum(n_pix) - n_pix, n_pix)]
    u = np.maximum(np.minimum(x1[e], x2[e]), xa[col_of])
    v = np.minimum(np.maximum(x1[e], x2[e]), xb[col_of])
    run = x2[e] - x1[e]
    slope = (y2[e] - y1[e]) / np.where(run == 0, 1.0, run)
    y_top, y_bottom = y_edges[rows[p]], y_edges[rows[p] + 1]
    ya, h = np.minimum(y_top, y_bottom), np.abs(y_bottom - y_top)
    y_u = y1[e] + slope * (u - x1[e]) - ya
    y_v = y1[e] + slope * (v - x1[e]) - ya
    integral = _clamped_integral(y_u, y_v, np.maximum(v - u, 0.0), h)
    np.add.at(area, p, -np.sign(run) * integral * weight[e])
    return area


def pixel_shares(polygons, window_geotransform, cols, rows, deg=None):
    """Share (0..1) of each pixel (cols[i], rows[i]) of a north-up window that the ``polygons`` cover."""
    x0, dx, _r1, y0, _r2, dy = window_geotransform
    ncols, nrows = int(cols.max()) + 2 if len(cols) else 1, int(rows.max()) + 2 if len(rows) else 1
    x_edges = x0 + dx * np.arange(ncols)
    y_edges = y0 + dy * np.arange(nrows)
    if dx < 0:
        raise ValueError("pixel_shares needs a grid whose columns run east")
    if deg is not None:
        y_edges = _q(np.radians(y_edges * deg))
    area = covered_area(ring_edges(polygons, deg), cols, rows, x_edges, y_edges)
    full = np.abs(np.diff(x_edges))[cols] * np.abs(np.diff(y_edges))[rows]
    return np.clip(area / full, 0.0, 1.0)
