"""Command line of T2 Restore's raster engine, without QGIS: ``python3 -m t2restore COMMAND ...``.

For batch and national runs on a server or a Dask cluster (the folder holding the plugin folder,
named ``t2restore``, on PYTHONPATH; on a cluster, on every worker too). Commands:

    python3 -m t2restore ldn --lc-baseline A.tif --lc-target B.tif --productivity LPD.tif OUT.tif
    python3 -m t2restore area-summary --zones DISTRICTS.gpkg --zone-field UBIGEO CLASSES.tif TABLE.csv
    python3 -m t2restore minam --lc-baseline A.tif --lc-target B.tif --natural-classes 1,2 OUT.tif
    python3 -m t2restore serfor --capability CUM.tif --land-cover LC.tif --loss-year LOSS.tif OUT.tif
    python3 -m t2restore agreement --a MINAM.tif --b SERFOR.tif --degraded-a 1-4 OUT.tif
    python3 -m t2restore fragmentation --forest-values 1 FOREST.tif OUT.tif

Options common to every command: ``--threads N`` (block threads; T2RESTORE_THREADS still wins),
``--scheduler ADDRESS`` (a Dask scheduler, e.g. tcp://10.0.0.5:8786: the workers read the inputs, so
give paths every worker reaches, a shared folder or GDAL's cloud paths such as /vsis3/) and
``--shared-folder DIR`` (where zones given as polygons, and SERFOR's distances, are rasterized while
the command runs: a folder every worker reaches; default: the output's folder).
"""

import argparse
import os
import sys

from .algorithms.block_threads import use_dask, use_threads
from .algorithms.errors import T2Error
from .cli import commands


def parser():
    main = argparse.ArgumentParser(prog="python3 -m t2restore", description=__doc__.splitlines()[0])
    main.add_argument("--threads", type=int, default=None, help="block threads (default: every core)")
    main.add_argument("--scheduler", default=None, help="Dask scheduler address (default: this machine)")
    main.add_argument("--shared-folder", default=None,
                      help="folder every Dask worker reaches, for the rasters made on the way (default: the output's)")
    commands.add_commands(main.add_subparsers(dest="command", required=True))
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        if args.shared_folder and not os.path.isdir(args.shared_folder):
            raise commands.usage_error(args.shared_folder)
        with use_threads(args.threads), use_dask(args.scheduler):
            args.run(args)
    except T2Error as error:
        print(f"t2restore: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
