"""Land-cover legends and their nesting into the 7 UNCCD classes (presets, Trends.Earth JSON, tables).

Why a module: technicians arrive with national and global land-cover products (MapBiomas Perú, ESA
CCI, ESA WorldCover, MODIS IGBP, MINAM's national map), each with its own codes. A *nesting* says
which UNCCD class (1 tree-covered .. 7 water body) each code of such a legend belongs to. The
format is Trends.Earth's custom legend-nesting JSON (``parent``: the UNCCD legend, ``child``: the
product's legend, ``nesting``: {parent code: [child codes]}), so a nesting edited in Trends.Earth
carries over unchanged and ours open there. The shipped presets (``presets/land_cover/<id>.json``)
are such files plus ``id``, ``name`` and ``source`` (the legend document they follow).

Legends alone (code -> name) also label the class tables (``class_names``): a preset id, a CSV of
code,name, or a QML read by the Processing layer.
"""

import csv
import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import files
from .errors import N_, InputError

PRESET_DIR = Path(__file__).resolve().parents[1] / "presets" / "land_cover"
NODATA_PARENT = -32768  # Trends.Earth's no-data class code in a nesting's parent legend
UNCCD_ID = "unccd"

# The 7 UNCCD / SDG 15.3.1 classes with Trends.Earth's colours (LDMP/data/land_cover_nesting_unccd_esa.json).
UNCCD_CLASSES = (
    (1, N_("Tree-covered"), "#787F1B"),
    (2, N_("Grassland"), "#FFAC42"),
    (3, N_("Cropland"), "#FFFB6E"),
    (4, N_("Wetland"), "#00DB84"),
    (5, N_("Artificial"), "#E60017"),
    (6, N_("Other land"), "#FFF3D7"),
    (7, N_("Water body"), "#0053C4"),
)
UNCCD_CODES = tuple(c for c, _n, _col in UNCCD_CLASSES)


@dataclass
class Nesting:
    """A product legend nested into the UNCCD classes.

    ``classes``: {code: (name, colour or None)} of the product; ``parent_of``: {code: UNCCD class};
    ``nodata_codes``: product codes that mean no data (nested under Trends.Earth's -32768).
    """

    name: str
    classes: dict
    parent_of: dict
    nodata_codes: set = field(default_factory=set)
    source: str = ""
    preset_id: str = ""

    def names(self):
        """{code: name} of the product legend."""
        return {code: name for code, (name, _color) in self.classes.items()}


def preset_ids():
    """Ids of the shipped land-cover presets (file stems in presets/land_cover), sorted."""
    return sorted(p.stem for p in PRESET_DIR.glob("*.json"))


def load_preset(preset_id):
    """The shipped nesting ``preset_id``; InputError naming the available ids when there is none."""
    ids = preset_ids()
    if preset_id not in ids:
        raise InputError(N_("There is no land-cover preset '{preset}'. Choose one of: {choices}; or give a nesting "
                            "file (Trends.Earth's legend-nesting JSON)."), preset=preset_id, choices=", ".join(ids))
    nesting = load_nesting(PRESET_DIR / f"{preset_id}.json")
    nesting.preset_id = preset_id
    return nesting


