"""Codes an input holds that its legend does not know: counted, then refused or sent to no data.

Why a module: a class raster with a code outside the legend (a land cover class 50 in a 7-class
map, an LPD value 7) is a wrong input, not a class. Counting it as a class (or silently as no data)
gives wrong areas that look right. Every algorithm that reads coded rasters collects such codes
block by block with ``UnknownCodes``, and at the end either refuses the run naming each code and its
pixel count, or, when the user asked for it (``UNKNOWN_CODES = nodata``), leaves those pixels out as
no data and reports how many there were.
"""

import numpy as np

from .block_threads import in_block_order, shared
from .errors import N_, InputError

REFUSE, NODATA = "refuse", "nodata"
POLICIES = (REFUSE, NODATA)
MAX_DISTINCT = 1000  # distinct unknown codes counted one by one; beyond that only the total
MAX_REPORTED = 20  # codes named in a message


def check_policy(policy):
    """``policy`` ('refuse' or 'nodata'), or InputError naming the choices."""
    if policy not in POLICIES:
        raise InputError(N_("UNKNOWN_CODES must be 'refuse' or 'nodata'; it is '{value}'."), value=policy)
    return policy


def format_counts(counts, extra=0):
    """'8 (120), 9 (3)': codes with their pixel counts, most frequent first, at most MAX_REPORTED."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"{_code(v)} ({n})" for v, n in items[:MAX_REPORTED])
    if len(items) > MAX_REPORTED or extra:
        text += " ..."
    return text


def _code(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


class UnknownCodes:
    """Pixels of one input whose value is outside its legend, counted per value.

    ``template`` is an N_() message with the placeholders {name} and {values} (the codes with their
    pixel counts); it should say how to fix the input and that UNKNOWN_CODES = nodata leaves those
    pixels out.
    """

    def __init__(self, name, template, policy=REFUSE, **params):
        self.name = name
        self.template = template
        self.params = params
        self.policy = check_policy(policy)
        self.counts = {}
        self.pixels = 0
        self.uncounted = 0
        shared(self)  # counts recorded on a Dask worker are added here

    def collect(self, array, unknown):
        """Count the values of ``array`` where the boolean ``unknown`` is set."""
        n = int(np.count_nonzero(unknown))
        if not n:
            return
        values, counts = np.unique(np.asarray(array)[unknown], return_counts=True)
        in_block_order(self._merge, n, values.tolist(), counts.tolist())

    def _merge(self, n, values, counts):
        """Add one block's counts, in block order (which codes fit under MAX_DISTINCT depends on it)."""
        self.pixels += n
        for value, count in zip(values, counts):
            if value in self.counts or len(self.counts) < MAX_DISTINCT:
                self.counts[value] = self.counts.get(value, 0) + count
            else:
                self.uncounted += count

    def check(self):
        """InputError listing the unknown codes when the policy is to refuse them."""
        if self.pixels and self.policy == REFUSE:
            raise InputError(self.template, name=self.name, values=format_counts(self.counts, self.uncounted),
                             **self.params)

    def report(self):
        """(name, pixels, 'code (pixels), ...') when codes were sent to no data, else None."""
        if not self.pixels:
            return None
        return self.name, self.pixels, format_counts(self.counts, self.uncounted)
