"""The registry's tables of the Target 2 report (t2restore:target2_report): plain data, no QGIS.

Each function takes full initiatives (``store.get_initiatives()``) and returns an
``algorithms.workbook.Table`` whose headers are English templates marked with ``N_`` (the processing
layer translates them). Hectares are the stored ellipsoidal ``area_ha`` of each area (the plugin's
one area engine computed them at save time); an area under several codes (ecosystems, institutions)
counts under each, which the sheet's note says.
"""

from collections import defaultdict

from ..algorithms.errors import N_
from ..algorithms.workbook import Table
from . import vocab

OVERLAP_RULES = ("overlap_same_initiative", "overlap_other_initiative")


def _label(name, code, lang):
    """The vocabulary label of ``code`` (the code itself when it is not in the vocabulary)."""
    if code in (None, ""):
        return ""
    try:
        text = vocab.label(name, code, lang)
    except KeyError:
        text = None
    return text or str(code)


def _areas(initiatives):
    for ini in initiatives:
        for area in ini.areas:
            yield ini, area


def _ha(area):
    return float(area.area_ha or 0.0)


def _group_table(name, code_header, groups, lang, vocabulary):
    """Rows (code, label, areas, hectares) from {code: [area, ...]}, largest first."""
    rows = []
    for code, members in groups.items():
        rows.append({"code": "" if code is None else str(code), "name": _label(vocabulary, code, lang) if code else
                     N_("(not given)"), "areas": len(members), "hectares": sum(_ha(a) for a in members)})
    rows.sort(key=lambda r: (-r["hectares"], r["code"]))
    return Table(name, [("code", code_header, "text"), ("name", N_("Name"), "text"),
                        ("areas", N_("Areas"), "int"), ("hectares", N_("Registered area (ha)"), "real")], rows)


def ecosystems_table(initiatives, lang="en"):
    """Registered hectares per IUCN ecosystem (an area under several ecosystems counts under each)."""
    groups = defaultdict(list)
    for _ini, area in _areas(initiatives):
        for code in area.ecosystems or [None]:
            groups[code].append(area)
    return _group_table(N_("Ecosystems"), N_("IUCN ecosystem"), groups, lang, "iucnEcosystems")


def gaps_table(initiatives, lang="en"):
    """Registered hectares per national gap of the areas (only MINAM, only SERFOR, both, outside)."""
    groups = defaultdict(list)
    for _ini, area in _areas(initiatives):
        groups[area.national_gap or None].append(area)
    return _group_table(N_("Gaps"), N_("National gap"), groups, lang, "nationalGaps")


def institutions_table(initiatives, lang="en"):
    """Initiatives, areas and registered hectares per implementing institution and per funding source."""
    rows = []
    for kind, attribute, vocabulary in ((N_("Implementing institution"), "implementing_institutions",
                                         "implementingInstitutions"),
                                        (N_("Funding source"), "funding_sources", "fundingSources")):
        groups = defaultdict(list)
        for ini in initiatives:
            for code in getattr(ini, attribute) or [None]:
                groups[code].append(ini)
        for code, members in groups.items():
            areas = [a for ini in members for a in ini.areas]
            rows.append({"kind": kind, "code": "" if code is None else str(code),
                         "name": _label(vocabulary, code, lang) if code else N_("(not given)"),
                         "initiatives": len(members), "areas": len(areas),
                         "hectares": sum(_ha(a) for a in areas)})
    return Table(N_("Institutions"), [
        ("kind", N_("Kind"), "text"), ("code", N_("Code"), "text"), ("name", N_("Name"), "text"),
        ("initiatives", N_("Initiatives"), "int"), ("areas", N_("Areas"), "int"),
        ("hectares", N_("Registered area (ha)"), "real")], rows)


