"""Every Processing algorithm run on the cases described as data in tests/qgis/cases/*.json (how to add one:
tests/qgis/cases/README.md), as QGIS core's AlgorithmsTestBase does.

Each case runs through ``processing.run`` (``test_case``) and, when it says ``"qgis_process": true``, through the
real ``qgis_process`` too (``test_case_qgis_process``, marked ``qgis_process``: ``-m "not qgis_process"`` leaves
that slower half out). Expected values are written in the case files, derived by hand from the rules of
docs/metodos.md; hectares come from closed forms (tests/case_inputs.py), never from the code under test.
"""

import json
import math
from pathlib import Path

import case_inputs
import pytest
from osgeo import gdal, ogr

CASES_DIR = Path(__file__).parent / "cases"
PROCESSING_DIR = Path(__file__).resolve().parents[2] / "processing"
KINDS = ("raster", "hectares", "percent", "value", "equals", "contains", "table", "exists")


def load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            case.setdefault("algorithm", data.get("algorithm"))
            case["file"] = path.name
            cases.append(case)
    return cases


CASES = load_cases()
IDS = [f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in CASES]
QP_CASES = [c for c in CASES if c.get("qgis_process")]


def algorithm_names():
    """The NAME of every algorithm file of processing/ (the provider's list, read from the source)."""
    names = []
    for path in sorted(PROCESSING_DIR.glob("[!_]*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith('NAME = "') and line.strip() != 'NAME = ""':
                names.append(line.split('"')[1])
    return names


# -- inputs and parameters ----------------------------------------------------------------------------------


def prepare(case, folder):
    """(parameters with inputs written and paths filled in, {input name: path})."""
    paths = {name: case_inputs.make_input(folder, name, spec) for name, spec in case.get("inputs", {}).items()}

    def resolve(value):
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, str) and value.startswith("@"):
            name, _bar, rest = value[1:].partition("|")
            return paths[name] + (f"|{rest}" if rest else "")
        if isinstance(value, str):
            return value.replace("{tmp}", str(folder))
        return value

    return {key: resolve(value) for key, value in case["params"].items()}, paths


def qgis_process_args(params):
    """Parameters as qgis_process takes them: lists of layers repeated, other lists (matrices) comma-joined."""
    out = {}
    for key, value in params.items():
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, list) and not all(isinstance(v, str) and Path(v.split("|")[0]).exists()
                                                 for v in value):
            out[key] = ",".join(str(v) for v in value)
        else:
            out[key] = value
    return out


# -- comparisons --------------------------------------------------------------------------------------------


def truth_hectares(truth, case):
    """Hectares of a truth: lon/lat ``boxes``, ``cells`` of a raster input's ``grid``, or a linear ``sum``
    ([[coefficient, truth], ...]) plus a ``constant``."""
    if "sum" in truth:
        value = sum(coef * truth_hectares(term, case) for coef, term in truth["sum"])
    elif "boxes" in truth:
        value = case_inputs.box_hectares(truth["boxes"])
    else:
        value = case_inputs.cell_hectares(case["inputs"][truth["grid"]], truth["cells"])
    return value + truth.get("constant", 0.0)


def expected_number(spec, case):
    """The expected number of a ``hectares``, ``percent`` (part / whole x 100) or ``value`` spec and its absolute
    tolerance: ``abs`` when given alone, else ``rel`` (default 1e-6 for hectares, 0 for values) of the value."""
    if "hectares" in spec:
        value, rel = truth_hectares(spec["hectares"], case), 1e-6
    elif "percent" in spec:
        part, whole = (truth_hectares(spec["percent"][k], case) for k in ("part", "whole"))
        value, rel = 100.0 * part / whole, 1e-6
    else:
        value, rel = spec["value"], 0.0
    if "abs" in spec and "rel" not in spec:
        return value, spec["abs"]
    return value, max(spec.get("rel", rel) * abs(value), spec.get("abs", 1e-9))


def check_number(actual, spec, case, what):
    value, tol = expected_number(spec, case)
    assert actual is not None and (not isinstance(actual, str) or _is_number_text(actual)), \
        f"{what}: no number ({actual!r})"
    assert abs(float(actual) - value) <= tol, f"{what}: {actual} != {value} (tolerance {tol:.3g})"


def _is_number_text(text):
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


def check_raster(path, spec, what):
    ds = gdal.Open(str(path).split("|")[0])
    assert ds is not None, f"{what}: cannot open {path}"
    band = ds.GetRasterBand(spec.get("band", 1))
    actual = band.ReadAsArray().tolist()
    expected = spec["raster"]
    tol = spec.get("abs", 0)
    assert len(actual) == len(expected) and all(len(a) == len(e) for a, e in zip(actual, expected)), \
        f"{what}: shape {len(actual)}x{len(actual[0])} != {len(expected)}x{len(expected[0])}"
    nodata = band.GetNoDataValue()
    bad = [(r, c, a, e) for r, (ra, re) in enumerate(zip(actual, expected)) for c, (a, e) in enumerate(zip(ra, re))
           if not _pixel_matches(a, e, nodata, tol)]
    assert not bad, f"{what}: pixels (row, col, got, expected) {bad[:8]}"
    if "nodata" in spec:
        assert band.GetNoDataValue() == spec["nodata"], f"{what}: nodata {band.GetNoDataValue()}"
    if "band_name" in spec:
        assert band.GetDescription() == spec["band_name"], f"{what}: band name {band.GetDescription()!r}"
    ds = None


