"""Deterministic generator of a synthetic Andes-Amazon demo region (EPSG:32718, UTM 18S).

Why: T2 Restore needs demo data that looks like central Peru (Huánuco, Pasco, Ucayali) for the
tutorial, the tests and the benchmarks, without shipping real (large, licensed, changing) national
data. Everything here is synthetic but shaped like the real landscape: puna and a glaciated peak in
the west, a deep inter-Andean valley with cropland and towns, the eastern Andean slope with montane
forest, and the Amazon lowland with a meandering river, palm swamps (aguajales), a road and
deforestation fronts along it.

Design, and why:

* Memory is bounded whatever the size (benchmarks write 20000 x 20000 rasters): the rasters are
  computed window by window, and every value is a pure function of the global pixel coordinates,
  the seed and the size. Smooth randomness is *value noise*: per octave, a coarse lattice of hashed
  random values (never stored globally, only the few nodes one window needs) summed on the finest
  lattice and interpolated per pixel. Hence the output is bit-identical whatever the block size.
* Only exactly rounded arithmetic (+ - * / sqrt, comparisons) touches per-pixel arrays, never
  exp/sin, whose SIMD and scalar code paths may differ in the last bit; with the integer hash
  (no numpy random streams) a seed gives the same maps on numpy 1.x and 2.x.
* The geography is laid out in coordinates relative to the extent, so every size shows the same
  landscape (a small raster is a coarse view of a large one) and even a 256 x 256 raster holds all
  classes. Physical widths (rivers, roads) have a floor of about one pixel.
* Each output is a small function registered in a table (``RASTER_LAYERS``, ``FILE_LAYERS``) that
  reads shared driver fields from a ``Block`` (elevation, slope, distances to road and river,
  deforestation year, ...), each computed once per window however many layers use it; new layers
  plug in the same way, and ``layers=`` picks a subset.
* The annual NDVI series (``ndvi``, one Int16 band per year 2001-2023) follows each year's land
  cover, so it drops in the forest-loss year, declines where the LPD map says degrading, and
  recovers where clearings regrow; a few years have cloud gaps.
* The vector layers (protected areas, the MINAM and SERFOR restoration gaps, restoration
  initiatives) are derived from a ``Landscape``: the same fields on an analysis grid of at most
  ``VECTOR_GRID`` cells (the raster grid itself up to that size), so they agree with the rasters
  and take a few seconds at most whatever the size.

The package, by theme: ``legends`` (constants, class legends, look-up tables), ``noise`` (hashing,
value noise), ``world`` (the region's curves and fixed features), ``terrain``, ``land_cover`` and
``productivity`` (the fields of one window, combined in ``block.Block``), ``catalog`` (the layer
tables), ``raster_layers``, ``zones``, ``landscape`` (the analysis grid behind the vector layers),
``gaps`` (protected areas, restoration gaps), ``initiatives``, ``vector_io`` and ``writing``. This
module runs them: ``generate()`` and the command line.

Run ``python3 sample_data/generate.py OUT_DIR --size 512 --seed 2030`` or call ``generate()``.
"""

import argparse
import importlib
import json
import os
import sys

if not __package__:
    # Run as a script (``python3 sample_data/generate.py``): load this folder as a package under a
    # private name so that the relative imports below work, without putting the plugin root (whose
    # processing/ would shadow QGIS's) or this folder (whose module names are generic) on sys.path.
    import importlib.util

    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    _spec = importlib.util.spec_from_file_location("_t2restore_sample_data", os.path.join(_here, "__init__.py"),
                                                   submodule_search_locations=[_here])
    sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_spec.name])
    __package__ = _spec.name

from osgeo import gdal

from .block import Block
from .catalog import FILE_LAYERS, RASTER_LAYERS, FileLayer, RasterLayer, file_layer, raster_layer
from .landscape import VECTOR_GRID, Landscape, clear_landscapes
from .legends import (
    BASELINE_YEAR,
    CAPABILITY_CLASSES,
    DEFAULT_BLOCK,
    EPSG,
    FIRST_LOSS_YEAR,
    FOREST_NAT,
    GDAL_CACHE_BYTES,
    GENERATOR_VERSION,
    LOSS_NODATA,
    LPD_CLASSES,
    NATIONAL_CLASSES,
    NDVI_BY_CLASS,
    NDVI_CLOUD_YEARS,
    NDVI_DROUGHT_YEARS,
    NDVI_FIRST_YEAR,
    NDVI_NODATA,
    NDVI_SCALE,
    NDVI_YEARS,
    ORIGIN,
    SOC_NODATA,
    SOC_REFERENCE,
    TARGET_YEAR,
    TILE,
    UNCCD_CLASSES,
    WATER,
)
from .world import World
from .writing import gdal_cache, gdal_exceptions, manifest_entry, write_rasters

# The layer modules register their layers in ``catalog`` when imported: in this order, which is the
# order of the layers in the manifest and on the command line.
LAYER_MODULES = ("raster_layers", "zones", "gaps", "initiatives")
for _module in LAYER_MODULES:
    importlib.import_module(f".{_module}", __package__)

