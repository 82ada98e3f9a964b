"""AHP weights: published textbook matrices, the random index table, input checks, the inconsistency flag."""

import numpy as np
import pytest

from t2restore.algorithms import ahp
from t2restore.algorithms.errors import InputError

# Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48, 9-26: the house example,
# 8 criteria (size, transportation, neighbourhood, age, yard, modern facilities, condition, financing).
HOUSE = """1 5 3 7 6 6 1/3 1/4
1/5 1 1/3 5 3 3 1/5 1/7
1/3 3 1 6 3 4 6 1/5
1/7 1/5 1/6 1 1/3 1/4 1/7 1/8
1/6 1/3 1/3 3 1 1/2 1/5 1/6
1/6 1/3 1/4 4 2 1 1/5 1/6
3 5 1/6 7 5 5 1 1/2
4 7 5 8 6 6 2 1"""
HOUSE_NAMES = ["size", "transportation", "neighbourhood", "age", "yard", "modern facilities", "condition",
               "financing"]
HOUSE_WEIGHTS = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]

# Saaty's optics experiment (relative brightness of four chairs), same paper: weights 0.61, 0.24, 0.10, 0.05,
# lambda max 4.39 (the inverse square law gives 0.61, 0.22, 0.11, 0.06).
CHAIRS = [1, 5, 6, 7, "1/5", 1, 4, 6, "1/6", "1/4", 1, 4, "1/7", "1/6", "1/4", 1]

# METHODS.md section 5
RI_TABLE = {3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48,
            13: 1.56, 14: 1.57, 15: 1.59}


def _cells(text):
    return [cell for row in text.splitlines() for cell in row.split()]


def consistent_values(weights):
    w = np.asarray(weights, dtype=float)
    return list((w[:, None] / w[None, :]).ravel())


def test_random_index_table_matches_methods():
    assert {n: ri for n, ri in ahp.RANDOM_INDEX.items() if n >= 3} == RI_TABLE
    assert ahp.RANDOM_INDEX[1] == ahp.RANDOM_INDEX[2] == 0
    assert ahp.MAX_CRITERIA == 15


def test_saaty_house_example():
    result = ahp.ahp_weights(HOUSE_NAMES, _cells(HOUSE))
    np.testing.assert_allclose(result.weights, HOUSE_WEIGHTS, atol=5e-4)
    assert result.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert result.ci == pytest.approx(0.238, abs=5e-4)
    assert result.cr == pytest.approx(0.169, abs=5e-4)
    assert result.ri == 1.41
    assert not result.consistent
    assert result.ranks()[7] == 1 and result.ranks()[3] == 8


def test_saaty_chairs_example():
    result = ahp.ahp_weights(["chair 1", "chair 2", "chair 3", "chair 4"], CHAIRS)
    np.testing.assert_allclose(result.weights, [0.61, 0.24, 0.10, 0.05], atol=0.01)
    assert result.lambda_max == pytest.approx(4.39, abs=0.005)
    assert result.ci == pytest.approx(0.13, abs=0.005)
    assert result.cr == pytest.approx(0.13 / 0.90, abs=0.01)


def test_weights_sum_to_one_and_consistent_matrix_gives_its_weights():
    weights = [0.5, 0.25, 0.125, 0.125]
    result = ahp.ahp_weights(list("abcd"), consistent_values(weights))
    np.testing.assert_allclose(result.weights, weights, atol=1e-12)
    assert result.weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-9)
    assert result.cr == pytest.approx(0.0, abs=1e-9) and result.consistent


def test_two_criteria_are_always_consistent():
    result = ahp.ahp_weights(["a", "b"], [1, 7, "1/7", 1])
    np.testing.assert_allclose(result.weights, [7 / 8, 1 / 8], atol=1e-12)
    assert result.ci == result.cr == 0.0 and result.consistent


def test_upper_triangle_and_full_matrix_agree():
    full = ahp.ahp_weights(HOUSE_NAMES, _cells(HOUSE))
    n = len(HOUSE_NAMES)
    rows = [row.split() for row in HOUSE.splitlines()]
    upper = [rows[i][j] for i in range(n) for j in range(i + 1, n)]
    blank_lower = [rows[i][j] if j >= i else "" for i in range(n) for j in range(n)]
    for values in (upper, blank_lower, upper + ["", ""]):
        other = ahp.ahp_weights(HOUSE_NAMES, values)
        np.testing.assert_allclose(other.weights, full.weights, rtol=1e-12)
        assert other.cr == pytest.approx(full.cr, rel=1e-12)


def test_rounded_reciprocals_are_accepted_and_replaced_by_exact_ones():
    result = ahp.ahp_weights(["a", "b", "c"], [1, 3, 5, 0.33, 1, 2, 0.2, 0.5, 1])
    assert result.matrix[1, 0] == 1 / 3 and result.matrix[2, 1] == 0.5
    assert ahp.ahp_weights(["a", "b"], [1, 9, 0.11, 1]).matrix[1, 0] == 1 / 9


