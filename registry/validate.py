"""Checks of FERM_INTERCHANGE.md item 7, returned as structured, translatable findings.

Errors block the export of the area concerned (an initiative-level error blocks all its areas);
warnings are exported and flagged. Each finding carries an English template marked with ``N_``
and its parameters, so the dock shows it translated (``finding.message(tr)``) and the report can
be regenerated in any language; nothing is pre-formatted into untranslatable text.
"""

import re
from dataclasses import dataclass, field

import numpy as np

from ..algorithms.errors import N_, Cancelled
from ..algorithms.geometry import ellipsoidal_area_ha, equal_area_ha, is_valid, quiet_gdal_errors
from . import gef, peru_extent, vocab
from .geometry import RepairPreview, repair_geometry  # noqa: F401 - part of this module's API

ERROR = "error"
WARNING = "warning"

RULES = {
    # rule code: severity
    "empty_geometry": ERROR,
    "invalid_geometry": ERROR,
    "outside_peru": ERROR,
    "swapped_coordinates": ERROR,
    "partly_outside_peru": WARNING,
    "missing_required": ERROR,
    "unknown_code": ERROR,
    "value_out_of_range": ERROR,
    "area_too_small": ERROR,
    "area_too_large": WARNING,
    "overlap_same_initiative": ERROR,
    "overlap_other_initiative": WARNING,
    "declared_area_mismatch": WARNING,
    "ferm_area_mismatch": WARNING,
    "gef_indicator_missing": WARNING,
}

T_EMPTY = N_('Area "{site}" has no geometry. Draw it on the map or import it from a file.')
T_INVALID = N_(
    'The geometry of area "{site}" is not valid (self-intersection, spike or unclosed ring). '
    'Use "Repair geometry" to fix it.'
)
T_OUTSIDE = N_(
    'Area "{site}" lies outside Peru (centre at longitude {lon:.4f}, latitude {lat:.4f}). '
    "Check the coordinate reference system of the source data."
)
T_SWAPPED = N_(
    'Area "{site}" seems to have latitude and longitude swapped (centre at x {lon:.4f}, y {lat:.4f}); '
    "swapped, it falls inside Peru. Re-import it with the right axis order."
)
T_PARTLY = N_('{percent:.1f} % of area "{site}" lies outside Peru\'s outline. Check the boundary of the area.')
T_MISSING_INI = N_('Initiative "{title}": the required field "{field}" is empty.')
T_MISSING_AREA = N_('Area "{site}": the required field "{field}" is empty.')
T_NO_LEAD = N_('Initiative "{title}" has no leading organization; FERM requires at least one.')
T_CODE_INI = N_('Initiative "{title}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.')
T_CODE_AREA = N_('Area "{site}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.')
T_UBIGEO = N_(
    'Area "{site}": UBIGEO "{code}" is not a valid code (2, 4 or 6 digits starting with a department code 01 to 25).'
)
T_YEAR_INI = N_('Initiative "{title}": "{field}" is {value}; it must be between {minimum} and {maximum}.')
T_YEAR_AREA = N_('Area "{site}": "{field}" is {value}; it must be between {minimum} and {maximum}.')
T_YEARS_ORDER = N_('Initiative "{title}": the ending year {end} is before the starting year {start}.')
T_DATE = N_('Area "{site}": the monitoring date "{value}" is not a date (YYYY-MM-DD).')
T_SMALL = N_('Area "{site}" measures {area_ha:.4f} ha, below the minimum of {minimum} ha.')
T_LARGE = N_(
    'Area "{site}" measures {area_ha:.0f} ha, implausibly large for one restoration area '
    "(over {maximum:.0f} ha). Check the units and the CRS of the source data."
)
T_OVERLAP_SAME = N_(
    'Area "{site}" overlaps area "{other_site}" of the same initiative by {overlap_ha:.2f} ha. '
    "FERM needs one polygon per area without overlaps: merge or trim them."
)
T_OVERLAP_OTHER = N_(
    'Area "{site}" overlaps area "{other_site}" of initiative "{other_title}" by {overlap_ha:.2f} ha; '
    "the overlap would be counted twice toward the Target 2 indicator."
)
T_DECLARED = N_(
    'Area "{site}": the declared area ({declared_ha:.2f} ha) differs from the area computed from the '
    "geometry ({computed_ha:.2f} ha) by {difference_pct:.1f} %."
)
T_FERM_AREA = N_(
    'Area "{site}": FERM will compute {ferm_ha:.2f} ha (equal-area EPSG:6933, straight edges between the '
    "vertices), {difference_pct:.2f} % away from the ellipsoidal {area_ha:.2f} ha. Add vertices along its "
    "long edges (densify) so that both agree."
)