def start_years_table(initiatives):
    """Hectares registered per start year of the areas, with the running total (hectares over time)."""
    groups = defaultdict(list)
    for ini, area in _areas(initiatives):
        groups[area.start_year or ini.start_year].append(area)
    rows, running = [], 0.0
    for year in sorted(groups, key=lambda y: (y is None, y or 0)):
        hectares = sum(_ha(a) for a in groups[year])
        running += hectares
        rows.append({"year": year, "areas": len(groups[year]), "hectares": hectares, "cumulative": running})
    return Table(N_("Start years"), [
        ("year", N_("Start year"), "int"), ("areas", N_("Areas"), "int"),
        ("hectares", N_("Registered area (ha)"), "real"), ("cumulative", N_("Cumulative area (ha)"), "real")], rows)


def overlap_by_area(findings):
    """{area uuid: hectares it shares with other areas} from the validation findings (double counting)."""
    shared = defaultdict(float)
    for finding in findings:
        if finding.rule in OVERLAP_RULES and finding.area_uuid:
            shared[finding.area_uuid] += float(finding.params.get("overlap_ha") or 0.0)
    return shared


def areas_table(initiatives, findings):
    """One row per area: initiative, site, department, start year, hectares, validation flags, overlap."""
    flags, shared = defaultdict(set), overlap_by_area(findings)
    for finding in findings:
        if finding.area_uuid:
            flags[finding.area_uuid].add(finding.rule)
    rows = [{"initiative": ini.title, "initiative_uuid": ini.uuid, "state": ini.validation_state,
             "site": area.site_name, "area_uuid": area.uuid, "department": area.department,
             "year": area.start_year or ini.start_year, "hectares": area.area_ha,
             "declared": area.declared_area_ha, "overlap": shared.get(area.uuid, 0.0),
             "flags": ", ".join(sorted(flags.get(area.uuid, ()) or area.validation_flags or ()))}
            for ini, area in _areas(initiatives)]
    return Table(N_("Initiatives and areas"), [
        ("initiative", N_("Initiative"), "text"), ("initiative_uuid", N_("Initiative UUID"), "text"),
        ("state", N_("Validation state"), "text"), ("site", N_("Site"), "text"),
        ("area_uuid", N_("Area UUID"), "text"), ("department", N_("Department"), "text"),
        ("year", N_("Start year"), "int"), ("hectares", N_("Area (ha)"), "real"),
        ("declared", N_("Declared area (ha)"), "real"),
        ("overlap", N_("Shared with other areas, double counting (ha)"), "real"),
        ("flags", N_("Validation flags"), "text")], rows)


def findings_table(initiatives, findings, translate=None):
    """The validation findings (errors first), with the initiative title and the site."""
    titles = {ini.uuid: ini.title for ini in initiatives}
    sites = {area.uuid: area.site_name for _ini, area in _areas(initiatives)}
    ordered = sorted(findings, key=lambda f: (f.severity != "error", titles.get(f.initiative_uuid, ""), f.rule))
    rows = [{"severity": f.severity, "initiative": titles.get(f.initiative_uuid, f.initiative_uuid),
             "site": sites.get(f.area_uuid, ""), "rule": f.rule, "message": f.message(translate)}
            for f in ordered]
    return Table(N_("Validation"), [
        ("severity", N_("Severity"), "text"), ("initiative", N_("Initiative"), "text"),
        ("site", N_("Site"), "text"), ("rule", N_("Rule"), "text"), ("message", N_("Message"), "text")], rows)


def monitoring_table(initiatives):
    """The outcome values of the registry's monitoring table, one row per dated value."""
    rows = [{"initiative": ini.title, "site": area.site_name, "indicator": value.indicator, "unit": value.unit,
             "date": value.date, "value": value.value}
            for ini, area in _areas(initiatives) for value in area.monitoring]
    return Table(N_("Monitoring"), [
        ("initiative", N_("Initiative"), "text"), ("site", N_("Site"), "text"),
        ("indicator", N_("Indicator"), "text"), ("unit", N_("Unit"), "text"), ("date", N_("Date"), "text"),
        ("value", N_("Value"), "real")], rows)


def registered_hectares(initiatives):
    """(number of areas, sum of their hectares): the registered total before dissolving overlaps."""
    areas = [area for _ini, area in _areas(initiatives)]
    return len(areas), sum(_ha(a) for a in areas)
