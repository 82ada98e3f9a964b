"""What the benchmarks share: the package link, measured child processes, GRASS and QGIS start-up, results.

The bench_*.py scripts import this module by its name (their own folder is first on ``sys.path``).
"""

import json
import os
import shutil
import subprocess  # nosec B404 - fixed commands, argument lists, no shell
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def say(text):
    """A progress line of the benchmark, printed at once."""
    print(f"bench: {text}", flush=True)


def package_parent():
    """bench/.pkg, holding a ``t2restore`` link to the plugin folder: put it on sys.path to import the plugin."""
    parent = HERE / ".pkg"
    parent.mkdir(exist_ok=True)
    link = parent / "t2restore"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    return parent


def work_folder(path):
    """The benchmark's work folder as a Path (made when missing), with the package link ready."""
    package_parent()
    work = Path(path)
    work.mkdir(parents=True, exist_ok=True)
    return work


@dataclass
class Measured:
    """One command run in its own process under _measure.py."""

    wall: float  # seconds seen from here (the _measure.py start-up included)
    seconds: float  # seconds _measure.py saw around the command
    peak_mb: float  # the command's peak RSS (max resident set size)
    stdout: str
    cpu: float = 0.0  # the command's CPU seconds, user + system, every thread

    def child_json(self):
        """The last JSON line the command itself printed ({} when none)."""
        lines = [line for line in self.stdout.splitlines() if line.startswith("{")]
        return json.loads(lines[-2]) if len(lines) > 1 else {}


def measure(cmd, label=None):
    """Run ``cmd`` in a fresh process under _measure.py, so that its peak memory is its own."""
    start = time.perf_counter()
    proc = subprocess.run([PY, str(HERE / "_measure.py"), "--"] + cmd, capture_output=True, text=True,  # nosec B603
                          check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{label or cmd[:3]} failed:\n{proc.stderr[-3000:]}{proc.stdout[-2000:]}")
    data = json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])
    return Measured(wall, data["seconds"], data["max_rss_mb"], proc.stdout, data.get("cpu_seconds", 0.0))


def demo_region(folder, size, layers):
    """The demo region generator's ``layers`` at ``size`` x ``size`` pixels in ``folder``, unless already there."""
    if not (folder / "manifest.json").exists():
        say(f"generating the demo region at {size} x {size} pixels in {folder} ...")
        start = time.perf_counter()
        subprocess.run([PY, str(ROOT / "sample_data" / "generate.py"), str(folder), "--size", str(size),  # nosec B603
                        "--layers", ",".join(layers)], check=True, stdout=subprocess.DEVNULL)
        say(f"generated in {time.perf_counter() - start:.0f} s")


def run_grass_worker(script, location, args):
    """Run ``script --grass-worker ARGS`` inside ``grass --tmp-location LOCATION``; the JSON it prints last."""
    grass = shutil.which("grass")
    if grass is None:
        raise RuntimeError("GRASS GIS not found: apt-get install grass-core")
    cmd = [grass, "--tmp-location", location, "--exec", "/usr/bin/python3", str(Path(script).resolve()),
           "--grass-worker"] + args
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, GRASS_OVERWRITE="1"),  # nosec B603
                          check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"GRASS failed:\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1])


def start_qgis():
    """A headless QGIS application with Processing initialized (keep the result alive)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def start_plugin():
    """(QGIS application, T2 Restore plugin) with the plugin's Processing provider loaded: keep both alive."""
    sys.path.insert(0, str(package_parent()))
    app = start_qgis()
    import t2restore

    plugin = t2restore.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def run_timed(alg_id, params):
    """(results, seconds) of one ``processing.run`` with a fresh context and feedback."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    import processing

    start = time.perf_counter()
    results = processing.run(alg_id, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    return results, time.perf_counter() - start


def noise_rows(lattice, cell, row0, nrows, xsize):
    """Bilinear value noise (smoothstep weights) from a coarse random lattice, for rows row0..row0+nrows."""
    import numpy as np

    r = (np.arange(row0, row0 + nrows) + 0.5) / cell
    c = (np.arange(xsize) + 0.5) / cell
    r0, c0 = np.floor(r).astype(int), np.floor(c).astype(int)
    fr, fc = r - r0, c - c0
    fr, fc = fr * fr * (3 - 2 * fr), fc * fc * (3 - 2 * fc)
    a = lattice[np.ix_(r0, c0)]
    b = lattice[np.ix_(r0, c0 + 1)]
    d = lattice[np.ix_(r0 + 1, c0)]
    e = lattice[np.ix_(r0 + 1, c0 + 1)]
    top = a + (b - a) * fc[None, :]
    bottom = d + (e - d) * fc[None, :]
    return top + (bottom - top) * fr[:, None]


def write_results(name, results):
    """bench/results/NAME.json, and the same JSON printed."""
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def differing_pixels(a, b):
    """Number of pixels where band 1 of the rasters ``a`` and ``b`` differ, read window by window."""
    from osgeo import gdal

    da, db = gdal.Open(str(a)), gdal.Open(str(b))
    ba, bb = da.GetRasterBand(1), db.GetRasterBand(1)
    diff = 0
    for y in range(0, da.RasterYSize, 1024):
        h = min(1024, da.RasterYSize - y)
        diff += int((ba.ReadAsArray(0, y, da.RasterXSize, h) != bb.ReadAsArray(0, y, da.RasterXSize, h)).sum())
    return diff