T_NOT_WHOLE_INI = N_(
    'Initiative "{title}": "{field}" is "{value}", which is not a year. Write it as a number, such as 2021.'
)
T_NOT_WHOLE_AREA = N_('Area "{site}": "{field}" is "{value}", which is not a year. Write it as a number, such as 2021.')

# The form's label of each checked field, so a message says «Año de inicio», never "start_year".
FIELD_LABELS = {
    "title": N_("Title"),
    "restoration_status": N_("Restoration status"),
    "start_year": N_("Starting year"),
    "end_year": N_("Ending year"),
    "countries": N_("Countries"),
    "restoration_types": N_("Restoration types"),
    "objectives": N_("Target 2 objectives"),
    "tenure_statuses": N_("Tenure statuses"),
    "target_area_unit": N_("Target area unit"),
    "reporting_line": N_("Reporting line"),
    "gef_targets": N_("GEF core indicator"),
    "workflow_status": N_("Workflow status"),
    "funding_sources": N_("Funding sources"),
    "implementing_institutions": N_("Implementing institutions"),
    "organizations.org_type": N_("Type of the leading organization"),
    "organizations.role": N_("Role"),
    "ecosystems": N_("Ecosystems (IUCN)"),
    "activities": N_("Activities"),
    "gef_indicator": N_("GEF core indicator"),
    "national_gap": N_("National gap"),
    "practices": N_("Restoration practices"),
    "capture_method": N_("Capture method"),
    "ubigeo_source": N_("UBIGEO code source"),
    "monitoring.indicator": N_("Monitoring values"),
}
# The list a vocabulary fills in the form (FERM's vocabulary names are not words a user knows).
VOCABULARY_LABELS = {
    "restorationStatuses": N_("Restoration status"),
    "restorationTypes": N_("Restoration types"),
    "projectObjectives": N_("Target 2 objectives"),
    "tenureStatuses": N_("Tenure statuses"),
    "units": N_("Target area unit"),
    "countries": N_("Countries"),
    "reportingLines": N_("Reporting line"),
    "gefIndicators": N_("GEF core indicator"),
    "workflowStatuses": N_("Workflow status"),
    "fundingSources": N_("Funding sources"),
    "implementingInstitutions": N_("Implementing institutions"),
    "agencyTypes": N_("Type of the leading organization"),
    "agencyRoles": N_("Role"),
    "iucnEcosystems": N_("Ecosystems (IUCN)"),
    "activities": N_("Activities"),
    "nationalGaps": N_("National gap"),
    "restorationPractices": N_("Restoration practices"),
    "captureMethods": N_("Capture method"),
    "ubigeoSources": N_("UBIGEO code source"),
    "indicators": N_("Monitoring values"),
}


def field_label(name):
    """The English form label of an internal field name (callers translate it)."""
    return FIELD_LABELS.get(name, name)


@dataclass
class Thresholds:
    """Limits of the checks; the defaults follow FERM and the Peruvian context."""

    min_area_ha: float = 0.01
    max_area_ha: float = 1_000_000.0  # larger than any plausible single restoration area
    declared_tolerance_pct: float = 5.0
    ferm_area_tolerance_pct: float = 0.5  # FERM's EPSG:6933 hectares against the ellipsoidal ones
    min_overlap_ha: float = 0.01
    partly_outside_pct: float = 1.0
    year_min: int = 1950
    year_max: int = 2050