def load_nesting(path):
    """A nesting from a Trends.Earth legend-nesting JSON file (or a preset), checked."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except OSError as error:
        raise files.os_error(error, path) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(N_("The nesting file {path} is not valid JSON ({error}). Export it again from Trends.Earth "
                            "or fix it in a text editor."), path=path, error=str(error)) from None
    return nesting_from_document(doc, path)


def nesting_from_document(doc, path="-"):
    """A ``Nesting`` from a parsed Trends.Earth legend-nesting document."""
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k), dict) for k in ("parent", "child", "nesting")):
        raise InputError(N_("The nesting file {path} lacks 'parent', 'child' or 'nesting': it is not a Trends.Earth "
                            "legend-nesting file (Land cover > custom legend > Save)."), path=path)
    parent_codes = {_int(c.get("code"), path) for c in doc["parent"].get("key", [])}
    if not parent_codes <= set(UNCCD_CODES):
        raise InputError(N_("The parent legend of {path} has the codes {codes}; it must be the 7 UNCCD classes "
                            "(1 tree-covered .. 7 water body)."), path=path,
                         codes=", ".join(str(c) for c in sorted(parent_codes - set(UNCCD_CODES))))
    parent_of, nodata_codes = _nesting_map(doc["nesting"], path)
    child = doc["child"]
    classes = {}
    for item in child.get("key", []):
        code = _int(item.get("code"), path)
        name = item.get("name_long") or item.get("name_short") or str(code)
        classes[code] = (str(name), item.get("color"))
    for code in parent_of:
        classes.setdefault(code, (str(code), None))
    return Nesting(name=str(child.get("name") or os.path.basename(path)), classes=classes, parent_of=parent_of,
                   nodata_codes=nodata_codes, source=str(doc.get("source", "")), preset_id=str(doc.get("id", "")))


def _nesting_map(nesting, path):
    """({child code: UNCCD class}, {child codes meaning no data}) of a nesting dict, each code once."""
    parent_of, nodata_codes = {}, set()
    for key, children in nesting.items():
        parent = _int(key, path)
        if parent != NODATA_PARENT and parent not in UNCCD_CODES:
            raise InputError(N_("The nesting of {path} nests codes under {code}, which is not a UNCCD class "
                                "(1..7) nor no data (-32768)."), path=path, code=key)
        if not isinstance(children, list):
            raise InputError(N_("The nesting of {path} gives '{value}' for the class {code}; it must be a list of "
                                "codes."), path=path, value=str(children), code=key)
        for child in children:
            code = _int(child, path)
            if code in parent_of or code in nodata_codes:
                raise InputError(N_("The code {code} is nested twice in {path}: each code of the legend belongs to "
                                    "one class only. Remove one of them."), code=code, path=path)
            if parent == NODATA_PARENT:
                nodata_codes.add(code)
            else:
                parent_of[code] = parent
    return parent_of, nodata_codes


def _int(value, path):
    try:
        if isinstance(value, bool) or float(value) != int(float(value)):
            raise ValueError
        return int(float(value))
    except (TypeError, ValueError):
        raise InputError(N_("The legend file {path} holds the code '{value}'; codes must be whole numbers."),
                         path=path, value=str(value)) from None


def nesting_document(nesting):
    """The Trends.Earth legend-nesting document of ``nesting`` (what Trends.Earth reads and writes)."""
    parent = {"name": "UNCCD Land Cover",
              "key": [_class_item(code, name, color) for code, name, color in UNCCD_CLASSES],
              "nodata": _class_item(NODATA_PARENT, "No data", "#000000")}
    child = {"name": nesting.name,
             "key": [_class_item(code, *nesting.classes.get(code, ("No data", None)))
                     for code in sorted((set(nesting.classes) | nesting.nodata_codes) - {NODATA_PARENT})],
             "nodata": _class_item(NODATA_PARENT, "No data", "#000000")}
    groups = {str(code): sorted(c for c, p in nesting.parent_of.items() if p == code) for code in UNCCD_CODES}
    groups[str(NODATA_PARENT)] = sorted(nesting.nodata_codes | {NODATA_PARENT})
    return {"parent": parent, "child": child, "nesting": groups}


def _class_item(code, name, color):
    return {"code": int(code), "name_long": str(name), "name_short": str(name)[:20], "description": None,
            "color": color}


def save_nesting(nesting, path):
    """Write ``nesting`` as a Trends.Earth legend-nesting JSON file (temporary name, then renamed)."""
    path = str(path)
    tmp = files.part_path(path, ".json")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(nesting_document(nesting), fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except OSError as error:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise files.os_error(error, path) from None
    return path


def read_legend_csv(path):
    """{code: name} from a CSV file with the columns code,name (a header row is optional)."""
    path = str(path)
    names = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for n, row in enumerate(csv.reader(fh), start=1):
                if not row or not "".join(row).strip() or row[0].strip().lower() in ("code", "codigo", "código"):
                    continue
                if len(row) < 2:
                    raise InputError(N_("Line {line} of the legend {path} has no name: each line must be "
                                        "code,name."), line=n, path=path)
                names[_int(row[0].strip(), path)] = row[1].strip()
    except OSError as error:
        raise files.os_error(error, path) from None
    except UnicodeDecodeError:
        raise InputError(N_("The legend {path} is not UTF-8 text: save it as CSV UTF-8."), path=path) from None
    if not names:
        raise InputError(N_("The legend {path} holds no code,name line."), path=path)
    return names


def legend_names(legend):
    """{code: name} of a legend given as a preset id ('unccd' for the 7 classes) or a CSV file path.

    UNCCD names are N_() templates (translated by the caller); QML files are read by the Processing layer.
    """
    text = str(legend).strip()
    if text == UNCCD_ID:
        return {code: name for code, name, _color in UNCCD_CLASSES}
    if text in preset_ids():
        return load_preset(text).names()
    if text.lower().endswith((".csv", ".txt")):
        return read_legend_csv(text)
    raise InputError(N_("The legend '{legend}' is neither a preset ({choices}), a CSV file of code,name nor a QML "
                        "style file."), legend=text, choices=", ".join([UNCCD_ID] + preset_ids()))


def _name_key(text):
    """A class name compared without case, accents or repeated spaces ('ÁREA  urbana' ~ 'Area urbana')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


class ClassLookup:
    """The code of each class named in a polygon field (MINAM's cover map names its units, with no code).

    A value is the class name as the legend writes it, or with other capitals, accents or spacing, or the
    class code itself. Values the legend does not have are counted in ``unknown`` ({value: polygons}) for
    the caller to refuse or leave out, as with unknown raster codes.
    """

    def __init__(self, nesting):
        self.codes = set(nesting.parent_of)
        self.exact = {name: code for code, (name, _color) in nesting.classes.items() if code in self.codes}
        self.loose = {}
        for name, code in sorted(self.exact.items(), key=lambda item: item[1]):
            self.loose.setdefault(_name_key(name), code)
        self.unknown = {}

    def code(self, value):
        """The class code of a field value (None: empty, or counted as unknown)."""
        text = "" if value is None else str(value).strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            text = str(int(value))
        code = self.exact.get(text)
        if code is None and text:
            code = self.loose.get(_name_key(text))
        if code is None and text.lstrip("-").isdigit() and int(text) in self.codes:
            code = int(text)
        if code is None:
            key = text or "(empty)"
            self.unknown[key] = self.unknown.get(key, 0) + 1
        return code

    def report(self, most=20):
        """"'Área verde' (12), '(empty)' (3)": the unknown values and their polygon counts, most frequent first."""
        items = sorted(self.unknown.items(), key=lambda kv: (-kv[1], kv[0]))
        text = ", ".join(f"'{value}' ({n})" for value, n in items[:most])
        return text + (" ..." if len(items) > most else "")
