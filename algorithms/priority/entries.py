"""Criteria from the RESCALING matrix of the Processing dialog or from a preset's entries."""

import os
from pathlib import Path

from ..blocks import open_raster
from ..errors import N_, InputError
from .criteria import Criterion, check_names, resolve_band
from .parsing import parse_lookup, parse_number
from .rescale import DEFAULT_QUANTILE_CLASSES, QUANTILE_METHODS, normalize_method

RESCALING_COLUMNS = 7  # raster number, band, name, method, low (or classes), high, lookup


def entries_from_rows(values):
    """Criterion entries (preset style) from the RESCALING matrix, a flat list of 7 columns per row.

    Columns: raster number in CRITERIA (1-based), band (number or name; blank = 1), criterion name
    (blank = raster and band), rescaling method, low (or number of quantile classes), high, lookup
    table ('value: score; ...; *: default').
    """
    cells = ["" if v is None else str(v).strip() for v in values]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) % RESCALING_COLUMNS:
        cells += [""] * (RESCALING_COLUMNS - len(cells) % RESCALING_COLUMNS)
    entries = []
    for r in range(0, len(cells), RESCALING_COLUMNS):
        raster, band, name, method, low, high, table = cells[r:r + RESCALING_COLUMNS]
        if not any((raster, band, name, method, low, high, table)):
            continue
        row = r // RESCALING_COLUMNS + 1
        try:
            number = int(float(raster or "1"))
        except ValueError:
            raise InputError(N_("Row {row} of the rescaling table: '{value}' is not a raster number (1 for the "
                                "first raster of CRITERIA)."), row=row, value=raster) from None
        entry = {"input": number, "band": _int_or_text(band) if band else 1,
                 "name": name or f"{number}:{band or 1}", "method": method}
        if not method:
            raise InputError(N_("Row {row} of the rescaling table has no rescaling method; use linear, inverted, "
                                "quantile, quantile_inverted or categorical."), row=row)
        kind = normalize_method(method, entry["name"])
        if kind in QUANTILE_METHODS:
            entry["classes"] = int(parse_number(low, N_("classes"), name)) if low else DEFAULT_QUANTILE_CLASSES
        elif kind == "categorical":
            entry["table"], entry["default"] = parse_lookup(table)
        else:
            entry["low"] = parse_number(low, N_("low"), name) if low else None
            entry["high"] = parse_number(high, N_("high"), name) if high else None
        entries.append(entry)
    return entries


def _int_or_text(text):
    """'2' or '2.0' (qgis_process passes matrix cells as numbers) -> 2; a band name stays text."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else text


def criteria_from_entries(entries, rasters, origin, base_dir=None):
    """(criteria, weights or None, notes) from preset-style entries.

    An entry finds its raster by ``input`` (1-based position in ``rasters``, the CRITERIA parameter)
    or ``path`` (relative to ``base_dir``, the preset's folder). ``notes`` are (template, params) for
    the log.
    """
    criteria, weights, notes = [], [], []
    for entry in entries:
        name = str(entry.get("name") or "").strip()
        if not name:
            raise InputError(N_("A criterion in {origin} has no name."), origin=origin)
        source, raster = _entry_source(entry, name, rasters, origin, base_dir)
        ds = open_raster(source, name)
        band, note = resolve_band(ds, entry.get("band", 1), entry.get("band_index"), name, origin, raster)
        if note:
            notes.append(note)
        criterion = Criterion(name=name, source=source, band=band, method=entry.get("method", ""),
                              low=entry.get("low"), high=entry.get("high"),
                              classes=entry.get("classes", DEFAULT_QUANTILE_CLASSES), table=entry.get("table"),
                              default=entry.get("default"))
        criteria.append(criterion.validate())
        weights.append(entry.get("weight"))
    check_names([c.name for c in criteria])
    return criteria, _all_or_no_weights(weights, criteria, origin), notes


def _entry_source(entry, name, rasters, origin, base_dir):
    """(source, file name for messages) of an entry: its ``path`` or its ``input`` number in CRITERIA."""
    if entry.get("path"):
        path = Path(str(entry["path"]))
        if not path.is_absolute() and base_dir is not None:
            path = Path(base_dir) / path
        if not path.exists():
            raise InputError(N_("The criterion {name} ({origin}) refers to the file {path}, which does not "
                                "exist."), name=name, origin=origin, path=str(path))
        return str(path), path.name
    number = int(entry.get("input", 1))
    if not 1 <= number <= len(rasters):
        raise InputError(N_("The criterion {name} ({origin}) refers to raster {input} of CRITERIA, but "
                            "CRITERIA holds {count} raster(s). Add the rasters this preset expects (see its "
                            "description)."), name=name, origin=origin, input=number, count=len(rasters))
    source = rasters[number - 1]
    return source, _label(source)


def _all_or_no_weights(weights, criteria, origin):
    """The entries' weights as floats, None when none is given; InputError when only some are."""
    given = [w is not None for w in weights]
    if any(given) and not all(given):
        missing = ", ".join(c.name for c, g in zip(criteria, given) if not g)
        raise InputError(N_("{origin} gives weights to some criteria but not to {names}; give a weight to every "
                            "criterion or to none."), origin=origin, names=missing)
    return [float(w) for w in weights] if all(given) and weights else None


def _label(source):
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(str(source))
    try:
        return os.path.basename(source.GetDescription()) or "raster"
    except AttributeError:
        return str(source)