@dataclass
class Finding:
    """One problem found: which record, which rule, how severe, and a translatable message."""

    initiative_uuid: str
    area_uuid: str
    rule: str
    severity: str
    template: str
    params: dict = field(default_factory=dict)
    field_name: str = ""  # the form field to highlight ("geometry", "ecosystems", ...)

    translated_params = ("field", "vocabulary")  # parameters holding N_-marked labels

    def message(self, translate=None):
        """The message, translated by ``translate`` (e.g. the dock's ``tr``) when given."""
        text = translate(self.template) if translate else self.template
        params = dict(self.params)
        if translate:
            for key in self.translated_params:
                if isinstance(params.get(key), str):
                    params[key] = translate(params[key])
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def to_dict(self):
        """Plain-data form for the JSON report."""
        return {
            "initiative_uuid": self.initiative_uuid,
            "area_uuid": self.area_uuid,
            "rule": self.rule,
            "severity": self.severity,
            "field": self.field_name,
            "template": self.template,
            "params": self.params,
            "message": self.message(),
        }


@dataclass
class ValidationReport:
    """All findings of one validation run, with the questions the export and the dock ask."""

    findings: list = field(default_factory=list)
    initiatives_checked: list = field(default_factory=list)  # uuids
    areas_checked: dict = field(default_factory=dict)  # area uuid -> initiative uuid

    def errors(self):
        return [f for f in self.findings if f.severity == ERROR]

    def warnings(self):
        return [f for f in self.findings if f.severity == WARNING]

    def for_area(self, area_uuid):
        return [f for f in self.findings if f.area_uuid == area_uuid]

    def blocked_initiatives(self):
        """Initiatives with an initiative-level error: none of their areas may be exported."""
        return {f.initiative_uuid for f in self.findings if f.severity == ERROR and f.area_uuid is None}

    def blocked_areas(self):
        """Areas that must not be exported (own error, or an error of their initiative)."""
        blocked_inis = self.blocked_initiatives()
        own = {f.area_uuid for f in self.findings if f.severity == ERROR and f.area_uuid}
        return own | {a for a, ini in self.areas_checked.items() if ini in blocked_inis}

    def area_flags(self):
        """{area uuid: sorted rule codes} for every checked area (empty list when clean)."""
        flags = {a: set() for a in self.areas_checked}
        for f in self.findings:
            if f.area_uuid in flags:
                flags[f.area_uuid].add(f.rule)
        return {a: sorted(rules) for a, rules in flags.items()}

    def initiative_states(self):
        """{initiative uuid: "valid" | "warnings" | "errors"}."""
        states = dict.fromkeys(self.initiatives_checked, "valid")
        for f in self.findings:
            if f.initiative_uuid not in states:
                continue
            if f.severity == ERROR:
                states[f.initiative_uuid] = "errors"
            elif states[f.initiative_uuid] == "valid":
                states[f.initiative_uuid] = "warnings"
        return states


def _site(area):
    return area.site_name or area.uuid[:8]


