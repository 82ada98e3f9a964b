"""The initiative form's fields, each described once: registry field -> widget, kind, vocabulary.

``build`` puts the widget of every field in its place of the ``.ui`` layout, ``load`` shows an
initiative (or area), ``save`` writes the widgets back, ``connect`` reports edits and ``problems``
says which required field is empty. Adding a field is one row of ``INITIATIVE_FIELDS`` or
``AREA_FIELDS`` and, when the layout shows it, one row of its ``.ui`` file. Organizations, contacts
and areas are lists of records with editors of their own (``NOT_BOUND``).
"""

from dataclasses import dataclass

from ..algorithms.errors import N_
from ..translation import tr
from .designer import replace_placeholder
from .widgets.monitoring_editor import MonitoringEditor
from .widgets.vocab_widgets import CodeComboBox, CodeListWidget, OptionalAreaSpinBox, YearSpinBox


@dataclass(frozen=True)
class Field:
    name: str  # attribute of registry.model.Initiative / Area
    widget: str  # object name in the .ui file, attribute of the form
    kind: str  # key of KINDS
    vocabulary: str = None  # registry vocabulary of "code" / "codes" widgets
    allow_empty: bool = True  # "code": the combo offers "no value"
    max_height: int = None  # "codes": height of the list
    suffix: str = ""  # "number": unit shown after the value
    empty: object = None  # value stored when the widget holds none
    required: str = None  # N_() message when the field is empty


def split_keywords(text):
    return [k.strip() for k in (text or "").replace(",", ";").split(";") if k.strip()]


def _set_code(widget, value):
    widget.set_code(None if value == "" else value)


@dataclass(frozen=True)
class Kind:
    """How one kind of widget shows a value, returns it and tells it changed."""

    show: object
    read: object = None  # None: shown only (the registry computes it)
    signal: str = None


KINDS = {
    "line": Kind(lambda w, v: w.setText(v or ""), lambda w: w.text().strip(), "textChanged"),
    "text": Kind(lambda w, v: w.setPlainText(v or ""), lambda w: w.toPlainText(), "textChanged"),
    "keywords": Kind(lambda w, v: w.setText("; ".join(v)), lambda w: split_keywords(w.text()), "textChanged"),
    "year": Kind(lambda w, v: w.set_year(v), lambda w: w.year(), "valueChanged"),
    "number": Kind(lambda w, v: w.set_number(v), lambda w: w.number(), "valueChanged"),
    "code": Kind(_set_code, lambda w: w.code(), "currentIndexChanged"),
    "codes": Kind(lambda w, v: w.set_codes(v), lambda w: w.codes(), "changed"),
    "monitoring": Kind(lambda w, v: w.set_values(v), lambda w: w.values(), "changed"),
    "label": Kind(lambda w, v: w.setText(v or "—")),
}

INITIATIVE_FIELDS = (
    Field("title", "title_edit", "line", required=N_("The initiative needs a title.")),
    Field("description", "description_edit", "text"),
    Field("website", "website_edit", "line"),
    Field("start_year", "start_year", "year"),
    Field("end_year", "end_year", "year"),
    Field("restoration_status", "status_combo", "code", "restorationStatuses"),
    Field("workflow_status", "workflow_combo", "code", "workflowStatuses", allow_empty=False),
    Field("restoration_types", "types_list", "codes", "restorationTypes", max_height=48),
    Field("objectives", "objectives_list", "codes", "projectObjectives", max_height=80),
    Field("objectives_other", "objectives_other", "line"),
    Field("tenure_statuses", "tenure_list", "codes", "tenureStatuses"),
    Field("keywords", "keywords_edit", "keywords"),
    Field("target_area", "target_area", "number"),
    Field("target_area_unit", "target_unit", "code", "units", allow_empty=False),
    Field("area_under_restoration_ha", "under_restoration", "number", suffix=" ha"),
    Field("countries", "countries_list", "codes", "countries", max_height=30),
    Field("reporting_line", "reporting_combo", "code", "reportingLines", allow_empty=False),
    Field("funding_sources", "funding_list", "codes", "fundingSources"),
    Field("implementing_institutions", "institutions_list", "codes", "implementingInstitutions"),
)

