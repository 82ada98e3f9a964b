"""Controlled vocabularies: FERM's codes verbatim, Spanish labels, and the Peru additions.

The JSON files in ``vocabularies/`` are the single source: the registry stores codes only, the
dock shows labels in the user's language, and every export carries lookup tables built from the
same entries, so a file explains itself without this plugin. The data lives inside the plugin
(not in ../shared) because the plugin must work on its own once installed.
"""

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .text import fold

VOCAB_DIR = Path(__file__).resolve().parent / "vocabularies"

# Lookup-table names are part of the interchange contract, so they are fixed here (and are the
# only identifiers ever used for those tables) rather than derived at run time.
LOOKUP_TABLES = {
    "restorationStatuses": "lk_restoration_statuses",
    "restorationTypes": "lk_restoration_types",
    "projectObjectives": "lk_project_objectives",
    "tenureStatuses": "lk_tenure_statuses",
    "iucnEcosystems": "lk_iucn_ecosystems",
    "activities": "lk_activities",
    "agencyTypes": "lk_agency_types",
    "agencyRoles": "lk_agency_roles",
    "gefIndicators": "lk_gef_indicators",
    "units": "lk_units",
    "indicators": "lk_indicators",
    "objectives": "lk_objectives",
    "ecosystems": "lk_ecosystems",
    "workflowStatuses": "lk_workflow_statuses",
    "reportingLines": "lk_reporting_lines",
    "countries": "lk_countries",
    "nationalGaps": "lk_national_gaps",
    "restorationPractices": "lk_restoration_practices",
    "fundingSources": "lk_funding_sources",
    "implementingInstitutions": "lk_implementing_institutions",
    "captureMethods": "lk_capture_methods",
    "ubigeoSources": "lk_ubigeo_sources",
    "departments": "lk_departments",
}


@dataclass(frozen=True)
class Entry:
    """One coded vocabulary entry, flattened with the labels of its parent and top group."""

    code: object
    label_en: str
    label_es: str
    parent_code: object = None
    parent_en: str = ""
    parent_es: str = ""
    group_en: str = ""
    group_es: str = ""
    selectable: bool = True
    mapping: tuple = ()

    def label(self, lang="en"):
        """The label in ``lang`` ("es" or anything else for English)."""
        return self.label_es if lang == "es" else self.label_en


@dataclass
class Vocabulary:
    """All coded entries of one vocabulary, in source order."""

    name: str
    entries: list = field(default_factory=list)

    def __post_init__(self):
        self._by_code = {(type(e.code), e.code): e for e in self.entries}
        self._by_name = None  # ({plain name: entries}, {bare name: entries}), built on first ``find``

    @property
    def code_type(self):
        """``int`` when every code is an integer (stored as INTEGER), else ``str``."""
        return int if all(isinstance(e.code, int) for e in self.entries) else str

    def get(self, code):
        """The entry for ``code`` (type-exact: 1 and "1" differ, codes are kept verbatim)."""
        return self._by_code.get((type(code), code))

    def is_valid(self, code):
        """True if ``code`` is a code users may select (leaf codes, not category headers)."""
        entry = self.get(code)
        return entry is not None and entry.selectable

    def coerce(self, value):
        """Convert a value read from a text source ("3", 3.0) to this vocabulary's code type.

        Returns the value unchanged when it cannot be converted, so validation reports it.
        """
        if self.code_type is int and not isinstance(value, bool):
            try:
                as_float = float(str(value).strip())
            except ValueError:
                return value
            return int(as_float) if as_float.is_integer() else value
        return value if isinstance(value, str) else str(value)

    def label(self, code, lang="en"):
        """The label of ``code``, or the code itself as text when unknown."""
        entry = self.get(code)
        return entry.label(lang) if entry else str(code)

    def find(self, value):
        """The entries that ``value`` names: its code, else a label, else a label without its parenthetical part.

        Labels compare folded (case, accents and spacing ignored), in English and in Spanish, so
        "restauracion pasiva" names "Restauración pasiva (regeneración natural con protección)".
        Selectable entries win over category headers of the same name. Several entries mean the
        value is ambiguous; none means it is not in the vocabulary.
        """
        entry = self.get(self.coerce(value))
        if entry is not None:
            return [entry]
        for key, index in zip((plain, bare), self._names()):
            found = index.get(key(value)) if key(value) else None
            if found:
                selectable = [e for e in found if e.selectable]
                return list({e.code: e for e in (selectable or found)}.values())
        return []

    def _names(self):
        if self._by_name is None:
            by_plain, by_bare = {}, {}
            for e in self.entries:
                for name in (e.label_en, e.label_es, e.code):
                    by_plain.setdefault(plain(name), []).append(e)
                    by_bare.setdefault(bare(name), []).append(e)
            self._by_name = (by_plain, by_bare)
        return self._by_name


_PARENTHESES = re.compile(r"[(\[][^()\[\]]*[)\]]")


def plain(text):
    """Folded text with runs of spaces made one."""
    return " ".join(fold(text).split())


def bare(text):
    """``plain`` without parenthetical parts ("Restauración pasiva (regeneración...)" -> "restauracion pasiva")."""
    return plain(_PARENTHESES.sub(" ", str(text)))


def _flatten(items, name, parent=None, top=None, out=None):
    for item in items:
        children = item.get("items") or []
        top_item = top or item
        if "value" in item:
            out.append(
                Entry(
                    code=item["value"],
                    label_en=item["label"],
                    label_es=item["label_es"],
                    parent_code=parent.get("value") if parent else None,
                    parent_en=parent["label"] if parent else "",
                    parent_es=parent["label_es"] if parent else "",
                    group_en=top_item["label"] if top else "",
                    group_es=top_item["label_es"] if top else "",
                    selectable=not children,
                    mapping=tuple(item.get("ferm_activities", ())),
                )
            )
        _flatten(children, name, item, top_item, out)
    return out


@lru_cache(maxsize=1)
def _load():
    index = json.loads((VOCAB_DIR / "index.json").read_text(encoding="utf-8"))
    vocabs = {}
    for file_name in index["files"]:
        data = json.loads((VOCAB_DIR / file_name).read_text(encoding="utf-8"))
        for name, items in data["vocabularies"].items():
            vocabs[name] = Vocabulary(name, _flatten(items, name, out=[]))
    return index, vocabs


def version():
    """The vocabulary version recorded in registries and exports."""
    return _load()[0]["version"]


def ferm_source():
    """Where FERM's codes were taken from (repository, commit, file)."""
    return _load()[0]["ferm_source"]


def names():
    """Names of every vocabulary, in a stable order."""
    return list(_load()[1])


def get(name):
    """The vocabulary called ``name`` (KeyError if there is none)."""
    return _load()[1][name]


def label(name, code, lang="en"):
    """Shortcut: label of ``code`` in vocabulary ``name``."""
    return get(name).label(code, lang)


def activity_group(code):
    """ "Biophysical" or "Enabling" for a FERM activity code (FERM exports them separately)."""
    entry = get("activities").get(code)
    return entry.group_en if entry else ""
