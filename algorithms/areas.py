"""Cell areas in hectares on the WGS 84 ellipsoid, for any CRS (METHODS.md section 7).

Why not pixel width x height: in a geographic CRS a cell's area shrinks with latitude, and in a
projected CRS the scale factor varies across the map (0.66 % over a department such as Puno in a
single UTM zone). Geographic grids get the exact area of each row's cells on the ellipsoid;
projected grids get the ellipsoidal area of the cell evaluated at nodes of a coarse lattice (every
``step`` pixels, anchored at the raster origin so values never depend on the block size) and
interpolated bilinearly, which keeps the error far below 0.01 %.
"""

import math
import threading

import numpy as np
from osgeo import osr

from .errors import N_, InputError
from .geometry import wgs84

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_B = WGS84_A * (1 - WGS84_F)
WGS84_E2 = WGS84_F * (2 - WGS84_F)
WGS84_E = math.sqrt(WGS84_E2)

AREA_METHOD = "WGS 84 ellipsoid"


def _q(lat_rad):
    s = np.sin(lat_rad)
    return s / (1 - WGS84_E2 * s * s) + np.log((1 + WGS84_E * s) / (1 - WGS84_E * s)) / (2 * WGS84_E)


def geographic_cell_area_m2(lat1_deg, lat2_deg, dlon_deg):
    """Exact area of the ellipsoidal quadrangle between two latitudes spanning ``dlon_deg``."""
    lat1 = np.radians(np.asarray(lat1_deg, dtype=np.float64))
    lat2 = np.radians(np.asarray(lat2_deg, dtype=np.float64))
    return np.abs(WGS84_B ** 2 * math.radians(abs(dlon_deg)) / 2 * (_q(lat2) - _q(lat1)))


