"""SDG 15.3.1 rules against METHODS.md tables, row by row and at the boundaries (no QGIS needed)."""

import itertools

import numpy as np
import pytest

from t2restore.algorithms import ldn
from t2restore.algorithms.errors import InputError

ND = -32768

# METHODS.md 1.1, typed here from the document (row = baseline, column = target).
METHODS_MATRIX = """
 0 -1 -1 -1 -1 -1 0
+1  0 +1 -1 -1 -1 0
+1 -1  0 -1 -1 -1 0
-1 -1 -1  0 -1 -1 0
+1 +1 +1 +1  0 +1 0
+1 +1 +1 +1 -1  0 0
 0  0  0  0  0  0 0
"""
TABLE = [[int(v) for v in line.split()] for line in METHODS_MATRIX.strip().splitlines()]


@pytest.mark.parametrize("base,target", list(itertools.product(range(1, 8), range(1, 8))))
def test_land_cover_transition_each_cell(base, target):
    out = ldn.land_cover_subindicator(np.array([[base]], np.uint8), np.array([[target]], np.uint8))
    assert out[0, 0] == TABLE[base - 1][target - 1]


@pytest.mark.parametrize("base,target", [(0, 1), (1, 0), (8, 1), (1, 8), (255, 3), (0, 0)])
def test_land_cover_outside_legend_is_nodata(base, target):
    out = ldn.land_cover_subindicator(np.array([[base]], np.uint8), np.array([[target]], np.uint8))
    assert out[0, 0] == ND


def test_custom_matrix_is_used():
    matrix = np.array(TABLE)
    matrix[0][2] = 0  # e.g. tree -> cropland judged stable (agroforestry)
    out = ldn.land_cover_subindicator(np.array([[1, 1]], np.uint8), np.array([[3, 2]], np.uint8), matrix)
    assert out.tolist() == [[0, -1]]


@pytest.mark.parametrize("lpd,expected", [(1, -1), (2, -1), (3, 0), (4, 0), (5, 1), (0, ND), (15, ND), (6, ND)])
def test_productivity_subindicator(lpd, expected):
    assert ldn.productivity_subindicator(np.array([[lpd]], np.uint8))[0, 0] == expected


def test_productivity_int16_input_with_negative_nodata():
    lpd = np.array([[-32768, 1, 5]], np.int16)
    out = ldn.productivity_subindicator(lpd, valid=lpd != -32768)
    assert out.tolist() == [[ND, -1, 1]]


@pytest.mark.parametrize(
    "baseline,target,expected",
    [
        (100.0, 90.0, -1),      # exactly -10 %
        (100.0, 90.01, 0),      # just above -10 %
        (100.0, 89.99, -1),
        (100.0, 110.0, 1),      # exactly +10 %
        (100.0, 109.99, 0),
        (100.0, 100.0, 0),
        (50.0, 45.0, -1),       # -10 % with other exact values
        (50.0, 55.0, 1),
        (0.5, 0.45, -1),        # 0.45 is not exact in binary; the comparison must still hold
        (0.0, 10.0, ND),        # baseline 0 -> nodata
        (-5.0, 10.0, ND),       # negative stock is not a stock
    ],
)
def test_soc_subindicator_boundaries(baseline, target, expected):
    out = ldn.soc_subindicator(np.array([[baseline]], np.float32), np.array([[target]], np.float32))
    assert out[0, 0] == expected


def test_soc_water_and_nodata_give_nodata():
    b = np.array([[100.0, 100.0, 100.0]], np.float32)
    t = np.array([[50.0, 50.0, 50.0]], np.float32)
    water = np.array([[True, False, False]])
    valid = np.array([[True, True, False]])
    assert ldn.soc_subindicator(b, t, valid, water).tolist() == [[ND, -1, ND]]


def _expected_ooao(values):
    if ND in values:
        return ND
    if -1 in values:
        return -1
    if 1 in values:
        return 1
    return 0


@pytest.mark.parametrize("combo", list(itertools.product((-1, 0, 1, ND), repeat=3)))
def test_one_out_all_out_every_combination(combo):
    subs = [np.array([[v]], np.int16) for v in combo]
    assert ldn.one_out_all_out(subs)[0, 0] == _expected_ooao(combo)


@pytest.mark.parametrize("combo", list(itertools.product((-1, 0, 1, ND), repeat=1)))
def test_one_out_all_out_single_subindicator(combo):
    assert ldn.one_out_all_out([np.array([[combo[0]]], np.int16)])[0, 0] == combo[0]


def test_one_out_all_out_needs_one():
    with pytest.raises(InputError):
        ldn.one_out_all_out([])


@pytest.mark.parametrize("matrix,fragment", [
    (np.zeros((6, 7)), "7 x 7"),
    (np.zeros((7, 8)), "7 x 7"),
    (np.full((7, 7), 2), "row 1, column 1 holds 2"),
    (np.pad(np.zeros((7, 6)), ((0, 0), (0, 1)), constant_values=0.5), "column 7 holds 0.5"),
])
def test_validate_matrix_errors(matrix, fragment):
    with pytest.raises(InputError) as err:
        ldn.validate_matrix(matrix)
    assert fragment in str(err.value)


def test_validate_matrix_accepts_default():
    assert ldn.validate_matrix(TABLE).tolist() == TABLE


@pytest.mark.parametrize("table,fragment", [
    ({11: 9}, "UNCCD classes are 1 to 7"),
    ({"x": 1}, "not two whole numbers"),
    ({}, "empty"),
])
def test_validate_recode_errors(table, fragment):
    with pytest.raises(InputError) as err:
        ldn.validate_recode(table)
    assert fragment in str(err.value)


def test_translated_message_uses_translator():
    error = InputError("Hello {name}", name="Puno")
    assert error.message(lambda text: text.replace("Hello", "Hola")) == "Hola Puno"