# The interface of ``t2restore.sample_data.generate`` (tests, benchmarks, tools/demo.py).
__all__ = [
    "generate", "main", "World", "Block", "Landscape", "VECTOR_GRID", "RASTER_LAYERS", "FILE_LAYERS",
    "RasterLayer", "FileLayer", "raster_layer", "file_layer", "GENERATOR_VERSION", "EPSG", "ORIGIN",
    "BASELINE_YEAR", "TARGET_YEAR", "FIRST_LOSS_YEAR", "TILE", "DEFAULT_BLOCK", "GDAL_CACHE_BYTES",
    "UNCCD_CLASSES", "NATIONAL_CLASSES", "LPD_CLASSES", "CAPABILITY_CLASSES", "SOC_REFERENCE", "FOREST_NAT",
    "WATER", "SOC_NODATA", "LOSS_NODATA", "NDVI_FIRST_YEAR", "NDVI_YEARS", "NDVI_SCALE", "NDVI_NODATA",
    "NDVI_CLOUD_YEARS", "NDVI_DROUGHT_YEARS", "NDVI_BY_CLASS",
]


def generate(out_dir, size=512, seed=2030, pixel_size=30.0, layers=None, *, block_size=DEFAULT_BLOCK,
             verbose=True):
    """Write the demo region into ``out_dir``; return {layer name: absolute path}.

    ``size`` is the width and height in pixels, ``pixel_size`` in metres; the landscape is laid out
    relative to the extent, so any size shows the same region. ``layers`` is an iterable of names
    from ``RASTER_LAYERS`` and ``FILE_LAYERS`` (all when None). ``block_size`` changes only speed
    and memory (about 90 float32 arrays of block_size^2 with the NDVI series, plus GDAL's cache,
    capped at ``GDAL_CACHE_BYTES`` while writing), never the output. ``out_dir/manifest.json``
    records the parameters and every layer's file, type, nodata and legend (and, for the NDVI
    series, its years; for GeoPackages, their layers).
    """
    names = _layer_names(layers)
    if int(block_size) < 1:
        raise ValueError("block_size must be positive")
    log = print if verbose else (lambda *_: None)
    world = World(size, seed, pixel_size)
    out_dir = os.path.abspath(os.fspath(out_dir))
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    manifest_layers = {}
    with gdal_exceptions(), gdal_cache(GDAL_CACHE_BYTES):
        specs = [RASTER_LAYERS[name] for name in names if name in RASTER_LAYERS]
        if specs:
            written, seconds = write_rasters(world, specs, out_dir, int(block_size), log)
            paths.update(written)
            mpx = world.size**2 / 1e6
            log(f"{len(specs)} rasters of {world.size} x {world.size} in {seconds:.1f} s "
                f"({mpx * len(specs) / max(seconds, 1e-9):.1f} Mpx/s per layer)")
            for spec in specs:
                manifest_layers[spec.name] = _raster_entry(spec, written[spec.name], out_dir)
        for name in names:
            if name in FILE_LAYERS:
                spec = FILE_LAYERS[name]
                paths[name] = spec.func(world, out_dir)
                log(f"wrote {paths[name]}")
                manifest_layers[name] = manifest_entry(name, paths[name], out_dir, kind=spec.kind,
                                                       description=spec.description, **(spec.manifest or {}))
        clear_landscapes()
    manifest_path = os.path.join(out_dir, "manifest.json")
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(_manifest(world, manifest_layers), f, ensure_ascii=False, indent=2)
    log(f"wrote {manifest_path}")
    return paths


def _layer_names(layers):
    """The names of the layers to write (all when None), every one known."""
    names = list(RASTER_LAYERS) + list(FILE_LAYERS) if layers is None else list(layers)
    unknown = [name for name in names if name not in RASTER_LAYERS and name not in FILE_LAYERS]
    if unknown:
        raise ValueError(f"unknown layers {unknown}; known: {sorted(RASTER_LAYERS) + sorted(FILE_LAYERS)}")
    return names


def _raster_entry(spec, path, out_dir):
    """The manifest entry of a raster layer: file, type, nodata, description, legend, bands."""
    extra = {"kind": "raster", "dtype": gdal.GetDataTypeName(spec.dtype), "nodata": spec.nodata,
             "description": spec.description}
    if spec.classes:
        extra["classes"] = {str(k): v[0] for k, v in spec.classes.items()}
    if spec.bands > 1:
        extra["bands"] = spec.bands
    if spec.band_names:
        extra["band_names"] = list(spec.band_names)
    extra.update(spec.manifest or {})
    return manifest_entry(spec.name, path, out_dir, **extra)


def _manifest(world, layers):
    return {
        "generator": "t2restore.sample_data.generate",
        "version": GENERATOR_VERSION,
        "synthetic": True,
        "crs": f"EPSG:{EPSG}",
        "size": world.size,
        "seed": world.seed,
        "pixel_size": world.pixel_size,
        "origin": list(world.origin),
        "extent": [world.origin[0], world.origin[1] - world.extent_m,
                   world.origin[0] + world.extent_m, world.origin[1]],
        "baseline_year": BASELINE_YEAR,
        "target_year": TARGET_YEAR,
        "layers": layers,
    }


def main(argv=None):
    """Command line: ``generate.py OUT_DIR [--size N] [--seed S] [--pixel-size M] [--layers a,b]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--size", type=int, default=512, help="raster width and height in pixels")
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--pixel-size", type=float, default=30.0, help="metres")
    parser.add_argument("--layers", help="comma-separated subset of: "
                        + ", ".join(list(RASTER_LAYERS) + list(FILE_LAYERS)))
    parser.add_argument("--block-size", type=int, default=DEFAULT_BLOCK,
                        help="window edge in pixels (memory/speed only, not the output)")
    args = parser.parse_args(argv)
    layers = [name.strip() for name in args.layers.split(",") if name.strip()] if args.layers else None
    try:
        generate(args.out_dir, args.size, args.seed, args.pixel_size, layers, block_size=args.block_size)
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
