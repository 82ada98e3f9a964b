"""The texts of the Target 2 report's pages: headline figures, notes, methods, validation, sources."""

from .. import __about__
from ..algorithms.errors import N_
from ..translation import format_ha, tr

MAX_FINDINGS = 40  # lines of the validation section; the workbook's sheet has them all

METHODS = (
    N_("What this report measures. Target 2 of the Kunming-Montreal Global Biodiversity Framework asks that by "
    "2030 at least 30 % of degraded land be under effective restoration. The indicator is the area under "
    "restoration inside degraded land divided by the degraded area."),
    N_("How. The areas under restoration are dissolved, so land under two overlapping initiatives counts once, and "
    "overlaid on the degraded land. Restoration outside degraded land is reported apart, not dropped. Every "
    "hectare is measured on the WGS 84 ellipsoid, whatever the map projection."),
    N_("The figures are those of the T2 Restore algorithm target2_indicator on the same inputs; the workbook holds "
    "every table, the inputs with their SHA-256 fingerprints and the parameters, so that anyone can repeat "
    "the calculation."),
)


def _pct(value):
    return "-" if value is None else f"{value:.2f} %"


def headline(data):
    """The cover's figures: the national row of target2_indicator."""
    n = data.national
    lines = [tr("Degraded land: {ha} ha").format(ha=format_ha(n["DEGRADED_HA"])),
             tr("Restoration inside degraded land: {ha} ha").format(ha=format_ha(n["RESTORATION_IN_DEGRADED_HA"])),
             tr("Restoration outside degraded land: {ha} ha").format(ha=format_ha(n["RESTORATION_OUTSIDE_HA"])),
             tr("Share of degraded land under restoration: {pct}").format(pct=_pct(n["SHARE_PCT"])),
             tr("Missing to the {target:g} % target share: {ha} ha").format(target=data.target_share,
                                                                             ha=format_ha(n["TO_SHARE_HA"]))]
    if data.target_ha:
        lines.append(tr("Missing to the national goal of {goal} ha: {ha} ha").format(
            goal=format_ha(data.target_ha, 0), ha=format_ha(n["TO_TARGET_HA"] or 0.0)))
    return "\n".join(lines)


def cover_note(data):
    """What the cover must say besides the figures (no degraded land in the zones, validation errors)."""
    notes = []
    if data.zones and data.zones_degraded <= 0:
        notes.append(tr("There is no degraded land in the chosen zones: every department page shows 0 ha of "
                        "degraded land."))
    if not data.zones:
        notes.append(tr("No zones were given: the report has no department pages."))
    errors = [f for f in data.findings if f.severity == "error"]
    if errors:
        notes.append(tr("The registry has {n} validation errors, listed in the section Validation and in the "
                        "sheet of the same name.").format(n=len(errors)))
    return "\n".join(notes)


def validation_text(data):
    if not data.registry:
        return tr("Validation: the areas do not come from a T2 Restore registry, so they were not validated.")
    errors = [f for f in data.findings if f.severity == "error"]
    head = tr("Validation: {errors} errors, {warnings} warnings.").format(
        errors=len(errors), warnings=len(data.findings) - len(errors))
    titles = {ini.uuid: ini.title for ini in data.initiatives}
    lines = [f"- {titles.get(f.initiative_uuid, '')}: {f.message(tr)}" for f in errors[:MAX_FINDINGS]]
    if len(errors) > MAX_FINDINGS:
        lines.append(tr("... and {n} more errors (sheet Validation).").format(n=len(errors) - MAX_FINDINGS))
    return "\n".join([head, *lines])


def methods_text(data):
    return "\n\n".join([tr("Methods"), *(tr(p) for p in METHODS),
                        tr("Area method: {method}").format(method=data.area_method)])


def sources_text(layers, crs):
    return tr("CRS: {crs}\nSources: {sources}\nT2 Restore {version}").format(
        crs=f"{crs.authid()} {crs.description()}", sources=", ".join(layers.sources()), version=__about__.__version__)


def page_texts(data, layers, title, institution, period):
    """Every label of the static pages, by item id."""
    return {"t2r_title": title, "t2r_subtitle": " - ".join(t for t in (institution, period) if t),
            "t2r_headline": headline(data), "t2r_cover_note": cover_note(data),
            "t2r_map_title": tr("Degraded land and restoration"), "t2r_sources": sources_text(layers, layers.crs()),
            "t2r_charts_title": tr("Progress toward the targets"), "t2r_methods": methods_text(data),
            "t2r_validation": validation_text(data)}
