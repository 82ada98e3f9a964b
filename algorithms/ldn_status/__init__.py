"""SDG 15.3.1 over several periods: status against the baseline, counterbalancing, corrections.

``rules`` holds the method (METHODS.md 1.5 and the UNCCD GPG addendum) as small functions,
``corrections`` reads Trends.Earth's error-recode polygons, ``engine`` runs the rules block by block.
``ldn_status`` below ties them together over rasters.
"""

from dataclasses import dataclass, field

import numpy as np

from .. import codes as code_check
from ..blocks import DEFAULT_BLOCK, InputSlots, RasterInput, RasterOutput, run_blocks
from ..errors import N_, InputError
from . import rules
from .corrections import Correction, correction_from_attributes  # noqa: F401 - the package's API
from .engine import CorrectionTally, StatusKernel, check_land_type

REPORTS = ("report_1", "report_2")
STATUS_NAMES = {
    1: N_("Persistent degradation"), 2: N_("Recent degradation"), 3: N_("Baseline degradation"), 4: N_("Stable"),
    5: N_("Baseline improvement"), 6: N_("Recent improvement"), 7: N_("Persistent improvement"),
}


@dataclass
class StatusInputs:
    """Raster sources on one grid: baseline, one or two reporting periods, optional land type, zones
    (int32 zone numbers, 0 outside every zone) and corrections (int32 polygon numbers 1..n, 0 outside).
    ``bands``: the band of baseline, reporting 1 and reporting 2 to read (a Trends.Earth output holds several)."""

    baseline: object
    reporting: list
    land_type: object = None
    zones: object = None
    correction_index: object = None
    corrections: list = field(default_factory=list)
    bands: tuple = (1, 1, 1)


def _open(inputs):
    if not 1 <= len(inputs.reporting) <= 2:
        raise InputError(N_("Give one or two reporting periods (REPORTING_1, and REPORTING_2 if there is one)."))
    if inputs.correction_index is not None and not inputs.corrections:
        raise InputError(N_("The corrections raster was given without its polygons."))
    opened = InputSlots()
    sdg = zip(("baseline",) + REPORTS, [inputs.baseline] + list(inputs.reporting),
              ("BASELINE", "REPORTING_1", "REPORTING_2"), inputs.bands)
    for key, source, name, band in sdg:
        opened.slots[key] = len(opened.inputs)
        opened.inputs.append(RasterInput(source, name=name, band=int(band or 1)))
        opened.inputs[-1].open()  # refuses a band the raster does not have, naming both
    for key, source, name in (("land", inputs.land_type, "LAND_TYPE"), ("zones", inputs.zones, "ZONES"),
                              ("index", inputs.correction_index, "CORRECTIONS")):
        if source is not None:
            opened.add(key, source, name)
    if inputs.land_type is not None:
        check_land_type(opened.inputs[opened.slots["land"]])
    return opened


def output_keys(periods, with_simple, with_corrected):
    """The (kind, period) of every raster output, in the order the kernel returns them."""
    keys = [("status", p) for p in periods]
    if with_simple:
        keys += [("simple", p) for p in periods]
    if with_corrected:
        keys += [("corrected", p) for p in ("baseline",) + tuple(periods)]
    return keys


def ldn_status(inputs, outputs, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None,
               unknown_codes=code_check.REFUSE):
    """Status of each reporting period against the baseline, block by block.

    ``outputs`` maps (kind, period) to a path, kind being 'status' (7 classes), 'simple' (-1/0/1) or
    'corrected' (the SDG raster after corrections, period 'baseline', 'report_1' or 'report_2'); every
    status output must be given, the others are optional as groups. Returns a dict: ``areas``
    ({period: AreaAccumulator of (zone, status class)}), ``balance`` (``engine.Balance``),
    ``corrections`` ({(polygon number, period): (hectares, pixels)} changed), ``periods``, ``unknown``.
    """
    opened = _open(inputs)
    periods = REPORTS[:len(inputs.reporting)]
    keys = [key for key in output_keys(periods, True, True) if outputs.get(key)]
    tally = CorrectionTally(inputs.corrections, ("baseline",) + periods)
    kernel = StatusKernel(opened, periods, tally, keys, unknown_codes)
    rasters = [RasterOutput(outputs[key], np.int16, rules.NODATA, band_names=(_band_name(key),)) for key in keys]
    run_blocks(opened.inputs, kernel, rasters, block_size=block_size, progress=progress,
               is_cancelled=is_cancelled, before_commit=kernel.before_commit, parallel=True)
    changed = {key: (tally.hectares[key], tally.pixels[key]) for key in tally.pixels}
    return {"areas": kernel.areas, "balance": kernel.balance, "corrections": changed, "periods": periods,
            "unknown": [item.report() for item in kernel.unknown.values() if item.report()]}


def _band_name(key):
    kind, period = key
    return {"status": "SDG 15.3.1 status {p}", "simple": "SDG 15.3.1 status (3 classes) {p}",
            "corrected": "SDG 15.3.1 corrected {p}"}[kind].format(p=period)


def zone_numbers(areas):
    """Zone numbers with a status (not no data) in any period (0 without zones): the zones of the balance table."""
    return sorted({zone for acc in areas.values() for (zone, cls) in acc.hectares if cls is not None} or {0})