def wgs84_centred(proj, lon0, lat0):
    """The PROJ projection ``proj`` (e.g. laea, aeqd) on the WGS 84 ellipsoid centred on (lon0, lat0), in metres."""
    srs = osr.SpatialReference()
    srs.ImportFromProj4(f"+proj={proj} +lat_0={lat0:.8f} +lon_0={lon0:.8f} +ellps=WGS84 +units=m +no_defs")
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class CellAreas:
    """Per-pixel areas (hectares) of a grid, computed window by window."""

    def __init__(self, grid, step=64):
        self.grid = grid
        self.step = step
        gt = grid.geotransform
        if not grid.crs_wkt:
            raise InputError(N_("The raster has no coordinate reference system, so its areas cannot be "
                                "computed. Assign its CRS (Layer properties > Source) and run again."))
        srs = grid.srs()
        self.geographic = bool(srs.IsGeographic()) and gt[2] == 0 and gt[4] == 0
        if self.geographic:
            self.deg = srs.GetAngularUnits() * 180 / math.pi
            return
        xmin, ymin, xmax, ymax = grid.bounds()
        to_geo = osr.CoordinateTransformation(srs, wgs84())
        lon0, lat0 = to_geo.TransformPoint((xmin + xmax) / 2, (ymin + ymax) / 2)[:2]
        self.to_laea = osr.CoordinateTransformation(srs, wgs84_centred("laea", lon0, lat0))
        self.lock = threading.Lock()  # a PROJ transformation is not safe in two threads at once
        self.node_rows = {}  # lattice row -> areas of its nodes across the whole grid, made once

    def __getstate__(self):  # sent to a Dask worker: rebuilt there (a PROJ transformation does not pickle)
        return {"grid": self.grid, "step": self.step}

    def __setstate__(self, state):
        self.__init__(state["grid"], state["step"])

    def _node_areas(self, rows, cols):
        """Ellipsoidal area (ha) of the pixel whose top-left corner is (row, col), on a lattice."""
        gt = self.grid.geotransform
        rr, cc = np.meshgrid(rows.astype(np.float64), cols.astype(np.float64), indexing="ij")
        corners = [(0, 0), (0, 1), (1, 1), (1, 0)]
        xs, ys = [], []
        for dr, dc in corners:
            r, c = rr + dr, cc + dc
            xs.append(gt[0] + c * gt[1] + r * gt[2])
            ys.append(gt[3] + c * gt[4] + r * gt[5])
        pts = np.stack([np.stack(xs, -1), np.stack(ys, -1)], -1).reshape(-1, 2)
        with self.lock:
            try:  # an (n, 2) array directly: a third faster than a list, where GDAL's bindings take one
                out = np.asarray(self.to_laea.TransformPoints(pts), dtype=np.float64)[:, :2]
            except (TypeError, ValueError):
                out = np.asarray(self.to_laea.TransformPoints(pts.tolist()), dtype=np.float64)[:, :2]
        q = out.reshape(rr.shape + (4, 2))
        q = q - q[..., :1, :]  # shoelace relative to the first corner keeps precision
        x, y = q[..., 0], q[..., 1]
        area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, -1) - np.roll(x, -1, -1) * y, axis=-1))
        return area / 10000.0

    def _lattice(self, i0, i1, j0, j1):
        """Areas of the nodes of lattice rows i0..i1 and columns j0..j1, each lattice row computed once per grid
        (a megapixel block asked for 17 x 17 nodes, 1.2 ms, and every block along a row asked for the same)."""
        missing = [i for i in range(i0, i1 + 1) if i not in self.node_rows]
        if missing:
            cols = np.arange((self.grid.xsize - 1) // self.step + 2) * self.step
            rows = self._node_areas(np.array(missing) * self.step, cols)
            with self.lock:
                self.node_rows.update(zip(missing, rows))
        return np.stack([self.node_rows[i][j0:j1 + 1] for i in range(i0, i1 + 1)])

    def block(self, xoff, yoff, xsize, ysize):
        """Areas (ha) of the pixels of a window, shape (ysize, xsize)."""
        if self.geographic:
            return np.broadcast_to(self._row_areas(yoff, ysize)[:, None], (ysize, xsize))
        s = self.step
        i0, i1 = yoff // s, (yoff + ysize - 1) // s + 1
        j0, j1 = xoff // s, (xoff + xsize - 1) // s + 1
        nodes = self._lattice(i0, i1, j0, j1)
        # Bilinear interpolation between the nodes, first down the node columns (a few values), then
        # along the rows: identical for every block size up to floating-point rounding. Not as matrix
        # products: multi-threaded BLAS (OpenBLAS) rounds differently with its number of threads, and its
        # idle threads spin after each call, which took about a quarter of the CPU of a block run.
        ny, ty = _interpolation(yoff, ysize, s, i0)
        nx, tx = _interpolation(xoff, xsize, s, j0)
        rows = nodes[ny] * (1 - ty)[:, None] + nodes[ny + 1] * ty[:, None]
        return _along_rows(rows, nx, tx)

    def _row_areas(self, yoff, ysize):
        """Geographic grids: the area (ha) of a cell of each row of a window."""
        gt = self.grid.geotransform
        rows = np.arange(yoff, yoff + ysize, dtype=np.float64)
        lat_top = (gt[3] + rows * gt[5]) * self.deg
        lat_bottom = (gt[3] + (rows + 1) * gt[5]) * self.deg
        return geographic_cell_area_m2(lat_top, lat_bottom, gt[1] * self.deg) / 10000.0

    def code_sums(self, codes, ncodes, xoff, yoff):
        """(hectares, pixels) of each code 0..ncodes-1 of the window ``codes`` (a 2-D array of small non-negative
        integers) at (xoff, yoff): the sums of ``block`` over each code's pixels, without making per-pixel areas;
        None when a code is outside 0..ncodes-1 or the lattice is coarser than ``_band_counts`` packs (the caller
        then sums per-pixel areas, ``AreaAccumulator.add_cell_codes``).

        Why: making the areas of a megapixel block and adding them up by code took 13 ms, half of the LDN block
        function. Between two rows of lattice nodes the area is a0(x) + ty (a1(x) - a0(x)), ty = k / step, so a
        code's sum over those rows needs only, per column, how many of its pixels there are (n) and the sum of
        their k (m): a0 . n + (a1 - a0) . m / step. n and m are whole numbers, counted exactly (those of the most
        frequent code by subtraction), so the sums do not depend on the order of the pixels (threads), only on
        rounding for the block size. Geographic grids: per row, the cell area times the code's pixels in the row.
        """
        codes = np.asarray(codes)
        if not self.geographic and self.step > 64:
            return None
        pixels = np.array([np.count_nonzero(codes == code) for code in range(ncodes)], np.int64)
        if int(pixels.sum()) != codes.size:
            return None
        hectares = np.zeros(ncodes)
        main = int(np.argmax(pixels))
        others = [code for code in range(ncodes) if pixels[code] and code != main]
        if self.geographic:
            areas = self._row_areas(yoff, codes.shape[0])
            rest = np.full(codes.shape[0], codes.shape[1], np.int64)
            for code in others:
                count = np.count_nonzero(codes == code, axis=1)
                rest -= count
                hectares[code] = float(np.sum(areas * count))
            hectares[main] = float(np.sum(areas * rest))
            return hectares, pixels
        for rows, k, a0, slope in self._bands(xoff, yoff, *codes.shape[::-1]):
            for code, (n, m) in _band_counts(codes[rows], k, main, others).items():
                hectares[code] += float(np.sum(a0 * n) + np.sum(slope * m))
        return hectares, pixels

    def _bands(self, xoff, yoff, xsize, ysize, group=4):
        """The window's rows between rows of lattice nodes, as pieces: (their rows in the window, each row's
        position k after the upper node row (a uint16 column), the upper node rows' areas at the window's
        columns (one row per band), their change per row). Up to ``group`` whole bands make one piece (their
        rows have the same k): fewer, larger array operations, which two threads share better."""
        s = self.step
        i0, i1 = yoff // s, (yoff + ysize - 1) // s + 1
        j0, j1 = xoff // s, (xoff + xsize - 1) // s + 1
        nodes = self._lattice(i0, i1, j0, j1)
        nx, tx = _interpolation(xoff, xsize, s, j0)
        node_rows = nodes[:, nx] * (1 - tx) + nodes[:, nx + 1] * tx
        slopes = np.diff(node_rows, axis=0) / s

        def rows_of(band):
            return max(0, (i0 + band) * s - yoff), min(ysize, (i0 + band + 1) * s - yoff)

        def whole(band):
            top, bottom = rows_of(band)
            return bottom - top == s

        band = 0
        while band < i1 - i0:
            top, bottom = rows_of(band)
            count = 1
            while count < group and band + count < i1 - i0 and whole(band) and whole(band + count):
                count += 1
            first = yoff + top - (i0 + band) * s
            k = np.arange(first, first + bottom - top, dtype=np.uint16)[:, None]
            yield (slice(top, top + count * (bottom - top)), k, node_rows[band:band + count],
                   slopes[band:band + count])
            band += count


def _band_counts(piece, k, main, others):
    """{code: (n, m)} per band and column of the rows ``piece`` (one or more whole bands of ``k.size`` rows):
    n its pixels, m the sum of their k (rows' positions in the band, a uint16 column, k < 64). Each pixel of a
    code weighs 1 + 128 k, so one sum down each column of a band gives both (n in the low 7 bits); the most
    frequent code ``main`` gets what the ``others`` leave, by exact subtraction."""
    piece = piece.reshape(-1, k.size, piece.shape[-1])
    mask = np.empty(piece.shape, bool)
    weights = np.empty(piece.shape, np.uint16)
    packed = (1 + 128 * k).astype(np.uint16)
    n_left = np.full((piece.shape[0], piece.shape[2]), k.size, np.int64)
    m_left = np.full(n_left.shape, int(k.sum()), np.int64)
    out = {}
    for code in others:
        np.equal(piece, code, out=mask)
        np.multiply(mask, packed, out=weights)
        sums = weights.sum(axis=1, dtype=np.uint32)
        n, m = sums & 127, sums >> 7
        n_left -= n
        m_left -= m
        out[code] = (n, m)
    out[main] = (n_left, m_left)
    return out


def _along_rows(rows, nx, tx, strip=64):
    """``take(rows, nx) * (1 - tx) + take(rows, nx + 1) * tx`` (the same operations, so the same values), made
    ``strip`` rows at a time into one array: the temporaries stay in the processor's cache (a third faster)."""
    out = np.empty((rows.shape[0], tx.size))
    w0, nx1 = 1 - tx, nx + 1
    tmp = np.empty((min(strip, rows.shape[0]), tx.size))
    for y in range(0, rows.shape[0], strip):
        part, src = out[y:y + strip], rows[y:y + strip]
        after = tmp[:part.shape[0]]
        np.take(src, nx, axis=1, out=part, mode="clip")
        part *= w0
        np.take(src, nx1, axis=1, out=after, mode="clip")
        after *= tx
        part += after
    return out


def _interpolation(start, count, step, first_node):
    """(index of the node before, weight of the node after) of pixels start..start+count-1 between nodes."""
    idx = np.arange(start, start + count)
    return idx // step - first_node, (idx % step) / step


def crs_description(wkt):
    """Short CRS label for summary tables ("EPSG:32718 WGS 84 / UTM zone 18S")."""
    if not wkt:
        return "(none)"
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    name = srs.GetName() or ""
    auth, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return f"{auth}:{code} {name}".strip() if auth and code else name
