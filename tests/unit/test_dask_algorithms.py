"""Every algorithm offered on Dask (ldn and area-summary: test_dask_engine.py) gives on a LocalCluster of 2 worker
processes the local engine's rasters, byte for byte, and the same tables and numbers: minam, serfor, agreement,
fragmentation, with a halo narrower than a block and one deeper than a block (each read around its window by
the worker). The command line offers them, zones given as polygons are burnt where the
workers reach them (the output's folder or ``--shared-folder``), never in this machine's temporary folder."""

import hashlib
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr, osr
from rasters import GT_UTM, UTM18S, write_raster

from t2restore.algorithms import agreement, dask_engine, fragmentation, minam, serfor
from t2restore.algorithms.block_threads import use_dask

distributed = pytest.importorskip("distributed", reason="make setup installs python3-distributed (tools/setup.sh)")
SHAPE = (150, 130)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def rasters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    rng = np.random.default_rng(16)
    rows, cols = np.indices(SHAPE)
    forest = (rng.random(SHAPE) < 0.6).astype(np.uint8)
    forest[:3, :5] = 255  # nodata
    arrays = {
        "lcb": (rng.integers(1, 8, SHAPE), 0), "lct": (rng.integers(1, 8, SHAPE), 0),
        "lpd": (rng.integers(0, 6, SHAPE), 0), "forest": (forest, 255),
        "zones": ((rows // 40) * 4 + cols // 40 + 1, None),
        "cap": (rng.integers(1, 6, SHAPE), 0), "lc": (np.ones(SHAPE), 0),
        "loss": ((rng.random(SHAPE) < 0.1) * rng.integers(15, 21, SHAPE), 65535),
        "a": (rng.integers(0, 4, SHAPE), 255), "b": (rng.integers(0, 4, SHAPE), 255),
    }
    types = {"zones": np.int32, "loss": np.uint16}
    paths = {key: write_raster(folder / f"{key}.tif", np.asarray(a).astype(types.get(key, np.uint8)), nodata=nd)
             for key, (a, nd) in arrays.items()}
    dem = 1000 + 0.5 * cols + 0.2 * rows ** 1.5
    paths["dem"] = write_raster(folder / "dem.tif", dem.astype(np.float32), nodata=-9999)
    return paths


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _both(cluster, folder, run):
    """(local, dask): each run(folder / name) -> comparable value (digests, rows, numbers)."""
    out = []
    for name, address in (("local", None), ("dask", cluster)):
        (folder / name).mkdir()
        with use_dask(address):
            out.append(run(folder / name))
    return out


def test_minam_with_derived_fragmentation_is_the_local_engine_byte_for_byte(cluster, rasters, tmp_path):
    def run(folder):
        result = minam.minam_degradation(
            str(folder / "o.tif"), lc_baseline=rasters["lcb"], lc_target=rasters["lct"], natural_classes="1,2",
            productivity=rasters["lpd"], forest_mask=rasters["forest"], window=5, zones=rasters["zones"],
            indicators_output=str(folder / "i.tif"), block_size=48, unknown_codes="nodata")
        return _digest(folder / "o.tif"), _digest(folder / "i.tif"), result["areas"].rows(), result["valid_pixels"]

    local, remote = _both(cluster, tmp_path, run)
    assert len(local[2]) > 20 and remote == local


def test_serfor_with_slope_and_density_is_the_local_engine_byte_for_byte(cluster, rasters, tmp_path):
    def run(folder):
        result = serfor.serfor_criteria(
            str(folder / "o.tif"), rasters["cap"], criteria_output=str(folder / "c.tif"), land_cover=rasters["lc"],
            dem=rasters["dem"], loss_year=rasters["loss"], radius_m=90, zones=rasters["zones"], block_size=48)
        return _digest(folder / "o.tif"), _digest(folder / "c.tif"), result["areas"].rows(), result["valid_pixels"]

    local, remote = _both(cluster, tmp_path, run)
    assert len(local[2]) > 20 and remote == local


def test_agreement_is_the_local_engine_byte_for_byte(cluster, rasters, tmp_path):
    def run(folder):
        result = agreement.definition_agreement(str(folder / "o.tif"), rasters["a"], rasters["b"], degraded_a="1-2",
                                                degraded_b="2-3", zones=rasters["zones"], block_size=48)
        return _digest(folder / "o.tif"), result["areas"].rows(), result["zones"], result["no_degraded"]

    local, remote = _both(cluster, tmp_path, run)
    assert len(local[1]) > 20 and remote == local


@pytest.mark.parametrize("block_size, window", [(48, 5), (4, 11)], ids=["halo within a block", "halo over a block"])
def test_fragmentation_is_the_local_engine_byte_for_byte(cluster, rasters, tmp_path, block_size, window):
    def run(folder):
        result = fragmentation.forest_fragmentation(rasters["forest"], str(folder / "o.tif"), window=window,
                                                    pf_output=str(folder / "pf.tif"), block_size=block_size)
        return _digest(folder / "o.tif"), _digest(folder / "pf.tif"), result["pixels"], result["hectares"]

    local, remote = _both(cluster, tmp_path, run)
    assert sum(px for cls, px in local[2].items() if cls is not None) > 0 and remote == local


def test_a_worker_reads_the_halo_itself_and_blocks_without_one_use_no_neighbours(tmp_path):
    """With a halo, a block is one task reading its own window: no input chunk (its neighbours' or its own) is
    in its graph, so no block waits for others or travels between workers. Without one, its own chunks."""
    pytest.importorskip("dask.array")
    from osgeo import gdal

    from t2restore.algorithms import blocks

    assert dask_engine.reads_own_halo(5) and dask_engine.reads_own_halo(1) and not dask_engine.reads_own_halo(0)
    path = write_raster(tmp_path / "r.tif", np.ones((40, 30), np.uint8), nodata=0)
    grid = blocks.Grid.of(gdal.Open(path))
    wins = list(blocks.windows(grid, 16))

    def reaches_an_input_chunk(halo):
        graph = dask_engine.block_graph([blocks.RasterInput(path)], lambda b: None, grid, halo, wins)
        layers = graph.__dask_graph__().dependencies
        todo, seen = [graph.name], set()
        while todo:
            name = todo.pop()
            seen.add(name)
            todo.extend(dep for dep in layers.get(name, ()) if dep not in seen)
        return any(name.startswith("t2-read") for name in seen)

    assert not reaches_an_input_chunk(2)
    assert not reaches_an_input_chunk(20)  # deeper than a block
    assert reaches_an_input_chunk(0)


def _zone_polygons(path, field_values):
    """Two polygon zones over the left and right halves of the rasters, with an integer field UBIGEO."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(UTM18S)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("zones", srs=srs, geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("UBIGEO", ogr.OFTInteger))
    x0, y0, half, height = GT_UTM[0], GT_UTM[3], SHAPE[1] * 15, SHAPE[0] * 30
    for n, value in enumerate(field_values):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("UBIGEO", value)
        left = x0 + n * half
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({left} {y0},{left + half} {y0},{left + half} {y0 - height},{left} {y0 - height},{left} {y0}))"))
        layer.CreateFeature(feature)
    del layer, ds
    return str(path)


def _cli(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "t2restore"] + args, capture_output=True, text=True, cwd=cwd,
                          check=False)  # nosec B603
    return proc


def _parent():
    import t2restore

    return str(Path(t2restore.__path__[0]).parent)  # the folder holding the package link (tests/conftest.py)


@pytest.mark.parametrize("command", ["minam", "serfor", "agreement", "fragmentation"])
def test_command_line_with_a_scheduler_gives_the_local_bytes(cluster, rasters, tmp_path, command):
    args = {
        "minam": ["minam", "--lc-baseline", rasters["lcb"], "--lc-target", rasters["lct"], "--natural-classes", "1,2",
                  "--productivity", rasters["lpd"], "--unknown-codes", "nodata", "--zones", rasters["zones"]],
        "serfor": ["serfor", "--capability", rasters["cap"], "--land-cover", rasters["lc"], "--loss-year",
                   rasters["loss"], "--radius", "90", "--zones", rasters["zones"]],
        "agreement": ["agreement", "--a", rasters["a"], "--b", rasters["b"], "--degraded-a", "1-2", "--zones",
                      rasters["zones"]],
        "fragmentation": ["fragmentation", "--window", "5", rasters["forest"]],
    }[command]
    runs = []
    for extra in ([], ["--scheduler", cluster]):
        out, table = tmp_path / f"o{len(runs)}.tif", tmp_path / f"t{len(runs)}.csv"
        proc = _cli(extra + args + ["--table", str(table), str(out)], _parent())
        assert proc.returncode == 0, proc.stderr
        runs.append((_digest(out), table.read_bytes()))
    assert runs[0][1].count(b"\n") > 3 and runs[1] == runs[0]


def test_polygon_zones_are_burnt_in_the_shared_folder_not_the_temporary_folder(cluster, rasters, tmp_path, monkeypatch):
    zones = _zone_polygons(tmp_path / "zones.gpkg", (150101, 150102))
    shared, out = tmp_path / "shared", tmp_path / "out"
    shared.mkdir()
    out.mkdir()
    seen = []
    real = dask_engine.RasterReader.__init__

    def spy(self, inp, grid, dtype, run):  # which files the workers are sent to read
        real(self, inp, grid, dtype, run)
        seen.append(self.source)

    monkeypatch.setattr(dask_engine.RasterReader, "__init__", spy)
    from t2restore.__main__ import main

    code = main(["--scheduler", cluster, "--shared-folder", str(shared), "area-summary", "--zones", zones,
                 "--zone-field", "UBIGEO", rasters["lcb"], str(out / "t.csv")])
    assert code == 0
    burnt = [s for s in seen if s.endswith("zones.tif")]
    assert len(burnt) == 1 and Path(burnt[0]).parent.parent == shared
    assert not burnt[0].startswith(tempfile.gettempdir() + "/t2restore-work")
    assert list(shared.iterdir()) == []  # the working folder is removed afterwards
    rows = (out / "t.csv").read_text(encoding="utf-8").splitlines()
    assert {r.split(",")[0] for r in rows[1:]} == {"150101", "150102"}


def test_polygon_zones_go_beside_the_output_by_default(rasters, tmp_path, monkeypatch):
    zones = _zone_polygons(tmp_path / "zones.gpkg", (7, 9))
    made = []
    from t2restore.algorithms import zones as zone_raster
    from t2restore.cli import places

    real = zone_raster.rasterize_zones

    def spy(shapes, grid, path, all_touched=False):
        made.append(path)
        return real(shapes, grid, path, all_touched)

    monkeypatch.setattr(zone_raster, "rasterize_zones", spy)
    from t2restore.__main__ import main

    assert main(["ldn", "--productivity", rasters["lpd"], "--unknown-codes", "nodata", "--zones", zones,
                 "--zone-field", "UBIGEO", "--table", str(tmp_path / "t.csv"), str(tmp_path / "o.tif")]) == 0
    assert len(made) == 1 and Path(made[0]).parent.parent == tmp_path and places is not None
    table = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert "\n7," in table and "\n9," in table


def test_command_line_refuses_a_missing_shared_folder_and_bad_zones(rasters, tmp_path, capsys):
    from t2restore.__main__ import main

    assert main(["--shared-folder", str(tmp_path / "nope"), "fragmentation", rasters["forest"],
                 str(tmp_path / "o.tif")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "z.txt").write_text("not zones", encoding="utf-8")
    assert main(["area-summary", "--zones", str(tmp_path / "z.txt"), rasters["lcb"], str(tmp_path / "t.csv")]) == 2
    assert "as a raster or as polygons" in capsys.readouterr().err
    zones = _zone_polygons(tmp_path / "zones.gpkg", (1, 2))
    assert main(["area-summary", "--zones", zones, "--zone-field", "NAME", rasters["lcb"],
                 str(tmp_path / "t.csv")]) == 2
    assert "no field NAME" in capsys.readouterr().err
    assert not (tmp_path / "t.csv").exists() and not (tmp_path / "o.tif").exists()
