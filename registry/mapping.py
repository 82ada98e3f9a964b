"""Field mapping: rows of any source (shapefile, KML, CSV, another registry) as registry records.

The dock's import dialog and the ``t2restore:import_initiatives`` algorithm share these rules, so a
file imported by hand and in a batch gives the same registry content. Sources rarely carry FERM
codes: a department office writes "En ejecución" or "Restauración ecológica; Rehabilitación", so
coded targets accept the code, the English label or the Spanish label (accent- and case-blind) and
lists separated by ";", "," or "|" (or a JSON array). A value that matches nothing is kept as it is,
so the validator reports it as a code outside the vocabulary instead of the import silently
dropping it. Pure Python (no Qt): geometry is the caller's job.
"""

import json
import re
import zlib

from ..algorithms.errors import N_, T2Error
from . import vocab
from .model import Area, Contact, Initiative, Organization
from .text import fold

# target name: (kind, vocabulary or None, label). Kinds: text, int, real, code, codes, ubigeo, list.
AREA_TARGETS = {
    "site_name": ("text", None, N_("Site name")),
    "uuid": ("text", None, N_("Area identifier (uuid)")),
    "declared_area_ha": ("real", None, N_("Declared area (ha)")),
    "start_year": ("int", None, N_("Starting year of the area")),
    "ecosystems": ("codes", "iucnEcosystems", N_("Ecosystems (IUCN)")),
    "activities": ("codes", "activities", N_("Activities")),
    "activities_other": ("text", None, N_("Other activities")),
    "restoration_types": ("codes", "restorationTypes", N_("Restoration types")),
    "tenure_statuses": ("codes", "tenureStatuses", N_("Tenure statuses")),
    "gef_indicator": ("code", "gefIndicators", N_("GEF core indicator")),
    "department": ("text", None, N_("Department")),
    "province": ("text", None, N_("Province")),
    "district": ("text", None, N_("District")),
    "ubigeo": ("ubigeo", None, N_("UBIGEO code")),
    "ubigeo_source": ("code", "ubigeoSources", N_("UBIGEO code source")),
    "national_gap": ("code", "nationalGaps", N_("National gap")),
    "practices": ("codes", "restorationPractices", N_("Restoration practices (Peru)")),
    "protected_area": ("text", None, N_("Protected area")),
    "capture_method": ("code", "captureMethods", N_("Capture method")),
    "original_crs": ("text", None, N_("Original CRS of the area (when the source records it)")),
}
INITIATIVE_TARGETS = {
    "initiative_uuid": ("text", None, N_("Initiative identifier (uuid)")),
    "initiative_title": ("text", None, N_("Initiative title")),
    "initiative_description": ("text", None, N_("Initiative description")),
    "website": ("text", None, N_("Website")),
    "initiative_start_year": ("int", None, N_("Starting year of the initiative")),
    "initiative_end_year": ("int", None, N_("Ending year of the initiative")),
    "restoration_status": ("code", "restorationStatuses", N_("Restoration status")),
    "workflow_status": ("code", "workflowStatuses", N_("Workflow status")),
    "initiative_restoration_types": ("codes", "restorationTypes", N_("Restoration types of the initiative")),
    "objectives": ("codes", "projectObjectives", N_("Target 2 objectives")),
    "initiative_tenure_statuses": ("codes", "tenureStatuses", N_("Tenure statuses of the initiative")),
    "keywords": ("list", None, N_("Keywords")),
    "target_area": ("real", None, N_("Target area")),
    "target_area_unit": ("code", "units", N_("Target area unit")),
    "funding_sources": ("codes", "fundingSources", N_("Funding sources")),
    "implementing_institutions": ("codes", "implementingInstitutions", N_("Implementing institutions")),
    "lead_organization": ("text", None, N_("Leading organization")),
    "lead_organization_acronym": ("text", None, N_("Acronym of the leading organization")),
    "lead_organization_type": ("code", "agencyTypes", N_("Type of the leading organization")),
    "lead_organization_uuid": ("text", None, N_("Identifier (uuid) of the leading organization")),
    "contact_name": ("text", None, N_("Contact name")),
    "contact_email": ("text", None, N_("Contact email")),
    "contact_uuid": ("text", None, N_("Identifier (uuid) of the contact")),
}
TARGETS = {**AREA_TARGETS, **INITIATIVE_TARGETS}
_INITIATIVE_ATTRS = {
    "initiative_uuid": "uuid",
    "initiative_title": "title",
    "initiative_description": "description",
    "website": "website",
    "initiative_start_year": "start_year",
    "initiative_end_year": "end_year",
    "restoration_status": "restoration_status",
    "workflow_status": "workflow_status",
    "initiative_restoration_types": "restoration_types",
    "objectives": "objectives",
    "initiative_tenure_statuses": "tenure_statuses",
    "keywords": "keywords",
    "target_area": "target_area",
    "target_area_unit": "target_area_unit",
    "funding_sources": "funding_sources",
    "implementing_institutions": "implementing_institutions",
}

