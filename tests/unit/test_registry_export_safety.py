"""FERM export safety: never over the registry, the GeoPackage and its reports together or not at all,
and a validation report linear in the number of refused areas (issue 17 items 1, 4, 13)."""

import json
import sqlite3
import subprocess  # nosec B404
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest

import t2restore
from t2restore.registry import ferm, samples
from t2restore.registry.report import write_report
from t2restore.registry.store import create_registry, open_registry
from t2restore.registry.validate import ERROR, Finding, ValidationReport

PACKAGE_PARENT = str(Path(t2restore.__file__).parent.parent)


def _registry(path, count):
    store = create_registry(path)
    for n in range(count):
        store.save_initiative(samples.sample_initiative(n + 1))
    return store


def _content(path):
    with closing(sqlite3.connect(str(path))) as conn:
        return (conn.execute("SELECT count(*) FROM initiatives").fetchone()[0],
                conn.execute("SELECT count(*) FROM restoration_areas").fetchone()[0])


# --- 17.1: an export never replaces the registry ----------------------------------------------------------
@pytest.mark.parametrize("spelling", ["same", "relative", "symlink", "dotted"])
def test_export_over_the_registry_is_refused(tmp_path, monkeypatch, spelling):
    registry = tmp_path / "registro.gpkg"
    store = _registry(registry, 2)
    before = registry.read_bytes()
    monkeypatch.chdir(tmp_path)
    if spelling == "symlink":
        (tmp_path / "enlace.gpkg").symlink_to(registry)
    output = {"same": registry, "relative": Path("registro.gpkg"), "symlink": tmp_path / "enlace.gpkg",
              "dotted": tmp_path / "sub" / ".." / "registro.gpkg"}[spelling]
    (tmp_path / "sub").mkdir()
    with pytest.raises(ferm.ExportOverRegistryError) as caught:
        ferm.export_ferm(store, output)
    message = caught.value.message()
    assert str(output) in message and "Choose another file name" in message
    store.close()
    assert registry.read_bytes() == before
    assert _content(registry) == (2, 4)
    assert not list(tmp_path.glob("registro.validation.*"))


def test_export_beside_the_registry_is_allowed(tmp_path):
    with _registry(tmp_path / "registro.gpkg", 1) as store:
        result = ferm.export_ferm(store, tmp_path / "registro-ferm.gpkg")
    assert Path(result.path).exists() and _content(tmp_path / "registro.gpkg") == (1, 2)


# --- 17.4: the GeoPackage and its reports appear together -----------------------------------------------
KILLER = textwrap.dedent("""
    import json, os, signal, sys
    sys.path.insert(0, sys.argv[1])
    from t2restore.registry import ferm
    from t2restore.registry.store import open_registry
    kill_at = sys.argv[4]
    calls = {"replace": 0}
    real_replace, real_dump = os.replace, json.dump

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    def replace(src, dst, *args, **kwargs):
        calls["replace"] += 1
        if kill_at == "replace%d" % calls["replace"]:
            die()
        return real_replace(src, dst, *args, **kwargs)

    def dump(*args, **kwargs):
        if kill_at == "report":
            die()
        return real_dump(*args, **kwargs)

    os.replace, json.dump = replace, dump
    with open_registry(sys.argv[2]) as store:
        ferm.export_ferm(store, sys.argv[3])
    print("finished", calls["replace"])
""")


def _exported_areas(gpkg):
    with closing(sqlite3.connect(str(gpkg))) as conn:
        return int(conn.execute("SELECT value FROM t2r_export_metadata WHERE key = 'areas'").fetchone()[0])


