"""One parser for every list of values (issue 18, smaller items: FOREST_VALUES refused 1-5 while
NATURAL_CLASSES accepted 1-11 in the same algorithm)."""

import pytest

from t2restore.algorithms import fragmentation, minam
from t2restore.algorithms.errors import InputError
from t2restore.algorithms.values import parse_value_list


@pytest.mark.parametrize("text,expected", [
    ("1", (1,)), ("1-5", (1, 2, 3, 4, 5)), ("11-13, 21", (11, 12, 13, 21)), ("1, 2;5", (1, 2, 5)),
    (" 3 4 ", (3, 4)), ("-1", (-1,)), ("-3--1", (-3, -2, -1)), ("7..9", (7, 8, 9)), ([2, 1, 2], (1, 2)),
    ("5.0", (5,)),
])
def test_value_lists(text, expected):
    assert parse_value_list(text, "X") == expected


@pytest.mark.parametrize("text", ["1-5", "1-3,5", "2 3", "11..12"])
def test_forest_values_and_natural_classes_accept_the_same_lists(text):
    assert tuple(fragmentation.parse_forest_values(text)) == minam.parse_values(text, "NATURAL_CLASSES")


@pytest.mark.parametrize("text,fragment", [
    ("", "The list FOREST_VALUES is empty"), ("bosque", "'bosque'"), ("1.5", "'1.5'"), ("5-1", "runs backwards"),
    ("0-200000", "too long"),
])
def test_bad_lists_name_the_parameter_and_item(text, fragment):
    with pytest.raises(InputError) as err:
        parse_value_list(text, "FOREST_VALUES")
    assert fragment in str(err.value) and "FOREST_VALUES" in str(err.value)
