"""The commands of ``python3 -m t2restore``: one function per algorithm, the same engine as Processing.

Every command writes the same rasters as the Processing algorithm (tiled GeoTIFF, written then renamed)
and, with ``--table``, the area table as CSV (zone, class, hectares, pixels), written then renamed.
With ``--scheduler`` the blocks are computed on a Dask cluster, with the same bytes.
"""

import csv
import os

from ..algorithms import agreement, fragmentation, ldn, minam, serfor, summary
from ..algorithms.blocks import Grid, open_raster
from ..algorithms.errors import N_, InputError
from . import places


def usage_error(folder):
    return InputError(N_("The shared folder {path} does not exist. Create it (on a disk every Dask worker "
                         "reaches) or leave --shared-folder out to work beside the output."), path=folder)


def write_table(path, rows, header=("zone", "class", "hectares", "pixels")):
    """Rows as CSV, written then renamed (never a half-written table)."""
    tmp = f"{path}.{os.getpid()}.part"
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["nodata" if v is None else repr(v) if isinstance(v, float) else v for v in row])
    os.replace(tmp, path)


def _areas(args, result, what):
    if args.table:
        write_table(args.table, result["areas"].rows())
    print(f"{args.output}: {what}")


def run_ldn(args):
    with places.work_folder(args, args.output) as folder:
        reference = next(p for p in (args.lc_baseline, args.productivity, args.soc_baseline) if p)
        zones = places.zones_raster(args.zones, reference, folder, args.zone_field)
        result = ldn.ldn_degradation(args.output, lc_baseline=args.lc_baseline, lc_target=args.lc_target,
                                     productivity=args.productivity, soc_baseline=args.soc_baseline,
                                     soc_target=args.soc_target, zones=zones, unknown_codes=args.unknown_codes)
    _areas(args, result, f"{result['valid_pixels']} valid pixels; sub-indicators {', '.join(result['used'])}")


def run_area_summary(args):
    with places.work_folder(args, args.table) as folder:
        zones = places.zones_raster(args.zones, args.raster, folder, args.zone_field)
        rows = summary.class_areas(args.raster, band=args.band, zones=zones).rows()
    write_table(args.table, rows)
    print(f"{args.table}: {len(rows)} rows")


def run_minam(args):
    with places.work_folder(args, args.output) as folder:
        reference = next(p for p in (args.lc_baseline, args.cover_loss, args.productivity, args.forest_mask,
                                     args.fragmentation) if p)
        zones = places.zones_raster(args.zones, reference, folder, args.zone_field)
        result = minam.minam_degradation(
            args.output, lc_baseline=args.lc_baseline, lc_target=args.lc_target,
            natural_classes=args.natural_classes, cover_loss=args.cover_loss, productivity=args.productivity,
            forest_mask=args.forest_mask, forest_values=args.forest_values, window=args.window,
            fragmentation=args.fragmentation, zones=zones, indicators_output=args.indicators,
            unknown_codes=args.unknown_codes)
    _areas(args, result, f"{result['valid_pixels']} valid pixels; indicators {', '.join(result['used'])}")


def run_serfor(args):
    with places.work_folder(args, args.output) as folder:
        zones = places.zones_raster(args.zones, args.capability, folder, args.zone_field)
        conservation = None
        if args.conservation:
            grid = Grid.of(open_raster(args.capability))
            conservation = [wkb for _id, wkb in places.polygons(args.conservation, grid)]
        result = serfor.serfor_criteria(
            args.output, args.capability, criteria_output=args.criteria, land_cover=args.land_cover, dem=args.dem,
            conservation=conservation, loss_year=args.loss_year, radius_m=args.radius, zones=zones,
            workdir=folder)
    _areas(args, result, f"{result['valid_pixels']} valid pixels; criteria {', '.join(result['used'])}")


def run_agreement(args):
    with places.work_folder(args, args.output) as folder:
        zones = places.zones_raster(args.zones, args.a, folder, args.zone_field)
        result = agreement.definition_agreement(args.output, args.a, args.b, degraded_a=args.degraded_a,
                                                degraded_b=args.degraded_b, zones=zones)
    whole = result["zones"].get(None, {})
    _areas(args, result, f"overall agreement {whole.get('overall')}; kappa {whole.get('kappa')}")


def run_fragmentation(args):
    result = fragmentation.forest_fragmentation(args.raster, args.output, forest_values=args.forest_values,
                                                window=args.window, pf_output=args.pf, pff_output=args.pff)
    hectares = result["hectares"] or {}
    rows = [(cls, hectares.get(cls, ""), px) for cls, px in result["pixels"].items()]
    if args.table:
        write_table(args.table, rows, ("class", "hectares", "pixels"))
    print(f"{args.output}: {result['forest_pixels']} forest pixels")


def _zone_options(p, table=True):
    p.add_argument("--zones", default=None, help="zones raster, or polygons (GeoPackage, shapefile)")
    p.add_argument("--zone-field", default=None, help="whole-number field of the zone polygons (default: 1, 2, ...)")
    if table:
        p.add_argument("--table", default=None, help="CSV of hectares per zone and class")


def _options(p, names):
    for name in names:
        p.add_argument(f"--{name}", default=None)


def add_commands(sub):
    p = sub.add_parser("ldn", help="SDG 15.3.1 degradation (one out, all out)")
    _options(p, ("lc-baseline", "lc-target", "productivity", "soc-baseline", "soc-target"))
    p.add_argument("--unknown-codes", default="refuse", choices=("refuse", "nodata"))
    _zone_options(p)
    p.add_argument("output")
    p.set_defaults(run=run_ldn)
    p = sub.add_parser("area-summary", help="hectares per class (and zone) of a class raster")
    _zone_options(p, table=False)
    p.add_argument("--band", type=int, default=1)
    p.add_argument("raster")
    p.add_argument("table")
    p.set_defaults(run=run_area_summary)
    p = sub.add_parser("minam", help="MINAM degradation levels")
    _options(p, ("lc-baseline", "lc-target", "natural-classes", "cover-loss", "productivity", "forest-mask",
                 "fragmentation", "indicators"))
    p.add_argument("--forest-values", default="1")
    p.add_argument("--window", type=int, default=3)
    p.add_argument("--unknown-codes", default="refuse", choices=("refuse", "nodata"))
    _zone_options(p)
    p.add_argument("output")
    p.set_defaults(run=run_minam)
    p = sub.add_parser("serfor", help="SERFOR criteria and degraded forest lands")
    p.add_argument("--capability", required=True)
    _options(p, ("land-cover", "dem", "loss-year", "criteria", "conservation"))
    p.add_argument("--radius", type=float, default=None, help="density search radius in metres")
    _zone_options(p)
    p.add_argument("output")
    p.set_defaults(run=run_serfor)
    p = sub.add_parser("agreement", help="agreement of two degradation definitions")
    p.add_argument("--a", required=True)
    p.add_argument("--b", required=True)
    p.add_argument("--degraded-a", default="1")
    p.add_argument("--degraded-b", default="1")
    _zone_options(p)
    p.add_argument("output")
    p.set_defaults(run=run_agreement)
    p = sub.add_parser("fragmentation", help="forest fragmentation (Riitters classes)")
    p.add_argument("--forest-values", default="1")
    p.add_argument("--window", type=int, default=fragmentation.DEFAULT_WINDOW)
    _options(p, ("pf", "pff", "table"))
    p.add_argument("raster")
    p.add_argument("output")
    p.set_defaults(run=run_fragmentation)