# Source field names often met in Peruvian files (folded, without separators), per target.
_ALIASES = {
    "site_name": ("sitename", "site", "sitio", "nombre", "nombresitio", "name", "predio", "parcela"),
    "uuid": ("uuid", "areauuid", "idarea"),
    "declared_area_ha": ("declaredareaha", "areaha", "hectareas", "has", "superficie", "supha", "area"),
    "start_year": ("startyear", "anio", "ano", "anioinicio", "year"),
    "ecosystems": ("ecosystems", "ecosistema", "ecosistemas"),
    "activities": ("activities", "actividades", "actividad"),
    "department": ("department", "departamento", "departamen", "nombdep", "dep"),
    "province": ("province", "provincia", "nombprov", "prov"),
    "district": ("district", "distrito", "nombdist", "dist"),
    "ubigeo": ("ubigeo", "iddist", "coddist"),
    "national_gap": ("nationalgap", "brecha"),
    "practices": ("practices", "practica", "practicas"),
    "protected_area": ("protectedarea", "anp", "areaprotegida"),
    "original_crs": ("originalcrs", "crsoriginal", "srcoriginal"),
    "lead_organization_uuid": ("leadorganizationuuid", "organizationuuid", "orguuid"),
    "contact_uuid": ("contactuuid",),
    "initiative_title": ("initiativetitle", "iniciativa", "proyecto", "title", "titulo"),
    "restoration_status": ("restorationstatus", "estado", "status"),
    "lead_organization": ("leadorganization", "organizacion", "entidad", "institucion"),
}


class MappingError(T2Error):
    template = N_("The field mapping cannot be read: {reason}")


class UnknownTargetError(MappingError):
    template = N_('"{target}" is not a registry field that can be imported. Known fields: {known}.')


class MissingSourceFieldError(MappingError):
    template = N_('The field mapping uses the source field "{field}", which the input does not have.')


class AmbiguousValueError(MappingError):
    translated_params = ("field",)
    template = N_(
        'Feature {feature}: "{value}" given for "{field}" matches several values: {candidates}. '
        "Write the full label or the code of the one meant."
    )


class DefaultValueError(MappingError):
    translated_params = ("expected",)
    template = N_('DEFAULTS: "{key}" is "{value}", which is not {expected}. Give it as, for example, {example}.')


_EXPECTED = {"int": (N_("a whole number"), "2021"), "real": (N_("a number"), "12.5")}


def target_label(target):
    """The English label of a target (callers translate it)."""
    return TARGETS[target][2]


def _check_targets(mapping):
    for target in mapping:
        if target not in TARGETS:
            raise UnknownTargetError(target=target, known=", ".join(TARGETS))
    return mapping


def parse_mapping(text):
    """A mapping {target: source field} from JSON or from a table of ``target=source`` lines.

    The table form also takes ``target,source`` and ``;``-separated pairs, which is what a
    Processing matrix or a shell one-liner produces. Empty text gives an empty mapping.
    """
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        data = _json_object(text)
        return _check_targets({str(k): str(v) for k, v in data.items() if v not in (None, "")})
    mapping = {}
    for pair in re.split(r"[\n;]+", text):
        pair = pair.strip()
        if not pair:
            continue
        parts = re.split(r"\s*[=,:]\s*", pair, maxsplit=1)
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise MappingError(reason=pair)
        mapping[parts[0].strip()] = parts[1].strip()
    return _check_targets(mapping)


def parse_defaults(text):
    """Default values {target: value} from JSON (values as they would appear in a source field).

    A number field given text that is not a number ({"start_year": "abc"}) is refused here
    rather than stored empty, and so is a coded value matching several vocabulary entries.
    """
    text = (text or "").strip()
    if not text:
        return {}
    defaults = _check_targets(_json_object(text))
    for target, value in defaults.items():
        kind = TARGETS[target][0]
        converted = convert(target, value, feature="DEFAULTS")
        if kind in _EXPECTED and not is_empty(value) and not _is_number(converted, kind):
            expected, example = _EXPECTED[kind]
            raise DefaultValueError(key=target, value=value, expected=expected, example=example)
    return defaults


def _is_number(value, kind):
    if isinstance(value, bool):
        return False
    return isinstance(value, int) if kind == "int" else isinstance(value, (int, float)) and value == value


def _json_object(text):
    """The dict that JSON ``text`` holds, or MappingError."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise MappingError(reason=str(exc)) from exc
    if not isinstance(data, dict):
        raise MappingError(reason="JSON object expected")
    return data


def _key(name):
    return re.sub(r"[^a-z0-9]", "", fold(name))


def guess_mapping(field_names):
    """A first mapping proposal from source field names (exact target names, then known aliases)."""
    by_key = {}
    for name in field_names:
        by_key.setdefault(_key(name), name)
    guess = {}
    for target in TARGETS:
        for alias in (_key(target),) + _ALIASES.get(target, ()):
            if alias in by_key and by_key[alias] not in guess.values():
                guess[target] = by_key[alias]
                break
    return guess


def signature(field_names):
    """A short stable key of a source's field set, under which its mapping is remembered."""
    text = "\n".join(sorted(_key(n) for n in field_names))
    return "%08x" % zlib.crc32(text.encode("utf-8"))


