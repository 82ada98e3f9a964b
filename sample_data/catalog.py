"""The layer catalogue. A raster layer is a function Block -> array (2-D, or 3-D bands-first for
``bands`` > 1, e.g. ``ndvi``, with ``band_names`` and extra ``manifest`` entries); a file layer is a
function (World, out_dir) -> path (vector layers built from ``landscape.landscape_of(world)``).

Modules register their layers with the decorators below when they are imported; ``generate.py``
imports them in a fixed order, which is the order of the layers in the manifest.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RasterLayer:
    name: str
    func: object
    dtype: int
    nodata: float
    description: str
    classes: dict = None
    bands: int = 1
    band_names: tuple = None  # band descriptions (e.g. the years of a series)
    manifest: dict = None  # extra manifest entries (e.g. the first year of a series)


@dataclass(frozen=True)
class FileLayer:
    name: str
    func: object  # (World, out_dir) -> path
    kind: str  # "table" or "vector"
    description: str
    manifest: dict = None  # extra manifest entries (e.g. the layers of a GeoPackage)


RASTER_LAYERS = {}
FILE_LAYERS = {}


def raster_layer(name, dtype, nodata, description, classes=None, bands=1, band_names=None, manifest=None):
    """Register a raster layer generator (decorator)."""
    def register(func):
        RASTER_LAYERS[name] = RasterLayer(name, func, dtype, nodata, description, classes, bands, band_names,
                                          manifest)
        return func
    return register


def file_layer(name, kind, description, manifest=None):
    """Register a non-raster output (CSV table, GeoPackage vector) generator (decorator)."""
    def register(func):
        FILE_LAYERS[name] = FileLayer(name, func, kind, description, manifest)
        return func
    return register

