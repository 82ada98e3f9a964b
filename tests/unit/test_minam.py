"""MINAM degradation levels: the provisional rules row by row, indicator mappings, block runs, bad input."""

import itertools
import json
import os

import numpy as np
import pytest
from rasters import read_raster, write_raster

from t2restore.algorithms import fragmentation, minam
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError

ND = 255

# The "MINAM (provisional)" preset typed here from presets/minam_provisional.json's rules, by hand:
# level for (cover loss, productivity state, fragmentation state). Row = productivity 0..3,
# column = fragmentation 0..3.
EXPECTED = {
    0: [[0, 0, 1, 2],
        [1, 1, 1, 2],
        [1, 1, 2, 2],
        [2, 2, 3, 3]],
    1: [[3, 3, 3, 3],
        [3, 3, 3, 3],
        [4, 4, 4, 4],
        [4, 4, 4, 4]],
}
COMBOS = list(itertools.product(range(2), range(4), range(4)))


@pytest.fixture(scope="module")
def preset_rules():
    return minam.parse_rules(minam.load_preset()["rules"])


@pytest.mark.parametrize("loss,prod,frag", COMBOS)
def test_provisional_preset_each_combination(preset_rules, loss, prod, frag):
    assert minam.level_of(loss, prod, frag, preset_rules) == EXPECTED[loss][prod][frag]
    table = minam.rules_table(preset_rules)
    assert table[(loss << 4) | (prod << 2) | frag] == EXPECTED[loss][prod][frag]


def test_preset_is_marked_provisional_and_states_provenance():
    preset = minam.load_preset()
    assert preset["provisional"] is True and preset["name"] == "MINAM (provisional)"
    assert "not public" in preset["provenance"] and "2023" in preset["provenance"]


@pytest.mark.parametrize("lpd,state", [(1, 3), (2, 2), (3, 1), (4, 0), (5, 0), (0, ND), (15, ND)])
def test_lpd_to_productivity_state(lpd, state):
    mapping, _riitters, _natural = minam.preset_mappings(minam.load_preset())
    assert minam.productivity_state(np.array([[lpd]], np.uint8), mapping)[0, 0] == state


@pytest.mark.parametrize("cls,state", [(0, 0), (1, 3), (2, 2), (3, 1), (4, 1), (5, 0), (6, 1)])
def test_riitters_class_to_fragmentation_state(cls, state):
    _lpd, mapping, _natural = minam.preset_mappings(minam.load_preset())
    assert mapping[cls] == state


@pytest.mark.parametrize("base,target,expected", [(1, 3, 1), (2, 5, 1), (4, 7, 1), (1, 2, 0), (3, 1, 0), (3, 5, 0),
                                                  (6, 6, 0)])
def test_cover_loss_from_unccd_classes(base, target, expected):
    out = minam.cover_loss_state(np.array([[base]], np.uint8), np.array([[target]], np.uint8), (1, 2, 4))
    assert out[0, 0] == expected


def test_cover_loss_nodata_and_national_legend():
    base = np.array([[11, 15, 31, 0]], np.uint16)
    target = np.array([[31, 15, 11, 11]], np.uint16)
    out = minam.cover_loss_state(base, target, minam.parse_values("11-15", "N"), valid=base != 0)
    assert out.tolist() == [[1, 0, 0, ND]]


@pytest.mark.parametrize("text,values", [("1,2,4", (1, 2, 4)), ("11-15, 21", (11, 12, 13, 14, 15, 21)),
                                         ("-1", (-1,)), ("-3--1", (-3, -2, -1)), ("4;1", (1, 4)), ([2, 1], (1, 2))])
def test_parse_values(text, values):
    assert minam.parse_values(text, "X") == values


@pytest.mark.parametrize("text,fragment", [("1,a", "'a'"), ("", "is empty"), ("5-2", "runs backwards")])
def test_parse_values_errors(text, fragment):
    with pytest.raises(InputError) as err:
        minam.parse_values(text, "NATURAL_CLASSES")
    assert fragment in str(err.value) and "NATURAL_CLASSES" in str(err.value)