class _Checker:
    def __init__(self, thresholds):
        self.t = thresholds
        self.findings = []
        self.peru = peru_extent.peru_polygon()

    def add(self, ini, area, rule, template, field_name="", **params):
        self.findings.append(
            Finding(ini.uuid, area.uuid if area is not None else None, rule, RULES[rule], template, params, field_name)
        )

    def add_for(self, ini, area, rule, templates, field_name, **params):
        """``add`` for the initiative (area None: its template and title) or for the area (its template and site).

        ``templates`` is (initiative template, area template).
        """
        if area is None:
            self.add(ini, None, rule, templates[0], field_name, title=ini.title, **params)
        else:
            self.add(ini, area, rule, templates[1], field_name, site=_site(area), **params)

    # attribute rules -----------------------------------------------------------------------
    def code(self, ini, area, field_name, vocabulary, value):
        voc = vocab.get(vocabulary)
        if value is None or value == "" or voc.is_valid(value):
            return
        self.add_for(
            ini,
            area,
            "unknown_code",
            (T_CODE_INI, T_CODE_AREA),
            field_name,
            field=field_label(field_name),
            code=value,
            vocabulary=VOCABULARY_LABELS.get(vocabulary, vocabulary),
        )

    def codes(self, ini, area, field_name, vocabulary, values):
        for value in values or []:
            self.code(ini, area, field_name, vocabulary, value)

    def year(self, ini, area, field_name, value):
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.add_for(ini, area, "value_out_of_range", (T_NOT_WHOLE_INI, T_NOT_WHOLE_AREA), field_name,
                         field=field_label(field_name), value=value)
            return
        if self.t.year_min <= value <= self.t.year_max:
            return
        self.add_for(
            ini,
            area,
            "value_out_of_range",
            (T_YEAR_INI, T_YEAR_AREA),
            field_name,
            field=field_label(field_name),
            value=value,
            minimum=self.t.year_min,
            maximum=self.t.year_max,
        )

    def initiative(self, ini):
        for name in ("title", "restoration_status", "start_year", "countries"):
            value = getattr(ini, name)
            if value is None or (
                isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value)
            ):
                self.add(ini, None, "missing_required", T_MISSING_INI, name, title=ini.title, field=field_label(name))
        if not any(org.role == 1 for org in ini.organizations):
            self.add(ini, None, "missing_required", T_NO_LEAD, "organizations", title=ini.title)
        self.code(ini, None, "restoration_status", "restorationStatuses", ini.restoration_status)
        self.codes(ini, None, "restoration_types", "restorationTypes", ini.restoration_types)
        self.codes(ini, None, "objectives", "projectObjectives", ini.objectives)
        self.codes(ini, None, "tenure_statuses", "tenureStatuses", ini.tenure_statuses)
        self.code(ini, None, "target_area_unit", "units", ini.target_area_unit)
        self.codes(ini, None, "countries", "countries", ini.countries)
        self.code(ini, None, "reporting_line", "reportingLines", ini.reporting_line)
        self.codes(ini, None, "gef_targets", "gefIndicators", list(ini.gef_targets or {}))
        self.code(ini, None, "workflow_status", "workflowStatuses", ini.workflow_status)
        self.codes(ini, None, "funding_sources", "fundingSources", ini.funding_sources)
        self.codes(ini, None, "implementing_institutions", "implementingInstitutions", ini.implementing_institutions)
        for org in ini.organizations:
            self.code(ini, None, "organizations.org_type", "agencyTypes", org.org_type)
            self.code(ini, None, "organizations.role", "agencyRoles", org.role)
        self.year(ini, None, "start_year", ini.start_year)
        self.year(ini, None, "end_year", ini.end_year)
        years = (ini.start_year, ini.end_year)
        if all(isinstance(y, int) for y in years) and ini.end_year < ini.start_year:
            self.add(
                ini,
                None,
                "value_out_of_range",
                T_YEARS_ORDER,
                "end_year",
                title=ini.title,
                start=ini.start_year,
                end=ini.end_year,
            )

    def area_attributes(self, ini, area):
        if not area.ecosystems:
            self.add(ini, area, "missing_required", T_MISSING_AREA, "ecosystems", site=_site(area),
                     field=field_label("ecosystems"))
        if not area.activities and not (area.activities_other or "").strip():
            self.add(ini, area, "missing_required", T_MISSING_AREA, "activities", site=_site(area),
                     field=field_label("activities"))
        self.codes(ini, area, "ecosystems", "iucnEcosystems", area.ecosystems)
        self.codes(ini, area, "activities", "activities", area.activities)
        self.codes(ini, area, "restoration_types", "restorationTypes", area.restoration_types)
        self.codes(ini, area, "tenure_statuses", "tenureStatuses", area.tenure_statuses)
        self.code(ini, area, "gef_indicator", "gefIndicators", area.gef_indicator)
        self.code(ini, area, "national_gap", "nationalGaps", area.national_gap)
        self.codes(ini, area, "practices", "restorationPractices", area.practices)
        self.code(ini, area, "capture_method", "captureMethods", area.capture_method)
        self.code(ini, area, "ubigeo_source", "ubigeoSources", area.ubigeo_source)
        self.year(ini, area, "start_year", area.start_year)
        gef_missing = gef.missing_check(ini, area)
        if gef_missing is not None:
            self.add(ini, area, "gef_indicator_missing", gef.T_GEF_MISSING, "gef_indicator", site=_site(area),
                     **gef_missing)
        if area.ubigeo and not _ubigeo_ok(area.ubigeo):
            self.add(ini, area, "unknown_code", T_UBIGEO, "ubigeo", site=_site(area), code=area.ubigeo)
        for value in area.monitoring:
            if str(value.indicator).startswith("SDG_I_"):
                self.code(ini, area, "monitoring.indicator", "indicators", value.indicator)
            if not _DATE.match(value.date or ""):
                self.add(ini, area, "value_out_of_range", T_DATE, "monitoring.date", site=_site(area), value=value.date)

    # geometry rules ------------------------------------------------------------------------
    def area_geometry(self, ini, area):
        """Geometry checks; returns the geometry when it may take part in overlap checks."""
        geom = area.geometry()
        if geom is None or geom.IsEmpty():
            self.add(ini, area, "empty_geometry", T_EMPTY, "geometry", site=_site(area))
            return None
        valid = is_valid(geom)
        if not valid:
            self.add(ini, area, "invalid_geometry", T_INVALID, "geometry", site=_site(area))
        minx, maxx, miny, maxy = geom.GetEnvelope()
        lon, lat = (minx + maxx) / 2.0, (miny + maxy) / 2.0
        with quiet_gdal_errors():
            intersects = geom.Intersects(self.peru) if valid else self.peru.Contains(_point(lon, lat))
        if not intersects:
            if peru_extent.contains_point(lat, lon):
                self.add(ini, area, "swapped_coordinates", T_SWAPPED, "geometry", site=_site(area), lon=lon, lat=lat)
            else:
                self.add(ini, area, "outside_peru", T_OUTSIDE, "geometry", site=_site(area), lon=lon, lat=lat)
            return None
        if not valid:
            return None  # area-based rules are meaningless until the geometry is repaired
        hectares = ellipsoidal_area_ha(geom) or 0.0
        if not geom.Within(self.peru):
            with quiet_gdal_errors():
                inside = geom.Intersection(self.peru)
            inside_ha = ellipsoidal_area_ha(inside) if inside is not None else hectares
            percent = 100.0 * (1.0 - (inside_ha or 0.0) / hectares) if hectares else 0.0
            if percent >= self.t.partly_outside_pct:
                self.add(ini, area, "partly_outside_peru", T_PARTLY, "geometry", site=_site(area), percent=percent)
        if hectares < self.t.min_area_ha:
            self.add(
                ini,
                area,
                "area_too_small",
                T_SMALL,
                "geometry",
                site=_site(area),
                area_ha=hectares,
                minimum=self.t.min_area_ha,
            )
        elif hectares > self.t.max_area_ha:
            self.add(
                ini,
                area,
                "area_too_large",
                T_LARGE,
                "geometry",
                site=_site(area),
                area_ha=hectares,
                maximum=self.t.max_area_ha,
            )
        self.ferm_area(ini, area, geom, hectares)
        if area.declared_area_ha and hectares:
            diff = 100.0 * abs(area.declared_area_ha - hectares) / hectares
            if diff > self.t.declared_tolerance_pct:
                self.add(
                    ini,
                    area,
                    "declared_area_mismatch",
                    T_DECLARED,
                    "declared_area_ha",
                    site=_site(area),
                    declared_ha=area.declared_area_ha,
                    computed_ha=hectares,
                    difference_pct=diff,
                )
        return geom

    def ferm_area(self, ini, area, geom, hectares):
        """Warn when FERM's EPSG:6933 hectares differ from the ellipsoidal ones by more than the tolerance."""
        ferm_ha = equal_area_ha(geom)
        if not hectares or ferm_ha is None:
            return
        diff = 100.0 * abs(ferm_ha - hectares) / hectares
        if diff > self.t.ferm_area_tolerance_pct:
            self.add(ini, area, "ferm_area_mismatch", T_FERM_AREA, "geometry", site=_site(area), ferm_ha=ferm_ha,
                     area_ha=hectares, difference_pct=diff)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _ubigeo_ok(code):
    text = str(code)
    return len(text) in (2, 4, 6) and text.isdigit() and vocab.get("departments").is_valid(text[:2])


