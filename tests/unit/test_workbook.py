"""algorithms/workbook.py (XLSX through OGR) and registry/report_tables.py (the registry's report tables)."""

import math
import os

import pytest
from osgeo import ogr

from t2restore.algorithms.errors import InputError
from t2restore.algorithms.workbook import Table, write_workbook
from t2restore.registry import report_tables, samples
from t2restore.registry.validate import Finding


def read(path):
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        lyr = ds.GetLayer(i)
        defn = lyr.GetLayerDefn()
        fields = [(defn.GetFieldDefn(j).GetName(), defn.GetFieldDefn(j).GetTypeName())
                  for j in range(defn.GetFieldCount())]
        out[lyr.GetName()] = (fields, [[f.GetField(j) for j in range(len(fields))] for f in lyr])
    ds = None
    return out


def test_numbers_stay_numbers_and_non_finite_values_are_empty(tmp_path):
    table = Table("Resumen", [("name", "Nombre", "text"), ("ha", "Área (ha)", "real"), ("year", "Año", "int")],
                  [{"name": "Junín", "ha": 12.5, "year": 2021}, {"name": "Pasco", "ha": math.nan, "year": 2022},
                   {"name": "Puno", "ha": math.inf, "year": None}])
    path = write_workbook(tmp_path / "libro.xlsx", [table])
    fields, rows = read(path)["Resumen"]
    assert fields == [("Nombre", "String"), ("Área (ha)", "Real"), ("Año", "Integer")]
    assert rows == [["Junín", 12.5, 2021], ["Pasco", None, 2022], ["Puno", None, None]]
    assert [p for p in os.listdir(tmp_path) if p.startswith(".")] == []  # no temporary file left


def test_sheet_names_are_made_valid_and_unique(tmp_path):
    columns = [("n", "N", "text"), ("v", "V", "real")]
    tables = [Table("a/b:c*d?[e]", columns, [{"n": "x", "v": 1.0}]),
              Table("A/B:C*D?[E]", columns, [{"n": "y", "v": 2.0}]),
              Table("x" * 40, columns, [{"n": "z", "v": 3.0}])]
    names = list(read(write_workbook(tmp_path / "w.xlsx", tables)))
    assert names == ["a_b_c_d__e_", "A_B_C_D__E_ 2", "x" * 31]


def test_a_folder_that_does_not_exist_is_refused_and_nothing_is_left(tmp_path):
    target = tmp_path / "missing" / "w.xlsx"
    with pytest.raises(InputError):
        write_workbook(target, [Table("S", [("v", "V", "real")], [{"v": 1.0}])])
    assert not target.exists() and not (tmp_path / "missing").exists()


def test_an_existing_workbook_is_replaced_whole(tmp_path):
    path = tmp_path / "w.xlsx"
    write_workbook(path, [Table("Old", [("n", "N", "text"), ("v", "V", "real")], [{"n": "a", "v": 1.0}])])
    write_workbook(path, [Table("New", [("n", "N", "text"), ("v", "V", "real")], [{"n": "b", "v": 2.0}])])
    assert list(read(path)) == ["New"]


def _registry():
    made = [samples.sample_initiative(n, areas=2) for n in range(3)]
    made[1].funding_sources = []
    for k, area in enumerate(made[2].areas):
        area.start_year = 2019 + k
        area.ecosystems = ["T1", "F2"]
    for ini in made:
        for area in ini.areas:
            area.area_ha = 100.0  # the store fills it on save; fixed here so the sums are plain arithmetic
    return made


def test_start_years_accumulate_hectares_over_time():
    table = report_tables.start_years_table(_registry())
    assert [(r["year"], r["areas"], r["hectares"], r["cumulative"]) for r in table.rows] == [
        (2019, 1, 100.0, 100.0), (2020, 1, 100.0, 200.0), (2022, 4, 400.0, 600.0)]


def test_institutions_and_funding_sources_count_each_initiative_under_each_code():
    rows = report_tables.institutions_table(_registry(), "es").rows
    funding = {r["code"]: (r["initiatives"], r["areas"], r["hectares"]) for r in rows if r["kind"] == "Funding source"}
    assert funding == {"public_investment": (2, 4, 400.0), "": (1, 2, 200.0)}
    institutions = [r for r in rows if r["kind"] == "Implementing institution"]
    assert [(r["code"], r["initiatives"]) for r in institutions] == [("regional_government", 3)]


def test_an_area_under_two_ecosystems_counts_under_each():
    rows = {r["code"]: (r["areas"], r["hectares"]) for r in report_tables.ecosystems_table(_registry()).rows}
    assert rows == {"T1": (6, 600.0), "F2": (2, 200.0)}


def test_double_counting_per_area_comes_from_the_overlap_findings():
    made = _registry()
    a, b = made[0].areas
    findings = [Finding(made[0].uuid, a.uuid, "overlap_same_initiative", "error", "t", {"overlap_ha": 12.5}),
                Finding(made[0].uuid, b.uuid, "overlap_same_initiative", "error", "t", {"overlap_ha": 12.5}),
                Finding(made[0].uuid, a.uuid, "unknown_code", "error", "t", {})]
    rows = {r["area_uuid"]: r for r in report_tables.areas_table(made, findings).rows}
    assert rows[a.uuid]["overlap"] == 12.5 and rows[b.uuid]["overlap"] == 12.5
    assert rows[a.uuid]["flags"] == "overlap_same_initiative, unknown_code"
    assert rows[made[1].areas[0].uuid]["overlap"] == 0.0
    assert report_tables.registered_hectares(made) == (6, 600.0)