@pytest.mark.parametrize("rows,fragment", [
    ([[0, 4, "*", 1], ["*", "*", "*", 0]], "Rule 1: productivity decline has no state 4; its states are 0 to 3."),
    ([["*", "*", "*", 5]], "Rule 1: the level must be 0 (none) to 4 (very high); it is '5'."),
    ([["*", "x", "*", 1]], "Rule 1: the productivity decline condition 'x'"),
    ([[0, "*", "*", 1]], "No rule gives a level to cover loss 1, productivity 0, fragmentation 0."),
    ([["*", "*", 1]], "Rule 1 must have 4 cells"),
    ([], "The rules table is empty."),
])
def test_bad_rules_are_named(rows, fragment):
    with pytest.raises(InputError) as err:
        minam.parse_rules(rows)
    assert fragment in str(err.value)


def test_rules_matrix_round_trip_equals_preset(preset_rules):
    flat = minam.rules_matrix_values(minam.load_preset()["rules"])
    assert len(flat) == 4 * 11
    again = minam.parse_rules(minam.rules_from_matrix(flat + ["", "", "", ""]))
    for combo in COMBOS:
        assert minam.level_of(*combo, again) == minam.level_of(*combo, preset_rules)
    with pytest.raises(InputError, match="4 cells per row"):
        minam.rules_from_matrix(flat[:-1])


def _write(tmp_path, name, array, nodata):
    return write_raster(tmp_path / f"{name}.tif", array, nodata=nodata)


def test_block_path_equals_rules_for_every_combination(tmp_path):
    """Given indicators: every (cover loss, LPD, Riitters class) once, through the whole run."""
    combos = list(itertools.product((0, 1), (1, 2, 3, 4, 5), range(7)))
    arr = np.array(combos, np.uint8).T.reshape(3, 5, 14)
    loss, lpd, frag = (_write(tmp_path, n, a, 255) for n, a in zip(("loss", "lpd", "frag"), arr))
    out, ind = tmp_path / "o.tif", tmp_path / "i.tif"
    minam.minam_degradation(str(out), cover_loss=loss, productivity=lpd, fragmentation=frag,
                            indicators_output=str(ind), block_size=4)
    lpd_map, riitters_map, _ = minam.preset_mappings(minam.load_preset())
    expected = np.vectorize(lambda a, b, c: EXPECTED[a][lpd_map[b]][riitters_map[c]])(*arr)
    np.testing.assert_array_equal(read_raster(out), expected)
    assert read_raster(ind, 2).tolist() == np.vectorize(lpd_map.get)(arr[1]).tolist()


@pytest.fixture
def inputs(tmp_path):
    rng = np.random.default_rng(3)
    shape = (97, 83)  # not a multiple of the block sizes used
    lcb = rng.integers(0, 8, shape).astype(np.uint8)
    lct = rng.integers(1, 8, shape).astype(np.uint8)
    lpd = rng.integers(0, 6, shape).astype(np.uint8)
    forest = (rng.random(shape) < 0.65).astype(np.uint8)
    forest[rng.random(shape) < 0.03] = 9  # nodata
    zones = rng.integers(0, 4, shape).astype(np.int16)
    return {
        "arrays": dict(lcb=lcb, lct=lct, lpd=lpd, forest=forest, zones=zones),
        "lc_baseline": _write(tmp_path, "lcb", lcb, 0),
        "lc_target": _write(tmp_path, "lct", lct, 0),
        "productivity": _write(tmp_path, "lpd", lpd, 0),
        "forest_mask": _write(tmp_path, "forest", forest, 9),
        "zones": _write(tmp_path, "zones", zones, 0),
    }


def _reference(a, window):
    """Whole-array result from the rule functions (no blocks)."""
    lpd_map, riitters_map, natural = minam.preset_mappings(minam.load_preset())
    loss = minam.cover_loss_state(a["lcb"], a["lct"], natural, valid=a["lcb"] != 0)
    prod = minam.productivity_state(a["lpd"], lpd_map)
    k = (window - 1) // 2
    valid = np.pad(a["forest"] != 9, k)
    forest = np.pad(a["forest"] == 1, k) & valid
    classes = minam.riitters_classes(forest, valid, window)
    frag = np.vectorize(lambda c: riitters_map.get(int(c), ND))(classes).astype(np.uint8)
    rules = minam.parse_rules(minam.load_preset()["rules"])
    level = np.vectorize(lambda x, y, z: ND if ND in (x, y, z) else minam.level_of(x, y, z, rules))(loss, prod, frag)
    return level.astype(np.uint8), classes


