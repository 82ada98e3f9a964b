"""Tables written as an XLSX workbook through GDAL/OGR's XLSX driver (no library QGIS does not ship).

One ``Table`` is one sheet: a name, columns (key, header with its unit, kind) and rows of plain values.
Numbers stay numbers (OGR Real / Integer fields, read back as numbers by a spreadsheet and by OGR). The
workbook is written under a temporary name beside the destination and renamed only when complete, so a
failed or cancelled run never leaves a half-written file under the user's name.
"""

import math
import os
from dataclasses import dataclass, field

from osgeo import gdal, ogr

from .errors import N_, InputError
from .files import os_error, owner_token

KINDS = {"text": ogr.OFTString, "real": ogr.OFTReal, "int": ogr.OFTInteger64}
MAX_SHEET_NAME = 31  # Excel's limit


@dataclass
class Table:
    """One sheet: ``columns`` are (key, header, kind) with kind in KINDS; ``rows`` are dicts by key."""

    name: str
    columns: list
    rows: list = field(default_factory=list)

    def column(self, key):
        """The values of column ``key``, in row order."""
        return [row.get(key) for row in self.rows]


def _cell(value, kind):
    """A value OGR can store in a field of ``kind`` (None for empty cells and non-finite numbers)."""
    if value is None:
        return None
    if kind == "text":
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        return None
    return int(round(number)) if kind == "int" else number


def _sheet_name(name, used):
    """A sheet name Excel accepts (no []:*?/\\, at most 31 characters), unique in the workbook."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in str(name)).strip()[:MAX_SHEET_NAME] or "Sheet"
    base, n = clean, 2
    while clean.lower() in used:
        suffix = f" {n}"
        clean, n = base[:MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    used.add(clean.lower())
    return clean


def _write_sheet(ds, table, used):
    lyr = ds.CreateLayer(_sheet_name(table.name, used), None, ogr.wkbNone)
    if lyr is None:
        raise InputError(N_("The workbook sheet {name} cannot be created: {reason}"), name=table.name,
                         reason=gdal.GetLastErrorMsg())
    for _key, header, kind in table.columns:
        lyr.CreateField(ogr.FieldDefn(str(header), KINDS[kind]))
    defn = lyr.GetLayerDefn()
    for row in table.rows:
        feat = ogr.Feature(defn)
        for index, (key, _header, kind) in enumerate(table.columns):
            value = _cell(row.get(key), kind)
            if value is None:
                feat.SetFieldNull(index)
            else:
                feat.SetField(index, value)
        if lyr.CreateFeature(feat) != ogr.OGRERR_NONE:
            raise InputError(N_("A row of the workbook sheet {name} cannot be written: {reason}"), name=table.name,
                             reason=gdal.GetLastErrorMsg())


def write_workbook(path, tables):
    """Write ``tables`` (one sheet each, in order) to the XLSX file ``path``, atomically; returns ``path``."""
    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise InputError(N_("This GDAL has no XLSX driver, so the workbook cannot be written. Install a GDAL "
                            "built with XLSX support (every QGIS installer ships one)."))
    # GDAL reads ".xlsx" or ".zip" inside a path as an archive to enter: the temporary name holds neither
    part = os.path.join(os.path.dirname(os.path.abspath(path)),
                        f".t2restore-workbook.{owner_token()}.{os.urandom(4).hex()}.part.xlsx")
    gdal.ErrorReset()
    try:
        ds = driver.CreateDataSource(part)
        if ds is None:
            raise InputError(N_("The workbook {path} cannot be created: {reason}. Choose a folder you can write "
                                "to."), path=path, reason=gdal.GetLastErrorMsg() or "?")
        used = set()
        for table in tables:
            _write_sheet(ds, table, used)
        ds = None  # closing writes the file
        if gdal.GetLastErrorType() >= gdal.CE_Failure or not os.path.exists(part):
            raise InputError(N_("The workbook {path} cannot be written: {reason}. Choose a folder you can write "
                                "to."), path=path, reason=gdal.GetLastErrorMsg() or "?")
        os.replace(part, path)
    except OSError as error:
        raise os_error(error, path) from error
    finally:
        if os.path.exists(part):
            os.remove(part)
    return path
