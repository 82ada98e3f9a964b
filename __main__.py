"""Command line of T2 Restore's raster engine, without QGIS: ``python3 -m t2restore COMMAND ...``.

For batch and national runs on a server or a Dask cluster (the folder holding the plugin folder,
named ``t2restore``, on PYTHONPATH; on a cluster, on every worker too). Commands:

    python3 -m t2restore ldn --lc-baseline A.tif --lc-target B.tif --productivity LPD.tif OUT.tif
    python3 -m t2restore area-summary --zones ZONES.tif CLASSES.tif TABLE.csv

Options common to every command: ``--threads N`` (block threads; T2RESTORE_THREADS still wins) and
``--scheduler ADDRESS`` (a Dask scheduler, e.g. tcp://10.0.0.5:8786: the workers read the inputs, so
give paths every worker reaches, a shared folder or GDAL's cloud paths).
"""

import argparse
import csv
import os
import sys

from .algorithms import ldn, summary
from .algorithms.block_threads import use_dask, use_threads
from .algorithms.errors import T2Error


def _ldn(args):
    result = ldn.ldn_degradation(args.output, lc_baseline=args.lc_baseline, lc_target=args.lc_target,
                                 productivity=args.productivity, soc_baseline=args.soc_baseline,
                                 soc_target=args.soc_target, zones=args.zones, unknown_codes=args.unknown_codes)
    if args.table:
        _write_table(args.table, result["areas"].rows())
    print(f"{args.output}: {result['valid_pixels']} valid pixels; sub-indicators {', '.join(result['used'])}")


def _area_summary(args):
    acc = summary.class_areas(args.raster, zones=args.zones)
    _write_table(args.table, acc.rows())
    print(f"{args.table}: {len(acc.rows())} rows")


def _write_table(path, rows):
    """zone, class, hectares, pixels as CSV, written then renamed (never a half-written table)."""
    tmp = f"{path}.{os.getpid()}.part"
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["zone", "class", "hectares", "pixels"])
        for zone, cls, ha, px in rows:
            writer.writerow([zone, "nodata" if cls is None else cls, repr(ha), px])
    os.replace(tmp, path)


def parser():
    main = argparse.ArgumentParser(prog="python3 -m t2restore", description=__doc__.splitlines()[0])
    main.add_argument("--threads", type=int, default=None, help="block threads (default: every core)")
    main.add_argument("--scheduler", default=None, help="Dask scheduler address (default: this machine)")
    commands = main.add_subparsers(dest="command", required=True)
    p = commands.add_parser("ldn", help="SDG 15.3.1 degradation (one out, all out)")
    for name in ("lc-baseline", "lc-target", "productivity", "soc-baseline", "soc-target", "zones", "table"):
        p.add_argument(f"--{name}", default=None)
    p.add_argument("--unknown-codes", default="refuse", choices=("refuse", "nodata"))
    p.add_argument("output")
    p.set_defaults(run=_ldn)
    p = commands.add_parser("area-summary", help="hectares per class (and zone) of a class raster")
    p.add_argument("--zones", default=None)
    p.add_argument("raster")
    p.add_argument("table")
    p.set_defaults(run=_area_summary)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        with use_threads(args.threads), use_dask(args.scheduler):
            args.run(args)
    except T2Error as error:
        print(f"t2restore: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