@pytest.mark.parametrize("block_size", [16, 50, (83, 7), 1024])
def test_identical_whatever_block_size(tmp_path, inputs, block_size):
    out = tmp_path / "o.tif"
    sources = {k: v for k, v in inputs.items() if k not in ("arrays", "zones")}
    result = minam.minam_degradation(str(out), window=5, block_size=block_size, **sources)
    expected, _ = _reference(inputs["arrays"], 5)
    np.testing.assert_array_equal(read_raster(out), expected)
    assert result["used"] == ["cover_loss", "productivity", "fragmentation"]
    assert result["valid_pixels"] == int(np.count_nonzero(expected != ND))


def test_derived_fragmentation_equals_forest_fragmentation_algorithm(tmp_path, inputs):
    minam.minam_degradation(str(tmp_path / "o.tif"), forest_mask=inputs["forest_mask"], window=7,
                            indicators_output=str(tmp_path / "i.tif"), block_size=32)
    fragmentation.forest_fragmentation(inputs["forest_mask"], str(tmp_path / "f.tif"), window=7)
    _lpd, riitters_map, _ = minam.preset_mappings(minam.load_preset())
    classes = read_raster(tmp_path / "f.tif")
    expected = np.vectorize(lambda c: riitters_map.get(int(c), ND))(classes)
    np.testing.assert_array_equal(read_raster(tmp_path / "i.tif", 3), expected)
    assert (read_raster(tmp_path / "i.tif", 1) == ND).all()  # cover loss not given: band nodata


def test_area_table_per_zone_independent_of_block_size(tmp_path, inputs):
    sources = {k: v for k, v in inputs.items() if k != "arrays"}
    tables = [minam.minam_degradation(str(tmp_path / f"o{bs}.tif"), block_size=bs, **sources)["areas"]
              for bs in (24, 1024)]
    a, b = tables
    assert set(a.hectares) == set(b.hectares)
    for key in a.hectares:
        assert a.hectares[key] == pytest.approx(b.hectares[key], rel=1e-12)
    level = read_raster(tmp_path / "o24.tif")
    zones = inputs["arrays"]["zones"]
    for zone in range(4):
        for lvl in minam.LEVELS:
            assert a.pixels.get((zone, lvl), 0) == int(np.count_nonzero((zones == zone) & (level == lvl)))
    assert sum(a.pixels.values()) == level.size
    assert a.pixels[(1, None)] == int(np.count_nonzero((zones == 1) & (level == ND)))


def test_missing_indicator_takes_state_zero(tmp_path):
    lpd = _write(tmp_path, "lpd", np.array([[1, 2, 3, 4, 5]], np.uint8), 0)
    minam.minam_degradation(str(tmp_path / "o.tif"), productivity=lpd)
    assert read_raster(tmp_path / "o.tif").tolist() == [[2, 1, 1, 0, 0]]  # EXPECTED[0][state][0]


def test_custom_rules_and_files(tmp_path):
    lpd = _write(tmp_path, "lpd", np.array([[1, 4]], np.uint8), 0)
    minam.minam_degradation(str(tmp_path / "o.tif"), productivity=lpd, rules=[["*", 3, "*", 4], ["*", "*", "*", 0]])
    assert read_raster(tmp_path / "o.tif").tolist() == [[4, 0]]
    csv_path = tmp_path / "rules.csv"
    csv_path.write_text("cover_loss,productivity,fragmentation,level\n*,2;3,*,3\n*,*,*,1\n", encoding="utf-8")
    rows, preset = minam.read_rules_file(str(csv_path))
    assert preset is None
    minam.minam_degradation(str(tmp_path / "o.tif"), productivity=lpd, rules=rows)
    assert read_raster(tmp_path / "o.tif").tolist() == [[3, 1]]
    data = minam.load_preset()
    data["indicators"]["productivity"]["from_lpd"]["4"] = 3  # e.g. a stricter national mapping
    json_path = tmp_path / "rules.json"
    json_path.write_text(json.dumps(data), encoding="utf-8")
    rows, preset = minam.read_rules_file(str(json_path))
    lpd_map, _riitters, _ = minam.preset_mappings(preset)
    minam.minam_degradation(str(tmp_path / "o.tif"), productivity=lpd, rules=rows, lpd_states=lpd_map)
    assert read_raster(tmp_path / "o.tif").tolist() == [[2, 2]]