def _point(lon, lat):
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(lon, lat)
    return point


def _overlaps(checker, subjects, others, is_cancelled=None, progress=None):
    """Pairwise overlap checks, pruned by envelopes (numpy), each pair computed once."""
    pool = subjects + others  # (initiative, area, geometry, is_subject)
    if len(pool) < 2:
        return
    env = np.array([item[2].GetEnvelope() for item in pool], dtype="float64")  # minx, maxx, miny, maxy
    n_subjects = len(subjects)
    for i in range(n_subjects):
        if is_cancelled is not None and i % 200 == 0 and is_cancelled():
            raise Cancelled()
        hit = (env[:, 0] <= env[i, 1]) & (env[:, 1] >= env[i, 0]) & (env[:, 2] <= env[i, 3]) & (env[:, 3] >= env[i, 2])
        hit[: i + 1] = False  # pairs with an earlier subject were handled from that side
        ini_i, area_i, geom_i = pool[i][:3]
        for j in np.nonzero(hit)[0]:
            ini_j, area_j, geom_j = pool[j][:3]
            with quiet_gdal_errors():
                inter = geom_i.Intersection(geom_j) if geom_i.Intersects(geom_j) else None
            overlap = (ellipsoidal_area_ha(inter) or 0.0) if inter is not None and not inter.IsEmpty() else 0.0
            if overlap < checker.t.min_overlap_ha:
                continue
            same = ini_i.uuid == ini_j.uuid
            for (ini_a, area_a, _g, is_subject), (ini_b, area_b, *_rest) in ((pool[i], pool[j]), (pool[j], pool[i])):
                if not is_subject:
                    continue
                if same:
                    checker.add(
                        ini_a,
                        area_a,
                        "overlap_same_initiative",
                        T_OVERLAP_SAME,
                        "geometry",
                        site=_site(area_a),
                        other_site=_site(area_b),
                        other_area=area_b.uuid,
                        overlap_ha=overlap,
                    )
                else:
                    checker.add(
                        ini_a,
                        area_a,
                        "overlap_other_initiative",
                        T_OVERLAP_OTHER,
                        "geometry",
                        site=_site(area_a),
                        other_site=_site(area_b),
                        other_area=area_b.uuid,
                        other_title=ini_b.title,
                        other_initiative=ini_b.uuid,
                        overlap_ha=overlap,
                    )
        if progress is not None and i % 200 == 0:
            progress(i / n_subjects)