@pytest.mark.parametrize("values,fragment", [
    ([1, 3, 5, 0.25, 1, 2, 0.2, 0.5, 1], "not reciprocal: row 1, column 2 (a vs b) holds 3, so row 2, column 1 "
                                         "must hold 1/3, but it holds 1/4"),
    ([1, 3, 5, 3, 1, 2, 0.2, 0.5, 1], "not reciprocal"),
    ([0, 5, 2], "Row 1, column 2 (a vs b) holds 0; comparisons must be positive"),
    ([3, -5, 2], "Row 1, column 3 (a vs c) holds -5; comparisons must be positive"),
    ([3, 10, 2], "Row 1, column 3 (a vs c) holds 10, outside Saaty's scale"),
    ([3, 0.1, 2], "holds 0.1, outside Saaty's scale"),
    ([3, 5], "With 3 criteria the pairwise matrix needs 9 values"),
    ([1, 3, 5, 1 / 3, 1, 2, 0.2, 0.5], "8 values were given. The matrix must be square"),
    ([1, 3, 5, 1 / 3, 2, 2, 0.2, 0.5, 1], "The diagonal of the pairwise matrix must be 1"),
    ([1, "", 5, 1 / 3, 1, 2, 0.2, 0.5, 1], "Row 1, column 2 (a vs b) of the pairwise matrix is empty"),
    ([1, "x", 5, 1 / 3, 1, 2, 0.2, 0.5, 1], "Row 1, column 2 (a vs b) of the pairwise matrix is not a number"),
])
def test_bad_matrices_name_the_cell(values, fragment):
    with pytest.raises(InputError) as err:
        ahp.ahp_weights(["a", "b", "c"], values)
    assert fragment in str(err.value)


def test_criteria_count_limits():
    with pytest.raises(InputError, match="at least two criteria"):
        ahp.ahp_weights(["a"], [1])
    names = [f"c{i}" for i in range(16)]
    with pytest.raises(InputError, match="at most 15 criteria"):
        ahp.ahp_weights(names, [1] * 120)
    fifteen = ahp.ahp_weights(names[:15], [1] * 105)
    assert fifteen.ri == 1.59 and fifteen.consistent


def test_names_parsing_and_duplicates():
    assert ahp.parse_names(" slope, distance ,conflict,") == ["slope", "distance", "conflict"]
    assert ahp.parse_names("pendiente; distancia") == ["pendiente", "distancia"]
    with pytest.raises(InputError, match="Slope appears twice"):
        ahp.parse_names("slope, Slope")


def test_most_inconsistent_pair_is_the_corrupted_judgment():
    weights = [8, 4, 2, 1]
    values = consistent_values(weights)
    values[1 * 4 + 3] = 1 / 4  # b vs d should be 4; say 1/4
    values[3 * 4 + 1] = 4
    result = ahp.ahp_weights(list("abcd"), values)
    assert not result.consistent
    assert result.pair == (1, 3)
    assert result.given == 0.25
    assert result.implied > 3 * result.given  # the other judgments pull the implied ratio well above 1/4


def test_pair_is_reported_in_upper_orientation():
    values = consistent_values([8, 4, 2, 1])
    values[0 * 4 + 2], values[2 * 4 + 0] = 1 / 9, 9  # a vs c: 4 expected, 1/9 given
    result = ahp.ahp_weights(list("abcd"), values)
    assert result.pair == (0, 2) and result.given == pytest.approx(1 / 9)


def test_scale_helpers():
    assert ahp.format_judgment(3.0) == "3" and ahp.format_judgment(1 / 7) == "1/7"
    assert ahp.format_judgment(2.5) == "2.5" and ahp.format_judgment(0.4) == "0.4"
    assert ahp.nearest_on_scale(2.9) == 3 and float(ahp.nearest_on_scale(0.3)) == pytest.approx(1 / 3)
    assert ahp.nearest_on_scale(40) == 9


def test_ranks_share_ties():
    result = ahp.ahp_weights(list("abc"), [2, 2, 1])
    assert result.ranks() == [1, 2, 2]
    rows = result.rows()
    assert [r[0] for r in rows] == list("abc") and rows[0][6] == 1
    assert [name for name, _kind in ahp.TABLE_FIELDS][:2] == ["criterion", "weight"]


def test_csv_matrix_comma_and_semicolon(tmp_path):
    comma = tmp_path / "m.csv"
    comma.write_text(",slope,distance,conflict\nslope,1,3,1/5\ndistance,,1,1/7\nconflict,,,1\n", encoding="utf-8")
    names, values, decimal = ahp.read_matrix_csv(str(comma))
    assert names == ["slope", "distance", "conflict"] and not decimal
    a = ahp.ahp_weights(names, values, decimal)
    semi = tmp_path / "s.csv"
    semi.write_text(";slope;distance;conflict\nslope;1;3;0,2\ndistance;0,333;1;1/7\nconflict;5;7;1\n",
                    encoding="utf-8-sig")
    names, values, decimal = ahp.read_matrix_csv(str(semi))
    assert decimal
    b = ahp.ahp_weights(names, values, decimal)
    np.testing.assert_allclose(a.weights, b.weights, rtol=1e-12)


def test_csv_matrix_names_must_match(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(",a,b\nb,1,3\na,,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1 is named 'b' but column 1 is 'a'"):
        ahp.read_matrix_csv(str(bad))
    short = tmp_path / "short.csv"
    short.write_text(",a,b,c\na,1,3,3\nb,,1,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="has 2 rows for 3 criteria"):
        ahp.read_matrix_csv(str(short))
