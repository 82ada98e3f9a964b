"""Every land-cover preset against its PUBLISHED legend table (issue 19: "each source code mapped, checked against
its published legend table").

The tables are in tests/data/legends/<id>.csv, copied from the published source named in each file's header
comment (repository, path and commit, retrieved through the library index), never from the preset files:
- esa_cci.csv: Trends.Earth's LDMP/data/land_cover_nesting_unccd_esa.json (names and the UNCCD default nesting);
- esa_worldcover.csv, modis_igbp_mcd12q1.csv, modis_igbp_mcd12c1.csv: the Google Earth Engine catalog's class tables;
- mapbiomas_peru.csv: MapBiomas' own publisher entry in the Earth Engine catalog (Colección 3), with the Spanish
  names of the Colección 3 short legend.
- minam_cobertura.csv: the 75 unit names (field CobVeg2013) of MINAM's cover map shapefile, which has no codes, as two
  independent projects list them, with the map symbol (field Simbolo) of the 27 units a third project gives.

For each coded preset: (a) every published code is nested, (b) no preset code is missing from the published table
(besides the product's declared fill value), (c) the names are the published names, (d) the UNCCD class of each code
is the published nesting (ESA CCI) or the rule stated in the preset's notes, checked row by row; where the rule says
"as ESA CCI <code>", the published CCI nesting of that code must give the same class.
"""

import csv
import json
import re
from pathlib import Path

import pytest

from t2restore.algorithms import legends

COMMIT = re.compile(r"\b[0-9a-f]{40}\b")
LEGENDS = Path(__file__).resolve().parents[1] / "data" / "legends"

# preset id -> [(table file, name column)]: the published tables a preset must agree with.
TABLES = {
    "esa_cci": [("esa_cci.csv", "name")],
    "esa_worldcover": [("esa_worldcover.csv", "name")],
    "modis_igbp": [("modis_igbp_mcd12q1.csv", "name"), ("modis_igbp_mcd12c1.csv", "name")],
    "mapbiomas_peru": [("mapbiomas_peru.csv", "name_es")],
}
# The product's fill value, outside its class table, which the preset must file under no data.
FILL = {"esa_cci": {0}, "esa_worldcover": {0}, "modis_igbp": {255}, "mapbiomas_peru": {0}}

# The nesting rules stated in the presets' notes, row by row: code -> (UNCCD class, equivalent ESA CCI code or None).
WORLDCOVER_RULE = {10: (1, 50), 20: (2, 120), 30: (2, 130), 40: (3, 10), 50: (5, 190), 60: (6, 200), 70: (6, 220),
                   80: (7, 210), 90: (4, 180), 95: (4, 170), 100: (2, 140)}
# Woody Savannas (30-60 % trees) as CCI 100 (tree/shrub > 50 %), Savannas (10-30 %) as CCI 110, mosaics as CCI 30.
IGBP_RULE = {1: (1, 70), 2: (1, 50), 3: (1, 80), 4: (1, 60), 5: (1, 90), 6: (2, 120), 7: (2, 120), 8: (1, 100),
             9: (2, 110), 10: (2, 130), 11: (4, 180), 12: (3, 10), 13: (5, 190), 14: (3, 30), 15: (6, 220),
             16: (6, 200), 17: (7, 210), 0: (7, 210)}
# Forest plantation (9), mining (30) and aquaculture (31) have no ESA CCI class: their UNCCD class is the preset's
# choice, stated in its notes (plantation: tree-covered; mining: artificial; aquaculture: water body).
MAPBIOMAS_RULE = {1: (1, 50), 3: (1, 50), 4: (1, 60), 5: (4, 170), 6: (4, 160), 9: (1, None), 10: (2, 130),
                  11: (4, 180), 12: (2, 130), 13: (2, 130), 14: (3, 10), 15: (2, 130), 18: (3, 10), 21: (3, 30),
                  22: (6, 200), 23: (6, 202), 24: (5, 190), 25: (6, 200), 26: (7, 210), 29: (6, 201), 30: (5, None),
                  31: (7, None), 32: (6, 200), 33: (7, 210), 34: (6, 220), 35: (3, 10), 40: (3, 10), 61: (6, 200),
                  66: (2, 120), 68: (6, 200), 70: (2, 130), 72: (3, 10)}