def test_forest_mask_without_forest(tmp_path):
    mask = _write(tmp_path, "m", np.zeros((20, 20), np.uint8), 255)
    out = tmp_path / "o.tif"
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(out), forest_mask=mask)
    assert "The forest mask FOREST_MASK has no forest pixel (no value in 1)" in str(err.value)
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if "part" in p]


@pytest.mark.parametrize("key,array,fragment", [
    ("cover_loss", np.array([[0, 1, 2, 7, 7]], np.uint8),
     "holds values other than 0 (no loss) and 1 (loss); values (pixels): 7 (2), 2 (1)."),
    ("productivity", np.array([[1, 5, 6, 0, 15]], np.uint8),
     "not land productivity dynamics classes (1 to 5; 0 and 15 are no data); codes (pixels): 6 (1)."),
    ("fragmentation", np.array([[0, 6, 8, 9, 9]], np.uint8),
     "not Riitters classes (0 to 6); codes (pixels): 9 (2), 8 (1)."),
])
def test_unknown_codes_are_named(tmp_path, key, array, fragment):
    path = _write(tmp_path, key, array, 255)
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), **{key: path})
    assert fragment in str(err.value)
    assert not (tmp_path / "o.tif").exists()


@pytest.mark.parametrize("kwargs,fragment", [
    (dict(lc_baseline="LCB"), "needs both LC_BASELINE and LC_TARGET"),
    (dict(lc_baseline="LCB", lc_target="LCB", cover_loss="LCB"), "not both"),
    (dict(forest_mask="LCB", fragmentation="LCB"), "not both"),
    (dict(forest_mask="LCB", window=4), "WINDOW must be an odd whole number"),
    (dict(), "At least one indicator is needed"),
    (dict(productivity="LCB", rules=[["*", "*", "*", 9]]), "the level must be 0 (none) to 4"),
])
def test_bad_arguments(tmp_path, kwargs, fragment):
    path = _write(tmp_path, "lcb", np.ones((3, 3), np.uint8), 0)
    kwargs = {k: (path if v == "LCB" else v) for k, v in kwargs.items()}
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), **kwargs)
    assert fragment in str(err.value)


def test_grids_that_differ(tmp_path):
    a = _write(tmp_path, "a", np.ones((10, 10), np.uint8), 0)
    b = write_raster(tmp_path / "b.tif", np.ones((10, 10), np.uint8), nodata=0,
                     geotransform=(400000.0, 20.0, 0.0, 8960000.0, 0.0, -20.0))
    with pytest.raises(GridMismatchError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), cover_loss=a, productivity=b)
    assert "pixel size differs (30 x 30 vs 20 x 20)" in str(err.value) and "PRODUCTIVITY" in str(err.value)


def test_float_zones_refused(tmp_path):
    lpd = _write(tmp_path, "lpd", np.ones((3, 3), np.uint8), 0)
    zones = _write(tmp_path, "z", np.ones((3, 3), np.float32), -1)
    with pytest.raises(InputError, match="zones must be whole numbers"):
        minam.minam_degradation(str(tmp_path / "o.tif"), productivity=lpd, zones=zones)


def test_cancel_leaves_no_output(tmp_path, inputs):
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 2

    sources = {k: v for k, v in inputs.items() if k not in ("arrays", "zones")}
    with pytest.raises(Cancelled):
        minam.minam_degradation(str(tmp_path / "o.tif"), block_size=16, is_cancelled=cancelled, **sources)
    assert not (tmp_path / "o.tif").exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".o.tif")]