def validate_initiatives(initiatives, context=(), thresholds=None, progress=None, is_cancelled=None):
    """Validate ``initiatives``; ``context`` (other initiatives) only counts for overlaps.

    ``progress(fraction)`` and ``is_cancelled()`` are optional callbacks (a QgsTask passes its own).
    """
    checker = _Checker(thresholds or Thresholds())
    report = ValidationReport()
    subjects, subject_uuids = [], set()
    initiatives = list(initiatives)
    for n, ini in enumerate(initiatives):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        report.initiatives_checked.append(ini.uuid)
        subject_uuids.add(ini.uuid)
        checker.initiative(ini)
        for area in ini.areas:
            report.areas_checked[area.uuid] = ini.uuid
            checker.area_attributes(ini, area)
            geom = checker.area_geometry(ini, area)
            if geom is not None:
                subjects.append((ini, area, geom, True))
        if progress is not None:
            progress(0.6 * (n + 1) / max(1, len(initiatives)))
    others = []
    for ini in context:
        if ini.uuid in subject_uuids:
            continue
        for area in ini.areas:
            geom = area.geometry()
            if geom is not None and not geom.IsEmpty() and is_valid(geom):
                others.append((ini, area, geom, False))
    _overlaps(
        checker, subjects, others, is_cancelled, (lambda f: progress(0.6 + 0.4 * f)) if progress is not None else None
    )
    if progress is not None:
        progress(1.0)
    report.findings = checker.findings
    return report


def validate_store(store, uuids=None, thresholds=None, save=True, progress=None, is_cancelled=None):
    """Validate initiatives of a registry (all when ``uuids`` is None) against the whole registry.

    With ``save`` the outcome is written back (initiative validation state, area flags), which is
    what the dock's "validation state" filter reads.
    """
    everything = store.get_initiatives(None)
    wanted = set(uuids) if uuids is not None else None
    subjects = [i for i in everything if wanted is None or i.uuid in wanted]
    report = validate_initiatives(subjects, everything, thresholds, progress, is_cancelled)
    if save:
        store.set_validation_results(report.initiative_states(), report.area_flags())
    return report