def is_empty(value):
    """True for None, NULL-like values and blank text."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    if isinstance(value, (list, tuple, dict)):
        return not value
    return str(value).strip() == "" or str(value) == "NULL"


def split_values(value):
    """A list from a list, a JSON array text or text separated by ";", "," or "|"."""
    if is_empty(value):
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if not is_empty(v)]
    text = str(value).strip()
    if text.startswith("["):
        try:
            data = json.loads(text)
            if isinstance(data, list):
                return [v for v in data if not is_empty(v)]
        except ValueError:
            pass
    return [part.strip() for part in re.split(r"[;|,]", text) if part.strip()]


def to_code(vocabulary, value, target=None, feature=""):
    """The code of ``vocabulary`` that ``value`` names (code, English or Spanish label, with or
    without the label's parenthetical part; case and accents ignored).

    Unknown values come back unchanged (coerced to the code type where possible) so that
    validation reports them instead of them vanishing. A value naming several entries raises
    ``AmbiguousValueError`` listing them.
    """
    voc = vocab.get(vocabulary)
    found = voc.find(value)
    if len(found) == 1:
        return found[0].code
    if len(found) > 1:
        spanish = any(vocab.bare(value) == vocab.bare(e.label_es) for e in found)
        raise AmbiguousValueError(
            feature=feature,
            value=value,
            field=TARGETS[target][2] if target in TARGETS else vocabulary,
            candidates="; ".join('%s = "%s"' % (e.code, e.label("es" if spanish else "en")) for e in found),
        )
    return voc.coerce(value)


def _int(value):
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return value
    return int(number) if number.is_integer() else value


def _real(value):
    text = str(value).strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _ubigeo(value):
    """UBIGEO as text with its leading zero ("10101" read as a number was "010101")."""
    text = str(value).strip()
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    if text.isdigit() and len(text) in (1, 3, 5):
        text = "0" + text
    return text


def convert(target, value, feature=""):
    """The registry value of a raw source value for ``target`` (None or [] when empty).

    ``feature`` names the row in the error raised for an ambiguous coded value.
    """
    kind, vocabulary, _label = TARGETS[target]
    if kind in ("codes", "list"):
        items = split_values(value)
        return [to_code(vocabulary, v, target, feature) for v in items] if vocabulary else [str(v) for v in items]
    if is_empty(value):
        return None
    if kind == "int":
        return _int(value)
    if kind == "real":
        return _real(value)
    if kind == "code":
        return to_code(vocabulary, value, target, feature)
    if kind == "ubigeo":
        return _ubigeo(value)
    return str(value).strip()


def record_values(raw, mapping, defaults=None, feature=""):
    """{target: converted value} from a source row ``raw`` ({field: value}) and the mapping.

    A default applies where the mapped value is empty or the target is not mapped at all.
    ``feature`` names the row in errors.
    """
    values = {}
    for target, source_field in mapping.items():
        value = convert(target, raw.get(source_field), feature)
        if not is_empty(value):
            values[target] = value
    for target, default in (defaults or {}).items():
        if is_empty(values.get(target)):
            value = convert(target, default, "DEFAULTS")
            if not is_empty(value):
                values[target] = value
    return values


def area_from_values(values, area=None):
    """An ``Area`` (new, or ``area`` updated) holding the area targets of ``values``; no geometry."""
    area = area or Area()
    for target in AREA_TARGETS:
        if target in values:
            setattr(area, target, values[target])
    if area.ubigeo and not area.ubigeo_source:
        area.ubigeo_source = "INEI"
    return area


def initiative_from_values(values):
    """A new ``Initiative`` from the initiative targets of ``values`` (with its lead and contact)."""
    ini = Initiative()
    for target, attr in _INITIATIVE_ATTRS.items():
        if target in values:
            setattr(ini, attr, values[target])
    if values.get("lead_organization"):
        organization = Organization(
            name=values["lead_organization"],
            acronym=values.get("lead_organization_acronym", ""),
            org_type=values.get("lead_organization_type"),
            role=1,
        )
        organization.uuid = values.get("lead_organization_uuid") or organization.uuid  # kept when mapped
        ini.organizations.append(organization)
    if values.get("contact_name") or values.get("contact_email"):
        contact = Contact(name=values.get("contact_name", ""), email=values.get("contact_email", ""))
        contact.uuid = values.get("contact_uuid") or contact.uuid  # kept when mapped
        ini.contacts.append(contact)
    return ini


def initiative_key(values):
    """What groups rows into one initiative: its uuid when mapped, else its title (None if neither)."""
    if values.get("initiative_uuid"):
        return ("uuid", values["initiative_uuid"])
    if values.get("initiative_title"):
        return ("title", values["initiative_title"])
    return None
