"""Land-cover presets: the ESA CCI default nesting; Trends.Earth legend-nesting JSON in and out.

Every preset is checked against its published legend in test_legend_presets_published.py (tables in tests/data/legends/,
each citing its source): code by code for ESA CCI, ESA WorldCover, MODIS IGBP and MapBiomas Perú, unit name by unit name
for MINAM's Mapa Nacional de Cobertura Vegetal (2015), whose shapefile has names and symbols but no codes.
"""

import json

import pytest

from t2restore.algorithms import legends
from t2restore.algorithms.errors import InputError

# Trends.Earth's default UNCCD nesting of ESA CCI (parent class -> child codes), as published.
TE_ESA_NESTING = {
    1: [50, 60, 61, 62, 70, 71, 72, 80, 81, 82, 90, 100],
    2: [110, 120, 121, 122, 130, 140, 150, 151, 152, 153],
    3: [10, 11, 12, 20, 30, 40],
    4: [160, 170, 180],
    5: [190],
    6: [200, 201, 202, 220],
    7: [210],
}
# Class names of ESA CCI as Trends.Earth publishes them in that file (after the CCI-LC PUG v2 legend).
CCI_NAMES = {
    10: "Cropland, rainfed", 11: "Herbaceous cover", 12: "Tree or shrub cover",
    20: "Cropland, irrigated or post-flooding",
    30: "Mosaic cropland (>50%) / natural vegetation (tree, shrub, herbaceous cover) (<50%)",
    40: "Mosaic natural vegetation (tree, shrub, herbaceous cover) (>50%) / cropland (<50%)",
    50: "Tree cover, broadleaved, evergreen, closed to open (>15%)",
    60: "Tree cover, broadleaved, deciduous, closed to open (>15%)",
    61: "Tree cover, broadleaved, deciduous, closed (>40%)", 62: "Tree cover, broadleaved, deciduous, open (15-40%)",
    70: "Tree cover, needleleaved, evergreen, closed to open (>15%)",
    71: "Tree cover, needleleaved, evergreen, closed (>40%)", 72: "Tree cover, needleleaved, evergreen, open (15-40%)",
    80: "Tree cover, needleleaved, deciduous, closed to open (>15%)",
    81: "Tree cover, needleleaved, deciduous, closed (>40%)", 82: "Tree cover, needleleaved, deciduous, open (15-40%)",
    90: "Tree cover, mixed leaf type (broadleaved and needleleaved)",
    100: "Mosaic tree and shrub (>50%) / herbaceous cover (<50%)",
    110: "Mosaic herbaceous cover (>50%) / tree and shrub (<50%)",
    120: "Shrubland", 121: "Shrubland evergreen", 122: "Shrubland deciduous", 130: "Grassland",
    140: "Lichens and mosses", 150: "Sparse vegetation (tree, shrub, herbaceous cover) (<15%)",
    151: "Sparse trees (<15%)", 152: "Sparse shrub (<15%)", 153: "Sparse herbaceous cover (<15%)",
    160: "Tree cover, flooded, fresh or brakish water", 170: "Tree cover, flooded, saline water",
    180: "Shrub or herbaceous cover, flooded, fresh/saline/brakish water", 190: "Urban areas", 200: "Bare areas",
    201: "Consolidated bare areas", 202: "Unconsolidated bare areas", 210: "Water bodies",
    220: "Permanent snow and ice",
}


def test_presets_are_the_five_legends():
    assert legends.preset_ids() == ["esa_cci", "esa_worldcover", "mapbiomas_peru", "minam_cobertura", "modis_igbp"]


def test_every_preset_cites_its_source():
    for preset_id in legends.preset_ids():
        nesting = legends.load_preset(preset_id)
        assert len(nesting.source) > 40, preset_id


def test_esa_cci_is_the_unccd_default_nesting():
    nesting = legends.load_preset("esa_cci")
    expected = {code: parent for parent, children in TE_ESA_NESTING.items() for code in children}
    assert nesting.parent_of == expected
    assert {code: nesting.classes[code][0] for code in nesting.parent_of} == CCI_NAMES
    assert 0 in nesting.nodata_codes


def _te_document():
    """A small nesting in the layout of Trends.Earth's LDMP/data/land_cover_nesting_unccd_esa.json."""
    def item(code, name, color):
        return {"code": code, "name_long": name, "name_short": name, "description": None, "color": color}
    unccd = [(1, "Tree-covered", "#787F1B"), (2, "Grassland", "#FFAC42"), (3, "Cropland", "#FFFB6E"),
             (4, "Wetland", "#00DB84"), (5, "Artificial", "#E60017"), (6, "Other land", "#FFF3D7"),
             (7, "Water body", "#0053C4")]
    return {
        "parent": {"name": "UNCCD Land Cover", "key": [item(*c) for c in unccd],
                   "nodata": item(-32768, "No data", "#000000")},
        "child": {"name": "Custom national legend",
                  "key": [item(0, "Sin datos", None), item(11, "Bosque", "#1B5E20"), item(21, "Pajonal", "#E0C068"),
                          item(31, "Cultivo", None), item(71, "Río", "#1565C0")],
                  "nodata": item(-32768, "No data", "#000000")},
        "nesting": {"1": [11], "2": [21], "3": [31], "4": [], "5": [], "6": [], "7": [71], "-32768": [-32768, 0]},
    }


