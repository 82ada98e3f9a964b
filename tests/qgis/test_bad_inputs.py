"""The bad-input matrix (tests/qgis/bad_inputs.py) through processing.run and, for marked rows, qgis_process.

Read-only folders need an unprivileged user (root ignores permissions): processing.run rows switch the
effective user to ``nobody`` for the run; qgis_process rows run the whole ``qgis_process`` as ``nobody``
(``runuser``). Without a ``nobody`` user the read-only rows are skipped when the tests run as root.
"""

import contextlib
import hashlib
import math
import os
import pwd
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from bad_inputs import ALGORITHMS, ROWS
from osgeo import gdal
from qgisprocess import QgisProcess
from rasters import write_polygons, write_raster

from t2restore.registry import samples
from t2restore.registry.store import create_registry

ROOT = os.geteuid() == 0


def _nobody():
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


NOBODY = _nobody()


@contextlib.contextmanager
def unprivileged():
    """Run the block as ``nobody`` when root (permissions apply to everybody else already)."""
    if not ROOT:
        yield
        return
    if NOBODY is None:
        pytest.skip("running as root and no 'nobody' user exists: a read-only folder cannot be tested")
    os.setegid(NOBODY.pw_gid)
    os.seteuid(NOBODY.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def _truncated_copy(src, dst):
    """A copy of ``src`` rewritten with its headers first, then cut inside the last band's data."""
    gdal.Translate(str(dst) + ".full.tif", str(src), creationOptions=["COPY_SRC_OVERVIEWS=YES", "INTERLEAVE=BAND"])
    data = Path(str(dst) + ".full.tif").read_bytes()
    os.remove(str(dst) + ".full.tif")
    ds = gdal.Open(str(src))
    band_bytes = ds.RasterXSize * ds.RasterYSize * gdal.GetDataTypeSize(ds.GetRasterBand(1).DataType) // 8
    Path(dst).write_bytes(data[:len(data) - band_bytes // 2 - (band_bytes if ds.RasterCount > 1 else 0)])
    return str(dst)


def _make_files(folder):
    rng = np.random.default_rng(7)
    files = {"lpd": write_raster(folder / "lpd.tif", rng.integers(1, 6, (64, 64)).astype(np.uint8), nodata=0),
             "cover": write_raster(folder / "cover.tif", np.where(rng.random((20, 20)) < 0.7, 3, 1).astype(np.uint8),
                                   nodata=255),
             "ndvi": write_raster(folder / "ndvi.tif", rng.integers(3000, 8000, (10, 32, 32)).astype(np.int16),
                                  nodata=-32768),
             "degraded": write_raster(folder / "degraded.tif", np.full((50, 50), -1, np.int16), epsg=4326,
                                      nodata=-32768, geotransform=(-76.0, 0.001, 0.0, -9.0, 0.0, -0.001)),
             "restoration": write_polygons(folder / "restoration.gpkg", [("r", "POLYGON((-75.99 -9.04,-75.97 -9.04,"
                                                                         "-75.97 -9.02,-75.99 -9.02,-75.99 -9.04))")],
                                           epsg=4326),
             "empty": write_polygons(folder / "empty.gpkg", [])}
    (folder / "truncated").mkdir()
    files["truncated"] = {key: _truncated_copy(files[key], folder / "truncated" / Path(files[key]).name)
                          for key in ("lpd", "ndvi")}
    files["huge"] = str(folder / "huge.vrt")  # 600,000 x 600,000 pixels of nothing: cheap to make, absurd to run
    ds = gdal.GetDriverByName("VRT").Create(files["huge"], 600_000, 600_000, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    ds.SetProjection(gdal.Open(files["lpd"]).GetProjection())
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds = None
    files["registry"] = str(folder / "registro.gpkg")
    files["merged_registry"] = str(folder / "nacional.gpkg")  # not made: a run that is refused must not create it
    with create_registry(files["registry"]) as store:
        for n in range(2):
            store.save_initiative(samples.sample_initiative(n))
    return files


@pytest.fixture(scope="module")
def world():
    """Inputs any user can read and write, output folders any user can write to; removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="t2-bad-inputs-"))
    os.chmod(base, 0o755)  # nosec B103 - test folders shared with the unprivileged user
    (base / "in").mkdir(mode=0o755)
    files = _make_files(base / "in")
    os.chmod(base / "in", 0o777)  # nosec B103 - writable by anybody: only the guards can stop an output landing on an input
    for path in (base / "in").rglob("*"):
        os.chmod(path, 0o777 if path.is_dir() else 0o666)  # nosec B103 - test folders shared with the unprivileged user
    os.chmod(files["huge"], 0o444)  # nosec B103 - GDAL stores a VRT's statistics in the VRT itself when it may
    yield base, files
    for path in base.rglob("*"):
        if path.is_dir():
            os.chmod(path, 0o755)  # nosec B103 - test folders shared with the unprivileged user
    shutil.rmtree(base)


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _pg_database(registry, postgis=True):
    from pg import postgis_database

    return postgis_database(None, "bad", registry=registry, postgis=postgis, initiatives=2 if registry else 0)


# the throw-away PostgreSQL cluster (tests/pg.py) is started only when a row needs one of these
PG_INPUTS = {"pg_registry": lambda: _pg_database(True), "pg_no_registry": lambda: _pg_database(False),
             "pg_no_postgis": lambda: _pg_database(False, postgis=False)}
CONNECTIONS = {"not_a_connection": "Registro que no existe",
               "unreachable_server": "host=127.0.0.1 port=1 dbname=t2r_registro user=t2r connect_timeout=3",
               "no_postgis": "@pg_no_postgis", "not_a_registry": "@pg_no_registry"}


def _resolve(value, files):
    if isinstance(value, list):
        return [_resolve(v, files) for v in value]
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    if value[1:] in PG_INPUTS and value[1:] not in files:
        files[value[1:]] = PG_INPUTS[value[1:]]()
    return files[value[1:]]


def build(alg, kind, files, out_dir):
    """(parameters, output path, the parameter the row is about) of one row."""
    spec = ALGORITHMS[alg]
    params = {key: _resolve(value, files) for key, value in spec["params"].items()}
    key, name = spec["output"] or (None, None)
    out, param = (str(out_dir / name) if name else None), key
    first_input = params.get(spec["input"]) if spec["input"] else files["lpd"]
    first_input = first_input[0] if isinstance(first_input, list) else first_input
    if kind == "output_is_input":
        out = first_input
    elif kind == "readonly_folder":
        (out_dir / "ro").mkdir()
        os.chmod(out_dir / "ro", 0o555)  # nosec B103 - test folders shared with the unprivileged user
        out = str(out_dir / "ro" / name)
    elif kind == "output_under_file":
        out = os.path.join(first_input, "sub", name)
    elif kind == "nan_number":
        param = spec["number"]
        params[param] = math.nan
    elif kind == "empty_layer":
        param = spec["vector"]
        params[param] = files["empty"]
    elif kind in ("missing_file", "truncated_input", "huge_grid"):
        param = spec["input"]
        raw = spec["params"][param]
        raw = raw[0] if isinstance(raw, list) else raw
        bad = {"missing_file": str(out_dir / "missing.tif"), "huge_grid": files["huge"]}.get(kind) \
            or files["truncated"][raw[1:]]
        params[param] = [bad] if isinstance(params[param], list) else bad
    elif kind in CONNECTIONS:
        param = spec["registry"]
        params[param] = _resolve(CONNECTIONS[kind], files)
    if key:
        params[key] = out
    return params, out, param


def _check(message, fragments, param, out, kind, out_dir, before, world_in):
    assert "Unexpected error" not in message and "Traceback" not in message, message
    for fragment in fragments:
        assert fragment.format(param=param) in message, message
    after = _digest(world_in)
    assert {name: after.get(name) for name in before} == before, "an input file changed"
    if kind != "output_is_input" and out:
        assert not os.path.exists(out), f"{out} was written"
    leftovers = [p.name for p in out_dir.rglob("*") if p.is_file()]
    assert leftovers == [], leftovers


def _out_dir(base, alg, kind, via):
    out_dir = base / f"out-{alg}-{kind}-{via}"
    out_dir.mkdir()
    os.chmod(out_dir, 0o777)  # nosec B103 - test folders shared with the unprivileged user
    return out_dir


@pytest.mark.parametrize(("alg", "kind", "fragments", "_via_qp"), ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_processing_run(world, plugin, alg, kind, fragments, _via_qp):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    import processing

    base, files = world
    out_dir = _out_dir(base, alg, kind, "run")
    params, out, param = build(alg, kind, files, out_dir)
    before = _digest(base / "in")
    runner = unprivileged() if kind == "readonly_folder" else contextlib.nullcontext()
    with runner, pytest.raises(QgsProcessingException) as err:
        processing.run(f"t2restore:{alg}", params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    _check(str(err.value), fragments, param, out, kind, out_dir, before, base / "in")


# runuser lives in /usr/sbin, which a chroot's or a service's PATH may lack
RUNUSER = shutil.which("runuser", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))


class NobodyProcess(QgisProcess):
    """qgis_process run as ``nobody`` when the tests run as root (so that permissions apply)."""

    def __init__(self, config_dir, plugin_parent):
        self.prefix = [RUNUSER, "-u", "nobody", "--"] if ROOT else []
        super().__init__(config_dir, plugin_parent)

    def call(self, *args, timeout=300):
        import subprocess  # nosec B404 - fixed executable, argument list, no shell

        from qgisprocess import executable

        return subprocess.run([*self.prefix, executable(), *args], env=self.env, capture_output=True,  # nosec B603
                              text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def qp_nobody(world):
    import t2restore

    if ROOT and (NOBODY is None or not RUNUSER):
        pytest.skip("running as root without a 'nobody' user or runuser: qgis_process cannot run unprivileged")
    base, _files = world
    config = base / "qgis-config"
    config.mkdir(mode=0o777)
    os.chmod(config, 0o777)  # nosec B103 - test folders shared with the unprivileged user
    env_home = base / "home"
    env_home.mkdir(mode=0o777)
    os.chmod(env_home, 0o777)  # nosec B103 - test folders shared with the unprivileged user
    process = NobodyProcess(config, Path(t2restore.__file__).parent.parent)
    process.env["HOME"] = str(env_home)
    process.env["XDG_RUNTIME_DIR"] = str(env_home)
    return process


QP_ROWS = [row for row in ROWS if row[3]]


@pytest.mark.parametrize(("alg", "kind", "fragments", "_via_qp"), QP_ROWS, ids=[f"{r[0]}-{r[1]}" for r in QP_ROWS])
def test_qgis_process(world, qp_nobody, alg, kind, fragments, _via_qp):
    base, files = world
    out_dir = _out_dir(base, alg, kind, "qp")
    params, out, param = build(alg, kind, files, out_dir)
    params = {k: ("nan" if isinstance(v, float) and math.isnan(v) else v) for k, v in params.items()}
    before = _digest(base / "in")
    code, _data, log = qp_nobody.run(f"t2restore:{alg}", **params)
    assert code != 0, log
    _check(log, fragments, param, out, kind, out_dir, before, base / "in")