AREA_FIELDS = (
    Field("site_name", "site_edit", "line"),
    Field("declared_area_ha", "declared_area", "number", suffix=" ha"),
    Field("start_year", "area_start_year", "year"),
    Field("ecosystems", "ecosystems_list", "codes", "iucnEcosystems"),
    Field("activities", "activities_list", "codes", "activities", max_height=140),
    Field("activities_other", "activities_other", "line"),
    Field("restoration_types", "area_types_list", "codes", "restorationTypes", max_height=48),
    Field("tenure_statuses", "area_tenure_list", "codes", "tenureStatuses"),
    # editable per area: the GEF profile of the FERM export (issue 10) reads it
    Field("gef_indicator", "gef_combo", "code", "gefIndicators"),
    Field("national_gap", "gap_combo", "code", "nationalGaps"),
    Field("practices", "practices_list", "codes", "restorationPractices"),
    Field("department", "department_edit", "line"),
    Field("province", "province_edit", "line"),
    Field("district", "district_edit", "line"),
    Field("ubigeo", "ubigeo_edit", "line"),
    Field("ubigeo_source", "ubigeo_source", "code", "ubigeoSources", empty=""),
    Field("protected_area", "protected_edit", "line"),
    Field("capture_method", "capture_combo", "code", "captureMethods"),
    Field("original_crs", "crs_label", "label"),
    Field("monitoring", "monitoring_editor", "monitoring"),
)

# Registry fields the form does not edit through the table: lists of records with their own editors,
# and what the registry itself keeps (identity, revision, validation outcome, geometry and hectares).
NOT_BOUND = {
    "Initiative": ("organizations", "contacts", "areas", "gef_targets", "validation_state", "revision",
                   "created_at", "updated_at", "uuid"),
    "Area": ("geometry_wkb", "area_ha", "validation_flags", "uuid", "initiative_uuid"),
}


def make_widget(field):
    """The plugin widget of ``field`` (None for plain Qt widgets laid out by the .ui file)."""
    if field.kind == "code":
        return CodeComboBox(field.vocabulary, allow_empty=field.allow_empty)
    if field.kind == "codes":
        extra = {"max_height": field.max_height} if field.max_height else {}
        return CodeListWidget(field.vocabulary, **extra)
    if field.kind == "year":
        return YearSpinBox()
    if field.kind == "number":
        return OptionalAreaSpinBox(suffix=field.suffix)
    if field.kind == "monitoring":
        return MonitoringEditor()
    return None


def build(owner, fields):
    """Replace the placeholders of ``fields`` in ``owner``'s loaded layout by their widgets."""
    for field in fields:
        widget = make_widget(field)
        if widget is not None:
            tip = getattr(owner, field.widget).toolTip()
            if tip:
                widget.setToolTip(tip)
            replace_placeholder(owner, field.widget, widget)


def connect(owner, fields, slot):
    for field in fields:
        signal = KINDS[field.kind].signal
        if signal:
            getattr(getattr(owner, field.widget), signal).connect(slot)


def load(owner, fields, record):
    for field in fields:
        KINDS[field.kind].show(getattr(owner, field.widget), getattr(record, field.name))


def value(owner, field):
    found = KINDS[field.kind].read(getattr(owner, field.widget))
    return field.empty if found is None else found


def save(owner, fields, record):
    for field in fields:
        if KINDS[field.kind].read is not None:
            setattr(record, field.name, value(owner, field))


def problems(owner, fields):
    """Translated messages of the required fields left empty."""
    return [tr(field.required) for field in fields if field.required and value(owner, field) in (None, "", [])]