def test_trends_earth_nesting_round_trip(tmp_path):
    path = tmp_path / "te.json"
    path.write_text(json.dumps(_te_document()), encoding="utf-8")
    nesting = legends.load_nesting(path)
    assert nesting.parent_of == {11: 1, 21: 2, 31: 3, 71: 7}
    assert nesting.nodata_codes == {-32768, 0}
    assert nesting.classes[71] == ("Río", "#1565C0")
    out = tmp_path / "out.json"
    legends.save_nesting(nesting, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    original = _te_document()
    assert written["nesting"] == original["nesting"]
    assert [c["code"] for c in written["parent"]["key"]] == [1, 2, 3, 4, 5, 6, 7]
    assert [(c["code"], c["name_long"], c["color"]) for c in written["child"]["key"]] == \
        [(c["code"], c["name_long"], c["color"]) for c in original["child"]["key"]]
    assert legends.load_nesting(out).parent_of == nesting.parent_of


def test_preset_export_loads_as_trends_earth_would(tmp_path):
    """te_schemas' LCLegendNesting checks: the nested codes are exactly the child key's codes (with its nodata),
    each once, and the nesting's parents exactly the parent key's codes (with its nodata)."""
    out = legends.save_nesting(legends.load_preset("esa_cci"), tmp_path / "cci.json")
    doc = json.loads(open(out, encoding="utf-8").read())
    nested = sorted(c for children in doc["nesting"].values() for c in children)
    keyed = sorted([c["code"] for c in doc["child"]["key"]] + [doc["child"]["nodata"]["code"]])
    assert nested == keyed
    assert sorted(int(k) for k in doc["nesting"]) == sorted([c["code"] for c in doc["parent"]["key"]] + [-32768])


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d["nesting"].update({"2": [21, 11]}), "nested twice"),
    (lambda d: d["nesting"].update({"9": [5]}), "not a UNCCD class"),
    (lambda d: d["parent"]["key"].append({"code": 8, "name_long": "x"}), "must be the 7 UNCCD classes"),
    (lambda d: d.pop("nesting"), "not a Trends.Earth legend-nesting file"),
    (lambda d: d["nesting"].update({"1": ["bosque"]}), "whole numbers"),
])
def test_bad_nesting_files_are_refused(tmp_path, change, fragment):
    doc = _te_document()
    change(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as info:
        legends.load_nesting(path)
    assert fragment in info.value.template


def test_unknown_preset_names_the_choices():
    with pytest.raises(InputError) as info:
        legends.load_preset("corine")
    assert "mapbiomas_peru" in str(info.value.params)


def test_legend_csv_and_presets_give_names(tmp_path):
    path = tmp_path / "legend.csv"
    path.write_text("code,name\n11,Bosque húmedo\n21,Pajonal\n", encoding="utf-8")
    assert legends.legend_names(str(path)) == {11: "Bosque húmedo", 21: "Pajonal"}
    assert legends.legend_names("modis_igbp")[8] == "Woody Savannas"
    assert legends.legend_names("unccd")[7] == "Water body"
    with pytest.raises(InputError):
        legends.legend_names("no_such_legend")


def test_class_lookup_by_name_spelling_or_code():
    nesting = legends.Nesting("national", {11: ("Área urbana", None), 71: ("Río", None), 72: ("Rio", None),
                                           0: ("Sin datos", None)}, {11: 5, 71: 7, 72: 7}, {0})
    lookup = legends.ClassLookup(nesting)
    # written as in the legend; capitals, accents and spacing aside; the code as a number or as text
    assert [lookup.code(v) for v in ("Área urbana", " AREA   urbana ", "Río", "Rio", "RIO", 11, 71.0, "72")] == \
        [11, 11, 71, 72, 71, 11, 71, 72]
    assert lookup.unknown == {}
    # the exact spelling wins over a looser match ('Rio' is 72, 'RIO' the lowest code spelt so: 71); no data is no
    # class; unknown values are counted by value, blanks together
    for value in ("Sin datos", 0, "Bosque", "Bosque", 12, 3.5, None, "  ", True):
        assert lookup.code(value) is None
    assert lookup.unknown == {"Sin datos": 1, "0": 1, "Bosque": 2, "12": 1, "3.5": 1, "(empty)": 2, "True": 1}
    assert lookup.report(most=2) == "'(empty)' (2), 'Bosque' (2) ..."  # ties in the order of the values