def _pixel_matches(actual, expected, nodata, tol):
    """``expected`` is a number, or "nd": the band's nodata value (NaN when that is NaN)."""
    if expected == "nd":
        return nodata is not None and (actual == nodata or (math.isnan(nodata) and math.isnan(actual)))
    return not math.isnan(actual) and abs(actual - expected) <= tol


def read_table(path, layer=None):
    """Rows of a table file (CSV, a GeoPackage layer ...) as {column: value} dicts."""
    source = str(path)
    if "|layername=" in source:
        source, layer = source.split("|layername=")
    ds = ogr.Open(source)
    assert ds is not None, f"cannot open the table {path}"
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    assert lyr is not None, f"{path} has no layer {layer}"
    names = [lyr.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(lyr.GetLayerDefn().GetFieldCount())]
    rows = [dict(zip(names, (feat.GetField(i) for i in range(len(names))))) for feat in lyr]
    lyr = ds = None
    return rows


def check_cell(actual, spec, case, what):
    if isinstance(spec, dict) and ("hectares" in spec or "value" in spec or "percent" in spec):
        check_number(actual, spec, case, what)
    elif isinstance(spec, (int, float)) and not isinstance(spec, bool):
        assert actual is not None and abs(float(actual) - spec) <= 1e-9, f"{what}: {actual!r} != {spec!r}"
    else:
        assert actual == spec or str(actual) == str(spec), f"{what}: {actual!r} != {spec!r}"


def check_table(path, spec, case, what):
    rows = read_table(path, spec.get("layer"))
    if "count" in spec:
        assert len(rows) == spec["count"], f"{what}: {len(rows)} rows, expected {spec['count']}"
    keys = spec.get("key", [])
    for expected in spec.get("rows", []):
        matches = [r for r in rows if all(str(r.get(k)) == str(expected[k]) for k in keys)]
        assert len(matches) == 1, f"{what}: {len(matches)} rows match {[expected[k] for k in keys]} in {rows}"
        for column, cell in expected.items():
            assert column in matches[0], f"{what}: no column {column} (columns {sorted(matches[0])})"
            check_cell(matches[0][column], cell, case, f"{what} row {[expected[k] for k in keys]} {column}")


def check_output(key, actual, spec, case, params):
    """Compare one result; ``"param": KEY`` checks the file of parameter KEY instead (e.g. a registry written to)."""
    what = f"{case['name']}: {key}"
    kind = next((k for k in KINDS if k in spec), None)
    if "param" in spec:
        actual = params[spec["param"]]
    if kind == "exists":
        target = params.get(key, actual)
        assert Path(str(target).split("|")[0]).exists() == spec["exists"], f"{what}: exists != {spec['exists']}"
    elif kind == "raster":
        check_raster(actual, spec, what)
    elif kind == "table":
        check_table(actual, spec["table"], case, what)
    elif kind in ("hectares", "percent", "value"):
        check_number(actual, spec, case, what)
    elif kind == "equals":
        assert actual == spec["equals"], f"{what}: {actual!r} != {spec['equals']!r}"
    elif kind == "contains":
        assert spec["contains"] in str(actual), f"{what}: {spec['contains']!r} not in {actual!r}"
    else:
        raise AssertionError(f"{what}: unknown expectation {spec}")


def check_results(case, results, params):
    for key, spec in case["results"].items():
        if "exists" not in spec and "param" not in spec:
            assert key in results, f"{case['name']}: no result {key} (results: {sorted(results)})"
        check_output(key, results.get(key), spec, case, params)


def check_refusal(case, message, params):
    assert case["error_contains"] in message, f"{case['name']}: {case['error_contains']!r} not in {message!r}"
    assert "Traceback" not in message and "Unexpected error" not in message, message
    for key in case.get("absent", []):
        assert not Path(str(params[key]).split("|")[0]).exists(), f"{case['name']}: {key} written by a refused run"


# -- the tests ----------------------------------------------------------------------------------------------


def test_every_algorithm_has_a_success_and_a_refusal_case():
    names = algorithm_names()
    assert len(names) >= 13, names
    for name in names:
        mine = [c for c in CASES if c["algorithm"] == f"t2restore:{name}"]
        assert any("results" in c for c in mine), f"{name}: no success case in tests/qgis/cases"
        assert any("error_contains" in c for c in mine), f"{name}: no refusal case in tests/qgis/cases"
    assert len(set(IDS)) == len(IDS), "two cases share a name"
    for case in CASES:
        assert ("results" in case) != ("error_contains" in case), f"{case['name']}: results or error_contains"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case(case, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    params, _paths = prepare(case, tmp_path)
    if "error_contains" in case:
        with pytest.raises(QgsProcessingException) as err:
            run_alg(case["algorithm"], params)
        check_refusal(case, str(err.value), params)
    else:
        check_results(case, run_alg(case["algorithm"], params), params)


@pytest.mark.qgis_process
@pytest.mark.parametrize("case", QP_CASES, ids=[f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in QP_CASES])
def test_case_qgis_process(case, qp, tmp_path):
    params, _paths = prepare(case, tmp_path)
    code, data, log = qp.run(case["algorithm"], **qgis_process_args(params))
    if "error_contains" in case:
        assert code != 0, log
        check_refusal(case, log, params)
    else:
        assert code == 0, log
        check_results(case, data["results"], params)