RULES = {"esa_worldcover": WORLDCOVER_RULE, "modis_igbp": IGBP_RULE, "mapbiomas_peru": MAPBIOMAS_RULE}
NO_DATA = {"mapbiomas_peru": {27}}  # published codes that mean no data (27: No observado / Not Observed)


def published(filename):
    """(header comment lines, rows as dicts) of a published legend table."""
    with open(LEGENDS / filename, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return header, rows


def published_codes(preset_id):
    return {int(row["code"]) for name, _col in TABLES[preset_id] for row in published(name)[1]}


def cci_nesting():
    return {int(row["code"]): int(row["unccd"]) for row in published("esa_cci.csv")[1]}


CASES = [(pid, table, column) for pid, tables in TABLES.items() for table, column in tables]


@pytest.mark.parametrize("filename", sorted(p.name for p in LEGENDS.glob("*.csv")))
def test_each_table_cites_a_retrievable_source(filename):
    header, rows = published(filename)
    text = " ".join(header)
    assert rows and "github.com/" in text and "commit" in text, filename
    assert COMMIT.findall(text), filename


@pytest.mark.parametrize("preset_id", sorted(TABLES))
def test_preset_source_names_the_checked_commit(preset_id):
    source = legends.load_preset(preset_id).source
    for filename, _column in TABLES[preset_id]:
        commits = COMMIT.findall(" ".join(published(filename)[0]))
        assert any(commit in source for commit in commits), (preset_id, filename)


@pytest.mark.parametrize("preset_id, filename, column", CASES)
def test_every_published_code_is_nested_with_its_published_name(preset_id, filename, column):
    nesting = legends.load_preset(preset_id)
    rows = published(filename)[1]
    unmapped = [row["code"] for row in rows
                if int(row["code"]) not in nesting.parent_of and int(row["code"]) not in nesting.nodata_codes]
    assert unmapped == [], f"{preset_id}: published codes not in the nesting: {unmapped}"
    wrong = {int(row["code"]): (nesting.classes.get(int(row["code"]), ("-",))[0], row[column]) for row in rows
             if nesting.classes.get(int(row["code"]), ("-",))[0] != row[column]}
    assert wrong == {}, f"{preset_id}: (preset name, published name) differ: {wrong}"


@pytest.mark.parametrize("preset_id", sorted(TABLES))
def test_no_preset_code_outside_the_published_table(preset_id):
    nesting = legends.load_preset(preset_id)
    preset_codes = (set(nesting.classes) | set(nesting.parent_of) | nesting.nodata_codes) - {legends.NODATA_PARENT}
    extra = preset_codes - published_codes(preset_id) - FILL[preset_id]
    assert extra == set(), f"{preset_id}: codes not in the published legend: {sorted(extra)}"
    assert FILL[preset_id] <= nesting.nodata_codes
    assert NO_DATA.get(preset_id, set()) <= nesting.nodata_codes


def test_esa_cci_nesting_is_the_published_unccd_default():
    nesting = legends.load_preset("esa_cci")
    assert nesting.parent_of == cci_nesting()


@pytest.mark.parametrize("preset_id", sorted(RULES))
def test_nesting_follows_the_stated_rule_row_by_row(preset_id):
    nesting, rule, cci = legends.load_preset(preset_id), RULES[preset_id], cci_nesting()
    assert set(rule) == published_codes(preset_id) - NO_DATA.get(preset_id, set())  # the rule covers every class
    for code, (unccd, cci_code) in sorted(rule.items()):
        assert nesting.parent_of.get(code) == unccd, (preset_id, code)
        if cci_code is not None:  # "as ESA CCI <code>": the published default gives the same class
            assert cci[cci_code] == unccd, (preset_id, code, cci_code)


def _altered(tmp_path, monkeypatch, change, preset_id="mapbiomas_peru"):
    doc = json.loads((legends.PRESET_DIR / f"{preset_id}.json").read_text(encoding="utf-8"))
    change(doc)
    (tmp_path / f"{preset_id}.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(legends, "PRESET_DIR", tmp_path)


def _drop_70(doc):
    doc["child"]["key"] = [c for c in doc["child"]["key"] if c["code"] != 70]
    doc["nesting"] = {k: [c for c in v if c != 70] for k, v in doc["nesting"].items()}


def _rename_11(doc):
    for item in doc["child"]["key"]:
        if item["code"] == 11:
            item["name_long"] = "Formación natural no forestal inundable"  # the name the earlier, unchecked preset had


@pytest.mark.parametrize("change, fragment", [(_drop_70, "not in the nesting: ['70']"), (_rename_11, "differ")])
def test_a_missing_or_renamed_code_is_caught(tmp_path, monkeypatch, change, fragment):
    """The check can fail: a MapBiomas preset without 70 (Loma costera), or with 11 under another name, is caught."""
    _altered(tmp_path, monkeypatch, change)
    with pytest.raises(AssertionError) as info:
        test_every_published_code_is_nested_with_its_published_name("mapbiomas_peru", "mapbiomas_peru.csv", "name_es")
    assert fragment in str(info.value)


@pytest.mark.parametrize("preset_id", legends.preset_ids())
def test_every_preset_exports_as_trends_earth_loads_it(tmp_path, preset_id):
    """te_schemas' LCLegendNesting rule: the nested codes are exactly the child key's codes (with its no data)."""
    out = legends.save_nesting(legends.load_preset(preset_id), tmp_path / "n.json")
    with open(out, encoding="utf-8") as fh:
        doc = json.load(fh)
    nested = sorted(c for children in doc["nesting"].values() for c in children)
    keyed = sorted([c["code"] for c in doc["child"]["key"]] + [doc["child"]["nodata"]["code"]])
    assert nested == keyed, preset_id


# MINAM's cover map: nested unit by unit as its preset's notes state, (UNCCD class, equivalent ESA CCI code or None) ->
# unit names (field CobVeg2013); plantations and mining have no CCI class, as in MapBiomas.
MINAM_RULE = {
    (1, 50): ("Bosque de colina alta", "Bosque de colina alta con paca", "Bosque de colina alta del Divisor",
              "Bosque de colina baja", "Bosque de colina baja con castaña", "Bosque de colina baja con paca",
              "Bosque de colina baja con shiringa", "Bosque de llanura meándrica", "Bosque de montaña",
              "Bosque de montaña altimontano", "Bosque de montaña basimontano", "Bosque de montaña con paca",
              "Bosque de montaña basimontano con paca", "Bosque de montaña montano",
              "Bosque de palmeras de montaña montano", "Bosque de terraza alta", "Bosque de terraza alta basimontano",
              "Bosque de terraza alta con castaña", "Bosque de terraza alta con paca", "Bosque de terraza baja",
              "Bosque de terraza baja basimontano", "Bosque de terraza baja con castaña",
              "Bosque de terraza baja con paca", "Bosque montano occidental andino", "Bosque relicto altoandino",
              "Bosque relicto mesoandino", "Bosque subhúmedo de montaña", "Pacal"),
    (1, 60): ("Bosque seco de colina alta", "Bosque seco de colina baja", "Bosque seco de lomada",
              "Bosque seco de montaña", "Bosque seco de piedemonte", "Bosque seco ribereño", "Bosque seco tipo sabana",
              "Bosque semideciduo de montaña", "Bosque xérico interandino"),
    (1, 70): ("Bosque relicto mesoandino de coníferas",),
    (1, 100): ("Vegetación esclerófila de arena blanca",),
    (1, None): ("Plantación Forestal",),
    (4, 160): ("Bosque de terraza inundable por agua negra", "Bosque inundable de palmeras",
               "Bosque inundable de palmeras basimontano"),
    (4, 170): ("Manglar",),
    (4, 180): ("Bofedal", "Herbazal hidrofítico", "Sabana hidrofítica con palmeras", "Humedal costero"),
    (2, 120): ("Cardonal", "Matorral arbustivo", "Matorral arbustivo altimontano",
               "Matorral esclerófilo de montaña montano"),
    (2, 130): ("Pajonal andino", "Jalca", "Páramo", "Loma"),
    (2, 110): ("Sabana xérica interandina", "Vegetación de isla"),
    (2, 150): ("Tillandsial",),
    (3, 10): ("Agricultura costera y andina",),
    (3, 30): ("Areas de no bosque amazónico",),
    (5, 190): ("Area urbana", "Infraestructura"),
    (5, None): ("Centro minero",),
    (6, 200): ("Area altoandina con escasa y sin vegetación", "Desierto costero"),
    (6, 202): ("Banco de arena",),
    (6, 220): ("Glaciar",),
    (7, 210): ("Río", "Lagunas, lagos y cochas", "Albúfera", "Estero", "Estuario de virilla", "Canal internacional",
               "Represa"),
}


def minam_units():
    """{unit name: symbol or ''} of the published MINAM table."""
    return {row["name"]: row["simbolo"] for row in published("minam_cobertura.csv")[1]}


def minam_codes():
    return {name: code for code, (name, _color) in legends.load_preset("minam_cobertura").classes.items()}


def test_minam_units_are_the_shapefile_values():
    units, codes = minam_units(), minam_codes()
    assert len(units) == 75
    assert sorted(codes) == sorted(units), "preset unit names differ from the CobVeg2013 values"
    assert sorted(codes.values()) == list(range(1, 76))
    nesting = legends.load_preset("minam_cobertura")
    assert set(nesting.parent_of) == set(nesting.classes)  # every unit nested


def test_minam_symbols_are_the_published_ones():
    doc = json.loads((legends.PRESET_DIR / "minam_cobertura.json").read_text(encoding="utf-8"))
    given = {item["name_long"]: item["description"] for item in doc["child"]["key"]}
    expected = {name: f"Simbolo: {symbol}" if symbol else None for name, symbol in minam_units().items()}
    assert given == expected
    assert sum(1 for symbol in minam_units().values() if symbol) == 27


def test_minam_nesting_follows_the_stated_rule_unit_by_unit():
    nesting, codes, cci = legends.load_preset("minam_cobertura"), minam_codes(), cci_nesting()
    rule = {name: pair for pair, names in MINAM_RULE.items() for name in names}
    assert sorted(rule) == sorted(minam_units())  # the rule covers every unit, once
    for name, (unccd, cci_code) in sorted(rule.items()):
        assert nesting.parent_of[codes[name]] == unccd, name
        if cci_code is not None:
            assert cci[cci_code] == unccd, (name, cci_code)


def test_minam_source_names_the_checked_commits():
    commits = COMMIT.findall(" ".join(published("minam_cobertura.csv")[0]))
    assert len(commits) == 3
    source = legends.load_preset("minam_cobertura").source
    assert all(commit in source for commit in commits)


def _accent_urbana(doc):
    for item in doc["child"]["key"]:
        if item["name_long"] == "Area urbana":
            item["name_long"] = "Área urbana"  # the spelling of the earlier, unchecked preset; the shapefile has none


def _symbol_off(doc):
    doc["child"]["key"][1]["description"] = None


@pytest.mark.parametrize("change, check", [(_accent_urbana, test_minam_units_are_the_shapefile_values),
                                           (_symbol_off, test_minam_symbols_are_the_published_ones)])
def test_a_misspelt_minam_unit_or_lost_symbol_is_caught(tmp_path, monkeypatch, change, check):
    _altered(tmp_path, monkeypatch, change, "minam_cobertura")
    with pytest.raises(AssertionError):
        check()
