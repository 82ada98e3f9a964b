"""Trends.Earth outputs as inputs: the band of a multi-band result picked by its name (issue 19, item 5).

Why a module: Trends.Earth writes each result as a multi-band GeoTIFF (or a VRT over several) with a JSON
file of the same name beside it that names every band ("SDG 15.3.1 Indicator", "Land cover (7 class)",
"Soil organic carbon", "Land Productivity Dynamics (from JRC)" ...) and holds its years in the band's
metadata. Band numbers change with the options of each run, so the algorithms that read a degradation,
land-cover, productivity or carbon raster pick the band by its name here, and read a one-band VRT of it.

Two layouts of that JSON are read, both as Trends.Earth writes them:

* Trends.Earth 2.x (``te_schemas``): a job whose ``results`` are ``RasterResults``: ``results.rasters``
  maps a data type to a raster (``uri.uri``: its file; ``bands``: its bands in order, each with ``name``,
  ``metadata`` and ``no_data_value``); ``results.uri`` is the file (a VRT or GeoTIFF) joining all of them,
  whose bands are those of every raster in turn.
* Trends.Earth 1.x (local results): ``{"file": ..., "metadata": ..., "bands": [{"name", "band_number",
  "metadata", ...}]}``.

A file without its JSON is read by band number (``BAND``, default 1) with a warning. This module imports
no QGIS: messages go back as (English template, parameters, is_warning) for the caller to translate.
"""

import json
import os
import re
import uuid
from dataclasses import dataclass, field

from osgeo import gdal

from ..algorithms.errors import N_, InputError

# Band names Trends.Earth gives (te_algorithms / LDMP constants), by the role the plugin reads.
SDG = "sdg"
LAND_COVER = "land_cover"
PRODUCTIVITY = "productivity"
SOC = "soc"
ROLE_NAMES = {
    SDG: ("SDG 15.3.1 Indicator", "SDG 15.3.1 Indicator (status)"),
    LAND_COVER: ("Land cover (7 class)",),
    PRODUCTIVITY: ("Land Productivity Dynamics (from Trends.Earth)", "Land Productivity Dynamics (from JRC)",
                   "Land Productivity Dynamics (from FAO-WOCAT)", "SDG 15.3.1 Productivity Indicator",
                   "SDG 15.3.1 Indicator (LPD)"),
    SOC: ("Soil organic carbon",),
}
# Metadata keys that hold a band's year in Trends.Earth results, in the order they are shown.
YEAR_KEYS = ("year", "year_final", "year_end", "reporting_year_final", "year_initial", "year_start")


@dataclass
class TeBand:
    """A band of a Trends.Earth result: its number in the file, name and metadata."""
    number: int
    name: str
    metadata: dict = field(default_factory=dict)

    def years(self):
        return [int(v) for k in YEAR_KEYS if str((v := self.metadata.get(k, ""))).lstrip("-").isdigit()]

    def label(self):
        years = self.years()
        return f"{self.name} ({'-'.join(str(y) for y in sorted(set(years)))})" if years else self.name


@dataclass
class Resolved:
    """The raster to read (``path``, one band), the band picked, and what to log."""
    path: str
    band: int
    label: str
    notes: list = field(default_factory=list)  # [(English template, {params}, is_warning)]
    named: bool = False  # picked by name from the Trends.Earth JSON


def sidecar(path):
    """The JSON Trends.Earth writes beside ``path`` (same name, .json), or None."""
    candidate = os.path.splitext(path)[0] + ".json"
    return candidate if os.path.isfile(candidate) else None


