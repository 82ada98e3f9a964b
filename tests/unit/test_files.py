"""Output files of the block engine: leftovers of killed runs, size and disk checks, sidecars, OS errors.

The kill test runs real processes killed with SIGKILL (nothing of theirs can run on the way out).
"""

import os
import signal
import subprocess  # nosec B404 - the test's own interpreter, argument list, no shell
import sys
import textwrap
import time
from collections import namedtuple
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from t2restore.algorithms import blocks, files
from t2restore.algorithms.errors import InputError

GRID = blocks.Grid(40, 30, (400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0), "")

CHILD = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from t2restore.algorithms import blocks, files

    out, parent = sys.argv[2], sys.argv[3]
    grid = blocks.Grid(40, 30, (400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0), "")
    with files.work_directory(parent) as workdir:
        with open(os.path.join(workdir, "zones.tif"), "wb") as fh:
            fh.write(b"x" * 1000)

        def func(block):
            print("READY", workdir, flush=True)
            time.sleep(120)

        blocks.run_blocks([], func, [blocks.RasterOutput(out, "uint8", 0)], grid=grid, block_size=16)
""")


def _start(tmp_path, out, parent):
    import t2restore

    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(Path(t2restore.__file__).parent.parent), str(out),  # nosec B603
                             str(parent)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().split()
    assert line and line[0] == "READY", line
    return proc, line[1]


def _parts(folder, stem):
    return sorted(p.name for p in Path(folder).iterdir() if p.name.startswith(f".{stem}") and ".part.tif" in p.name)


def test_a_killed_run_is_cleaned_by_the_next_one_and_a_running_one_is_left_alone(tmp_path):
    outputs, parent = tmp_path / "out", tmp_path / "tmp"
    outputs.mkdir()
    parent.mkdir()
    killed, killed_workdir = _start(tmp_path, outputs / "a.tif", parent)
    running, running_workdir = _start(tmp_path, outputs / "b.tif", parent)
    try:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
        assert killed.returncode == -signal.SIGKILL
        # what the kill left behind: its temporary output and its working folder
        assert len(_parts(outputs, "a.tif")) == 1 and os.path.isdir(killed_workdir)
        # the next run, writing another output into the same folder, within its own working folder
        with files.work_directory(parent) as workdir:
            blocks.run_blocks([], lambda b: np.ones((b.ysize, b.xsize), np.uint8),
                              [blocks.RasterOutput(str(outputs / "c.tif"), "uint8", 0)], grid=GRID)
            assert os.path.isdir(workdir)
        assert _parts(outputs, "a.tif") == [] and not os.path.exists(killed_workdir)
        assert len(_parts(outputs, "b.tif")) == 1 and os.path.isdir(running_workdir)  # still running: untouched
        assert running.poll() is None
        assert (outputs / "c.tif").exists() and not (outputs / "a.tif").exists()
    finally:
        for proc in (killed, running):
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)


def test_leftovers_without_an_owner_go_only_when_old(tmp_path):
    old, fresh = tmp_path / ".x.tif.0a1b2c3d.part.tif", tmp_path / ".y.tif.0a1b2c3e.part.tif"
    old_dir, fresh_dir, other = tmp_path / "t2restore-abc_1234", tmp_path / "t2restore-zz9_8765", \
        tmp_path / "t2restore-pkg-0-04ecb816"
    old_lpd = tmp_path / ".t2restore-lpd-k2j_9x0q"  # algorithms/productivity.py's folder beside its output
    for path in (old, fresh):
        path.write_bytes(b"x")
    for path in (old_dir, fresh_dir, other, old_lpd):
        path.mkdir()
    long_ago = time.time() - (files.STALE_HOURS + 1) * 3600
    for path in (old, old_dir, other, old_lpd):
        os.utime(path, (long_ago, long_ago))
    files.clean_stale_parts(tmp_path)
    assert not old.exists() and fresh.exists() and not old_lpd.exists()
    assert not old_dir.exists() and fresh_dir.exists() and other.exists()  # not a working folder name: kept


def test_an_owner_stamped_folder_beside_an_output_goes_when_its_owner_is_dead(tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,  # nosec B603
                          text=True, check=True)
    dead = tmp_path / f".t2restore-lpd-{proc.stdout.strip()}-1-abc"
    dead.mkdir()
    with files.work_directory(tmp_path, prefix=".t2restore-lpd-") as mine:
        files.clean_stale_parts(tmp_path)
        assert os.path.isdir(mine) and os.path.basename(mine).startswith(f".t2restore-lpd-{os.getpid()}-")
    assert not dead.exists() and not os.path.exists(mine)


def test_an_absurd_grid_is_refused_before_any_work(tmp_path):
    vrt = tmp_path / "huge.vrt"
    ds = gdal.GetDriverByName("VRT").Create(str(vrt), 600_000, 600_000, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(GRID.geotransform)
    ds = None
    called = []
    with pytest.raises(InputError) as err:
        blocks.run_blocks([blocks.RasterInput(str(vrt), name="LC")], called.append,
                          [blocks.RasterOutput(str(tmp_path / "o.tif"), "uint8", 0)])
    assert "600,000 x 600,000 pixels (360 gigapixels)" in str(err.value)
    assert called == [] and sorted(p.name for p in tmp_path.iterdir()) == ["huge.vrt"]


def _free(monkeypatch, free):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(files.shutil, "disk_usage", lambda _path: usage(10 ** 12, 0, free))


def test_outputs_that_cannot_fit_on_the_disk_are_refused_with_the_figures(tmp_path, monkeypatch):
    # two float64 outputs of 40 x 30 pixels: 9,600 bytes each (raw, the worst case) plus 1 %
    _free(monkeypatch, 15_000)
    outs = [blocks.RasterOutput(str(tmp_path / f"{n}.tif"), "float64", -1) for n in "ab"]
    called = []
    with pytest.raises(InputError) as err:
        blocks.run_blocks([], called.append, outs, grid=GRID)
    assert f"need up to 19.4 KB on the disk of {tmp_path}, which has 15.0 KB free" in str(err.value)
    assert called == [] and list(tmp_path.iterdir()) == []
    _free(monkeypatch, 20_000)  # both fit: runs
    blocks.run_blocks([], lambda b: [np.zeros((b.ysize, b.xsize))] * 2, outs, grid=GRID)
    assert all(os.path.exists(out.path) for out in outs)


def test_free_space_figures_are_stated(monkeypatch, tmp_path):
    _free(monkeypatch, 2 * 10 ** 9)
    with pytest.raises(InputError) as err:
        files.check_free_space([(str(tmp_path / "a.tif"), 3 * 10 ** 9)])
    assert "need up to 3.00 GB" in str(err.value) and "which has 2.00 GB free" in str(err.value)


def _write(path, value=1, fail=False):
    def func(block):
        if fail:
            raise RuntimeError("boom")
        return np.full((block.ysize, block.xsize), value, np.uint8)

    blocks.run_blocks([], func, [blocks.RasterOutput(str(path), "uint8", 0)], grid=GRID)


def test_a_style_file_not_written_by_t2restore_is_never_deleted(tmp_path):
    out = tmp_path / "cover.tif"
    theirs = tmp_path / "cover.qml"  # e.g. the style of cover.shp beside it
    theirs.write_text("<qgis>their style</qgis>")
    _write(out)
    _write(out, 2)  # replacing the output too
    assert theirs.read_text() == "<qgis>their style</qgis>"
    theirs.write_text(f"<!DOCTYPE qgis>\n{files.QML_MARKER}\n<qgis/>")  # a stale style T2 Restore wrote
    _write(out, 3)
    assert not theirs.exists()


def test_the_outputs_own_aux_xml_is_replaced_only_with_the_output(tmp_path):
    out = tmp_path / "cover.tif"
    _write(out)
    aux = tmp_path / "cover.tif.aux.xml"
    aux.write_text("<PAMDataset>old statistics</PAMDataset>")
    with pytest.raises(RuntimeError):
        _write(out, 2, fail=True)
    assert aux.read_text() == "<PAMDataset>old statistics</PAMDataset>"  # failed run: nothing touched
    assert gdal.Open(str(out)).ReadAsArray()[0, 0] == 1
    _write(out, 2)
    assert not aux.exists() and gdal.Open(str(out)).ReadAsArray()[0, 0] == 2


def test_an_output_path_under_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "in.tif"
    blocker.write_bytes(b"x")
    for path in (blocker / "out.tif", blocker / "sub" / "out.tif"):
        with pytest.raises(InputError) as err:
            _write(path)
        assert "Choose an output path whose folders are folders, not files" in str(err.value)
        assert str(blocker) in str(err.value)


def test_a_read_only_folder_is_a_clear_error():
    """As root (who writes anywhere) the write runs as the unprivileged user ``nobody``."""
    import pwd
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="t2-ro-"))
    os.chmod(base, 0o755)  # nosec B103 - test folders shared with the unprivileged user
    folder = base / "ro"
    folder.mkdir(mode=0o555)
    root = os.geteuid() == 0
    try:
        if root:
            nobody = pwd.getpwnam("nobody")
            os.setegid(nobody.pw_gid)
            os.seteuid(nobody.pw_uid)
        with pytest.raises(InputError) as err:
            _write(folder / "out.tif")
    finally:
        if root:
            os.seteuid(0)
            os.setegid(0)
        shutil.rmtree(base)
    assert f"Permission denied for {folder}" in str(err.value)


def test_os_errors_name_the_file_and_what_to_do():
    assert "Permission denied for /data/x.tif" in str(files.os_error(PermissionError(13, "Permission denied",
                                                                                     "/data/x.tif")))
    assert "/d is full" in str(files.os_error(OSError(28, "No space left on device", "/d")))
    assert "Cannot read or write /x: Input/output error" in str(files.os_error(OSError(5, "Input/output error",
                                                                                       "/x")))


def test_a_truncated_multiband_raster_is_a_clear_error_not_a_shape_error(tmp_path):
    src = tmp_path / "src.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(src), 32, 32, 3, gdal.GDT_Int16)
    ds.SetGeoTransform(GRID.geotransform)
    for b in range(3):
        ds.GetRasterBand(b + 1).WriteArray(np.full((32, 32), 5000 + b, np.int16))
    ds = None
    full = tmp_path / "full.tif"
    gdal.Translate(str(full), str(src), creationOptions=["COPY_SRC_OVERVIEWS=YES", "INTERLEAVE=BAND"])
    data = full.read_bytes()
    cut = tmp_path / "ndvi.tif"
    cut.write_bytes(data[:len(data) - 32 * 32 * 2 - 100])  # band 3 gone, band 2 cut short
    with pytest.raises(InputError) as err:
        blocks.run_blocks([blocks.RasterInput(str(cut), name="NDVI", band=None)], lambda b: None)
    assert "Cannot read the raster NDVI" in str(err.value) and str(cut) in str(err.value)
    assert "truncated or damaged" in str(err.value)


def test_a_working_folder_for_a_cluster_is_readable_by_other_accounts_and_otherwise_private(tmp_path):
    with files.work_directory(tmp_path) as private, files.work_directory(tmp_path, shared=True) as shared:
        assert os.stat(private).st_mode & 0o777 == 0o700
        assert os.stat(shared).st_mode & 0o777 == 0o755  # the workers read; only the owner writes
    assert list(tmp_path.iterdir()) == []
