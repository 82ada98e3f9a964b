"""Lists of integer values typed by users ('1,2,4', '11-15, 21', '3 4', '-1'): one parser for every parameter.

Why one module: class sets (natural vegetation, forest values, degraded values) are typed in single
line edits; the same algorithm must not accept ranges in one parameter and refuse them in the next
(minam_degradation took NATURAL_CLASSES=1-11 but refused FOREST_VALUES=1-5).
"""

import re

from .errors import N_, InputError

_RANGE = re.compile(r"^\s*(-?\d+)\s*(?:(?:\.\.|:|-)\s*(-?\d+))?\s*$")
MAX_RANGE = 100000


def _item_values(item, name):
    """The integers of one comma-separated item: a number, a range such as 11-15, or numbers separated by spaces."""
    match = _RANGE.match(item)
    if match:
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        if high < low or high - low > MAX_RANGE:
            raise InputError(N_("The list {name} has a range that runs backwards or is too long: '{item}'."),
                             name=name, item=item.strip())
        return range(low, high + 1)
    out = []
    for token in item.split():
        try:
            number = float(token)
        except ValueError:
            number = float("nan")
        if not number.is_integer():
            raise InputError(N_("The list {name} has an item that is neither a whole number nor a range such as "
                                "11-15: '{item}'."), name=name, item=token)
        out.append(int(number))
    return out


def parse_value_list(text, name):
    """'1,2,4', '11-15; 21', '3 4', '-1' or a list of numbers -> sorted tuple of distinct ints.

    Items are separated by commas, semicolons or spaces; an item may be a range (11-15, 11..15 or
    11:15). ``name`` (the parameter) is named in the InputError for a bad item or an empty list.
    """
    if isinstance(text, (list, tuple, set)):
        text = ",".join(str(v) for v in text)
    values = set()
    for item in str(text if text is not None else "").replace(";", ",").split(","):
        if item.strip():
            values.update(_item_values(item, name))
    if not values:
        raise InputError(N_("The list {name} is empty; give at least one value."), name=name)
    return tuple(sorted(values))