def read_bands(path):
    """[TeBand] of the Trends.Earth result ``path`` from its JSON, or None when there is no JSON."""
    json_path = sidecar(path)
    if json_path is None:
        return None
    try:
        with open(json_path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as error:
        raise InputError(N_("The Trends.Earth description {file} cannot be read ({error}). Fix or remove the "
                            "JSON file, or read the raster by band number."),
                         file=json_path, error=error) from None
    bands = _bands_of(doc if isinstance(doc, dict) else {}, os.path.basename(path))
    if bands is None:
        raise InputError(N_("{file} is not a Trends.Earth result description (no 'results.rasters' and no "
                            "'bands' for {raster}). Remove it, or read the raster by band number."),
                         file=json_path, raster=os.path.basename(path))
    return bands


def _bands_of(doc, file_name):
    """The bands of ``file_name`` in a 2.x job or a 1.x description; None when neither layout."""
    results = doc.get("results")
    if isinstance(results, dict) and isinstance(results.get("rasters"), dict):
        rasters = list(results["rasters"].values())
        for raster in rasters:
            if _uri_name(raster.get("uri")) == file_name:
                return _numbered(raster.get("bands") or [])
        # the joined file (results.uri), or a description whose file was renamed: all bands in turn
        return _numbered([b for raster in rasters for b in raster.get("bands") or []])
    if isinstance(doc.get("bands"), list):
        numbered = [TeBand(int(b.get("band_number") or n), str(b.get("name", "")), b.get("metadata") or {})
                    for n, b in enumerate(doc["bands"], start=1) if isinstance(b, dict)]
        return numbered
    return None


def _numbered(bands):
    return [TeBand(n, str(b.get("name", "")), b.get("metadata") or {})
            for n, b in enumerate(bands, start=1) if isinstance(b, dict)]


def _uri_name(uri):
    text = uri.get("uri") if isinstance(uri, dict) else uri
    return os.path.basename(str(text).replace("\\", "/")) if text else None


def parse_spec(text):
    """(band number or None, band name or None, year or None) of what the user typed: '3', a band name,
    or 'name @ 2019'."""
    text = (text or "").strip()
    if not text:
        return None, None, None
    if text.isdigit():
        return int(text), None, None
    match = re.fullmatch(r"(.+?)\s*@\s*(\d{4})", text)
    if match:
        return None, match.group(1).strip(), int(match.group(2))
    return None, text, None


def pick(bands, spec, role, parameter):
    """The TeBand ``spec`` names (see ``parse_spec``; empty: the role's default names), refused clearly."""
    number, name, year = parse_spec(spec)
    if number is not None:
        for band in bands:
            if band.number == number:
                return band
        raise InputError(N_("{parameter}: the Trends.Earth result has no band {number}; its bands are: {bands}."),
                         parameter=parameter, number=number, bands=_listing(bands))
    names = [name] if name else list(ROLE_NAMES.get(role, ()))
    for wanted in names:
        found = [b for b in bands if b.name.casefold() == wanted.casefold()]
        if year is not None:
            found = [b for b in found if year in b.years()]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InputError(N_("{parameter}: the Trends.Earth result has several bands named '{name}': {bands}. "
                                "Give the band number, or the name and year as '{name} @ YEAR'."),
                             parameter=parameter, name=wanted, bands=_listing(found))
    raise InputError(N_("{parameter}: the Trends.Earth result has no band named {names}; its bands are: "
                        "{bands}. Give one of these names or a band number."),
                     parameter=parameter, names=" / ".join(f"'{n}'" for n in names) + (
                         f" @ {year}" if year is not None else ""), bands=_listing(bands))


def _listing(bands):
    return "; ".join(f"{b.number}: {b.label()}" for b in bands)


def resolve(path, spec, role, parameter, workdir):
    """``Resolved`` for the raster ``path`` given the band ``spec`` typed in ``parameter`` (may be empty).

    With a Trends.Earth JSON beside the file, the band is picked by name (the role's names when ``spec`` is
    empty); without it, by number (default 1), with a warning when the file has several bands or a name was
    typed. A one-band file without JSON is returned as it is.
    """
    ds = gdal.OpenEx(path, gdal.OF_RASTER)
    if ds is None:
        raise InputError(N_("The raster {file} cannot be opened: {error}"), file=path, error=gdal.GetLastErrorMsg())
    count = ds.RasterCount
    ds = None
    bands = read_bands(path)
    notes = []
    if bands is not None:
        band = pick(bands, spec, role, parameter)
        notes.append((N_("{parameter}: band {number} '{label}' of the Trends.Earth result {file} (named in its "
                         "JSON)."), {"parameter": parameter, "number": band.number, "label": band.label(),
                                     "file": os.path.basename(path)}, False))
        number, label = band.number, band.name
    else:
        number, name, _year = parse_spec(spec)
        number = number or 1
        label = f"{number}"
        if name or count > 1:
            notes.append((N_("{parameter}: {file} has {count} bands and no Trends.Earth JSON beside it "
                             "({json}), so bands cannot be picked by name: band {number} is read. If that is not "
                             "the band you mean, put the JSON Trends.Earth wrote beside the raster, or give the "
                             "band number."),
                          {"parameter": parameter, "file": os.path.basename(path), "count": count,
                           "json": os.path.basename(os.path.splitext(path)[0] + ".json"), "number": number}, True))
    if number > count:
        raise InputError(N_("{parameter}: {file} has {count} bands, not {number}. Give a band between 1 and "
                            "{count}."), parameter=parameter, file=os.path.basename(path), count=count, number=number)
    named = bands is not None
    if count == 1:
        return Resolved(path, 1, label, notes, named)
    return Resolved(one_band_vrt(path, number, workdir), number, label, notes, named)


def one_band_vrt(path, number, workdir):
    """A VRT in ``workdir`` holding band ``number`` of ``path`` (nodata, grid and CRS kept; no copy)."""
    out = os.path.join(workdir, f"band{number}_{uuid.uuid4().hex[:8]}.vrt")
    ds = gdal.Translate(out, path, format="VRT", bandList=[number])
    if ds is None:
        raise InputError(N_("Band {number} of {file} cannot be read: {error}"), number=number, file=path,
                         error=gdal.GetLastErrorMsg())
    ds = None
    return out


def te_source(feedback, path, spec, role, parameter, workdir):
    """``resolve`` for an algorithm: the one-band raster to read, its notes pushed to the log (translated)."""
    from ..translation import tr

    resolved = resolve(path, spec, role, parameter, workdir)
    for template, params, warning in resolved.notes:
        (feedback.pushWarning if warning else feedback.pushInfo)(tr(template).format(**params))
    return resolved
