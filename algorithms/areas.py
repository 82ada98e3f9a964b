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
            out = np.asarray(self.to_laea.TransformPoints(pts.tolist()), dtype=np.float64)[:, :2]
        q = out.reshape(rr.shape + (4, 2))
        q = q - q[..., :1, :]  # shoelace relative to the first corner keeps precision
        x, y = q[..., 0], q[..., 1]
        area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, -1) - np.roll(x, -1, -1) * y, axis=-1))
        return area / 10000.0

    def block(self, xoff, yoff, xsize, ysize):
        """Areas (ha) of the pixels of a window, shape (ysize, xsize)."""
        gt = self.grid.geotransform
        if self.geographic:
            rows = np.arange(yoff, yoff + ysize, dtype=np.float64)
            lat_top = (gt[3] + rows * gt[5]) * self.deg
            lat_bottom = (gt[3] + (rows + 1) * gt[5]) * self.deg
            col = geographic_cell_area_m2(lat_top, lat_bottom, gt[1] * self.deg) / 10000.0
            return np.broadcast_to(col[:, None], (ysize, xsize))
        s = self.step
        i0, i1 = yoff // s, (yoff + ysize - 1) // s + 1
        j0, j1 = xoff // s, (xoff + xsize - 1) // s + 1
        nodes = self._node_areas(np.arange(i0, i1 + 1) * s, np.arange(j0, j1 + 1) * s)
        # Bilinear interpolation between the nodes, first down the node columns (a few values), then
        # along the rows: identical for every block size up to floating-point rounding. Not as matrix
        # products: multi-threaded BLAS (OpenBLAS) rounds differently with its number of threads, and its
        # idle threads spin after each call, which took about a quarter of the CPU of a block run.
        ny, ty = _interpolation(yoff, ysize, s, i0)
        nx, tx = _interpolation(xoff, xsize, s, j0)
        rows = nodes[ny] * (1 - ty)[:, None] + nodes[ny + 1] * ty[:, None]
        return _along_rows(rows, nx, tx)


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