@pytest.mark.parametrize("kill_at", ["report"] + ["replace%d" % n for n in range(1, 8)])
def test_a_killed_export_never_leaves_a_geopackage_beside_reports_not_its_own(tmp_path, kill_at):
    registry = tmp_path / "registro.gpkg"
    output = tmp_path / "ferm.gpkg"
    with _registry(registry, 1) as store:  # the previous export: 1 initiative, 2 areas
        ferm.export_ferm(store, output)
        for n in range(2, 4):
            store.save_initiative(samples.sample_initiative(n))
    assert _exported_areas(output) == 2
    run = subprocess.run([sys.executable, "-c", KILLER, PACKAGE_PARENT, str(registry), str(output), kill_at],
                         capture_output=True, text=True, timeout=120)  # nosec B603
    killed = run.returncode == -9
    assert killed or (run.returncode == 0 and run.stdout.startswith("finished")), run.stderr
    report_json = tmp_path / "ferm.validation.json"
    if output.exists():
        # whatever GeoPackage is there has its own reports beside it
        areas = _exported_areas(output)
        assert areas in (2, 6)
        document = json.loads(report_json.read_text(encoding="utf-8"))
        assert document["export"]["areas"] == areas
        assert document["summary"]["areas_exported"] == areas
        csv_rows = (tmp_path / "ferm.validation.csv").read_text(encoding="utf-8").splitlines()
        assert len(csv_rows) == 1 + len(document["findings"]) + len(document["file_warnings"])
    if not killed:
        assert _exported_areas(output) == 6


def test_the_next_export_removes_what_a_killed_one_left(tmp_path):
    registry = tmp_path / "registro.gpkg"
    output = tmp_path / "ferm.gpkg"
    _registry(registry, 2).close()
    run = subprocess.run([sys.executable, "-c", KILLER, PACKAGE_PARENT, str(registry), str(output), "replace5"],
                         capture_output=True, text=True, timeout=120)  # nosec B603
    assert run.returncode == -9, run.stderr
    leftovers = [p.name for p in tmp_path.iterdir() if ".exporting-" in p.name]
    assert leftovers  # the killed process left its hidden files
    with open_registry(registry) as store:
        ferm.export_ferm(store, output)
    assert [p.name for p in tmp_path.iterdir() if ".exporting-" in p.name] == []
    assert _exported_areas(output) == 4


# --- 17.13: the validation report is linear in refused areas ---------------------------------------------
def _refusing_report(count):
    """A report refusing ``count`` areas (one error each) of 10 initiatives, one with its own error."""
    report = ValidationReport()
    report.initiatives_checked = ["ini-%d" % i for i in range(10)]
    for n in range(count):
        uuid = "area-%06d" % n
        report.areas_checked[uuid] = "ini-%d" % (n % 10)
        report.findings.append(Finding("ini-%d" % (n % 10), uuid, "outside_peru", ERROR, "outside {x}", {"x": n}))
    report.findings.append(Finding("ini-3", None, "missing_title", ERROR, "no title", {}))
    return report


def _report_seconds(tmp_path, count):
    report = _refusing_report(count)
    start = time.perf_counter()
    write_report(tmp_path / ("r%d.gpkg" % count), report, [], [], [], {"areas": 0})
    return time.perf_counter() - start


def test_refusal_reasons_are_those_of_the_area_and_its_initiative(tmp_path):
    report = _refusing_report(30)
    json_path, _csv = write_report(tmp_path / "r.gpkg", report, [], [], [], {})
    refused = {r["area_uuid"]: r for r in json.loads(Path(json_path).read_text(encoding="utf-8"))["refused_areas"]}
    assert len(refused) == 30
    assert [f["rule"] for f in refused["area-000003"]["reasons"]] == ["outside_peru", "missing_title"]
    assert [f["params"]["x"] for f in refused["area-000004"]["reasons"]] == [4]


def test_report_time_grows_linearly_with_refused_areas(tmp_path):
    small = min(_report_seconds(tmp_path, 3000) for _ in range(2))
    large = min(_report_seconds(tmp_path, 30000) for _ in range(2))
    # 10 x the areas: linear is ~10 x the time; the quadratic report took ~100 x (over 30 s here)
    assert large < 25 * small, (small, large)
    assert large < 15, large
