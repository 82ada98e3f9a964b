"""Priority presets: JSON files holding criteria, rescaling, weights, constraints, mask, classes, uncertainty.

Format described in presets/README_priority.md.
"""

import json
import os
from pathlib import Path

from ..errors import N_, InputError
from .parsing import plain

PRESET_FORMAT = "t2restore.priority_score"
PRESET_VERSION = 1


def load_preset(path):
    """A validated preset dict (format described in presets/README_priority.md), ``base_dir`` added."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as error:
        raise InputError(N_("Cannot read the preset {path}: {error}"), path=path, error=error) from None
    except ValueError as error:
        raise InputError(N_("The preset {path} is not valid JSON: {error}"), path=path, error=error) from None
    if not isinstance(data, dict) or data.get("format") != PRESET_FORMAT:
        raise InputError(N_("The file {path} is not a priority preset: its \"format\" must be "
                            "\"t2restore.priority_score\"."), path=path)
    if int(data.get("version", 1)) > PRESET_VERSION:
        raise InputError(N_("The preset {path} has format version {version}; this plugin reads version {supported}. "
                            "Update the plugin."), path=path, version=data.get("version"), supported=PRESET_VERSION)
    entries = data.get("criteria")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise InputError(N_("The preset {path} has no \"criteria\" list."), path=path)
    data["base_dir"] = str(Path(path).resolve().parent)
    data["file_name"] = Path(path).name
    weights = data.get("weights")
    if isinstance(weights, dict):
        names = {plain(e.get("name")) for e in entries}
        unknown = [n for n in weights if plain(n) not in names]
        if unknown:
            raise InputError(N_("The preset {path} gives a weight to {names}, which is not one of its criteria."),
                             path=path, names=", ".join(unknown))
        lookup_w = {plain(n): v for n, v in weights.items()}
        for entry in entries:
            entry.setdefault("weight", lookup_w.get(plain(entry.get("name"))))
    return data


def preset_document(name, criteria, weights, spec, uncertainty=None, constraints=(), mask=None, description=""):
    """A preset dict reproducing a run (absolute paths), for users to save and edit."""
    entries = []
    for c, w in zip(criteria, weights):
        entry = {"name": c.name, "path": os.path.abspath(str(c.source)) if isinstance(c.source, str) else None,
                 "band": c.band}
        entry.update({k: v for k, v in c.describe().items() if k != "name"})
        entry["weight"] = round(float(w), 6)
        entries.append(entry)
    classes = {"method": spec.method}
    if spec.method == "fixed":
        classes["breaks"] = list(spec.breaks)
    else:
        classes["count"] = spec.count
    doc = {"format": PRESET_FORMAT, "version": PRESET_VERSION, "name": name, "provisional": False,
           "description": description, "criteria": entries, "classes": classes,
           "constraints": [{"name": c.name, "path": c.source} for c in constraints]}
    if mask is not None:
        doc["mask"] = {"name": mask.name, "path": mask.source, "values": list(mask.values or [])}
    if uncertainty is not None:
        doc["uncertainty"] = {"enabled": True, "percent": uncertainty.percent, "runs": uncertainty.runs,
                              "seed": uncertainty.seed}
    return doc
