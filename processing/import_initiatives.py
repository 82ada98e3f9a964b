"""t2restore:import_initiatives: polygons of any layer or file into a registry, grouped into
initiatives, for batch loading of the tables regional governments already keep."""

import codecs
import json
from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry import area_match, mapping, vocab
from ..registry.admin_units import UNIT_FIELDS, AdminConfig, AdminLookup, guess_fields
from ..registry.feature_import import ENCODINGS, is_undefined_crs, read_areas
from ..registry.model import InitiativeFilter, utc_now
from ..registry.store import open_or_create
from ..registry.validate import ERROR, validate_store
from ..translation import tr
from . import _ferm_merge
from .base import T2Algorithm


def read_mapping_text(text):
    """The FIELD_MAPPING parameter: JSON or a target=source table, inline or in a .json/.csv file."""
    text = (text or "").strip()
    if text and "\n" not in text and text.lower().endswith((".json", ".csv", ".txt")) and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8-sig")
    return mapping.parse_mapping(text)


def read_defaults_text(text):
    text = (text or "").strip()
    if text and not text.startswith("{") and text.lower().endswith(".json") and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8-sig")
    return mapping.parse_defaults(text)


def existing_initiative(store, key):
    """The registry's initiative for a grouping key: same uuid, or the only one with that exact title."""
    kind, value = key
    if kind == "uuid":
        return store.get_initiative(value)
    candidates = [s for s in store.list_initiatives(InitiativeFilter(text=value)) if s.title == value]
    return store.get_initiative(candidates[0].uuid) if len(candidates) == 1 else None


def group_records(records, store, mode="update"):
    """[(values, area)] grouped into initiatives (new or existing), in first-seen order.

    Returns (initiatives, created uuids, MergeCounts). Areas an initiative already holds (same
    uuid, or same site name and geometry) are updated, left alone or replaced as ``mode`` says
    (``area_match``), so importing the same file twice does not duplicate areas.
    """
    groups, created, incoming = {}, set(), {}
    for values, area in records:
        key = mapping.initiative_key(values)
        if key is None:
            raise QgsProcessingException(
                tr(
                    "Each row needs an initiative: map \"initiative_title\" (or \"initiative_uuid\") to a "
                    "source field, or give \"initiative_title\" in DEFAULTS."
                )
            )
        initiative = groups.get(key)
        if initiative is None:
            initiative = existing_initiative(store, key)
            if initiative is None:
                initiative = mapping.initiative_from_values(values)
                created.add(initiative.uuid)
                if not initiative.title:
                    initiative.title = values.get("initiative_title", "")
            groups[key] = initiative
        incoming.setdefault(key, []).append(area)
    counts = area_match.MergeCounts()
    for key, initiative in groups.items():
        initiative.areas, merged = area_match.merge_areas(initiative.areas, incoming[key], mode)
        counts.add(merged)
    return list(groups.values()), created, counts


MODES = {"add-new-and-update": "update", "skip-existing": "skip", "replace": "replace"}
DEFAULT_MODE = "add-new-and-update"
MAX_LOGGED_FINDINGS = 200


def known_encoding(name):
    """True when Python (and so, for these names, Qt) knows the encoding ``name``."""
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def report_repairs(repaired, feedback):
    """One log line per geometry repaired before its hectares were computed."""
    for feature, area, preview in repaired:
        feedback.pushWarning(
            tr("Feature {feature} (\"{site}\"): invalid geometry (self-intersection) repaired before measuring; "
               "{before:.2f} ha as drawn, {after:.2f} ha repaired, {parts} part(s).").format(
                feature=feature, site=area.site_name, before=preview.area_before_ha, after=preview.area_after_ha,
                parts=preview.parts_after))


def report_validation(report, feedback):
    """Log the export rules' verdict on the initiatives written; returns the number of refused areas."""
    checked = list(report.areas_checked)
    refused = sorted(set(checked) & report.blocked_areas())
    findings = report.findings
    feedback.pushInfo(
        tr("Validation with the FERM export rules: {ok} of the {areas} areas of these initiatives can be exported, "
           "{refused} would be refused; {errors} errors, {warnings} warnings.").format(
            ok=len(checked) - len(refused), areas=len(checked), refused=len(refused),
            errors=sum(f.severity == ERROR for f in findings), warnings=sum(f.severity != ERROR for f in findings)))
    for finding in findings[:MAX_LOGGED_FINDINGS]:
        text = finding.message(tr)
        if finding.severity == ERROR:
            feedback.reportError(text, False)
        else:
            feedback.pushWarning(text)
    if len(findings) > MAX_LOGGED_FINDINGS:
        feedback.pushWarning(tr("{count} more findings not listed; open the registry's validation panel.").format(
            count=len(findings) - MAX_LOGGED_FINDINGS))
    return len(refused)


class ImportInitiativesAlgorithm(T2Algorithm):
    NAME = "import_initiatives"
    DISPLAY_NAME = N_("Import initiatives and areas into a registry")
    GROUP_ID = "registry"
    HELP = (
        N_(
            "Reads polygons from a layer or a file (shapefile, zipped shapefile, KML/KMZ, GeoJSON, GeoPackage, "
            "CSV with a WKT column) and stores them as restoration areas in a T2 Restore registry, grouped into "
            "initiatives. Geometries are reprojected from any CRS (PSAD56 and SIRGAS UTM zones included) to "
            "EPSG:4326; hectares are computed on the ellipsoid. The registry is created when it does not exist."
        ),
        N_(
            "FIELD_MAPPING says which source field fills which registry field, as JSON "
            "({\"site_name\": \"NOMBRE\", \"initiative_title\": \"PROYECTO\"}) or as a table of target=source "
            "lines. Coded fields accept the FERM code or its English or Spanish label; lists may be separated "
            "by ';'. Rows with the same initiative_title (or initiative_uuid) become areas of one initiative; "
            "an existing initiative with that uuid, or the only one with that exact title, receives the areas."
        ),
        N_(
            "DEFAULTS (JSON) gives values for fields the source lacks, for example {\"restoration_status\": 2, "
            "\"ecosystems\": \"T1\", \"lead_organization\": \"Gobierno Regional de Junín\"}. SOURCE_CRS overrides "
            "the CRS of the input (needed for CSV files, which carry none)."
        ),
        N_(
            "ADMIN_LAYER (optional) is a polygon layer of administrative units, for example INEI's district "
            "limits, from which department, province, district and UBIGEO of each area are filled, as the "
            "dock does with its administrative layer: the unit containing a point inside the area, or the unit "
            "overlapping it most. Its fields are given by DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD and "
            "UBIGEO_FIELD; fields left empty are guessed from INEI's names (NOMBDEP, NOMBPROV, NOMBDIST, "
            "UBIGEO or IDDIST). UBIGEO_SOURCE says whose codes they are (INEI by default, or RENIEC). Areas "
            "whose source already gives both department and UBIGEO keep them."
        ),
        N_(
            "MODE says what happens to areas the registry already holds: the same area is one with the same "
            "identifier (uuid), or with the same site name and geometry in the same initiative. "
            "add-new-and-update (default) adds new areas and updates known ones with the file's values; "
            "skip-existing adds new areas and leaves known ones untouched; replace leaves each initiative of the "
            "file with exactly the file's areas (its other areas are removed). The log counts inserted, updated, "
            "unchanged, skipped and removed areas."
        ),
        N_(
            "ENCODING is the text encoding of the input when the file does not declare it (a shapefile without "
            "its .cpg file): usually ISO-8859-1, or windows-1252 for files saved on Windows. Without it, text "
            "that is not valid UTF-8 stops the import instead of being stored with replacement characters. "
            "Invalid geometries (a self-intersecting bow-tie) are repaired before hectares are computed, and "
            "the log names each repair. After the import every written initiative is validated with the rules "
            "of the FERM export; the log lists each area the export would refuse, and why."
        ),
        N_(
            "FERM-compatible GeoPackages made by T2 Restore (a FERM export, or another registry) are recognized "
            "by their tables, whether INPUT is the .gpkg file or any of its layers (ferm_public_areas, "
            "restoration_areas, ...), and merged whole by uuid, as the dock's FERM import does: initiatives, "
            "organizations, contacts, areas (with their original CRS) and monitoring values keep their "
            "identifiers and values; FIELD_MAPPING, DEFAULTS, ADMIN_LAYER and MODE do not apply. INPUTS takes "
            "several such files (for example the 25 regional registries), merged in the order given, each in "
            "one transaction. Every file is checked before any is merged: a file that is not a GeoPackage, is "
            "damaged (truncated), is not made by T2 Restore or comes from a newer T2 Restore stops the run "
            "naming it, and the registry is left as it was."
        ),
        N_(
            "ON_CONFLICT says what happens to an initiative the registry already holds with other content "
            "(including one an earlier file of the same run brought): keep-registry (default) keeps the "
            "registry's version, take-file replaces it with the file's. An initiative with an area another "
            "initiative of the registry holds is not merged (skipped). The outputs count the initiatives "
            "added, unchanged, replaced, in conflict and skipped; CONFLICTS_TABLE lists each conflict: uuid, "
            "title, file, fields that differ, action taken (kept-registry, took-file or skipped), and for a "
            "skipped initiative the areas and the initiatives holding them."
        ),
    )

    INPUT = "INPUT"
    INPUTS = "INPUTS"
    REGISTRY = "REGISTRY"
    FIELD_MAPPING = "FIELD_MAPPING"
    DEFAULTS = "DEFAULTS"
    SOURCE_CRS = "SOURCE_CRS"
    ADMIN_LAYER = "ADMIN_LAYER"
    DEPARTMENT_FIELD = "DEPARTMENT_FIELD"
    PROVINCE_FIELD = "PROVINCE_FIELD"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    UBIGEO_FIELD = "UBIGEO_FIELD"
    ADMIN_FIELD_PARAMETERS = {"department": DEPARTMENT_FIELD, "province": PROVINCE_FIELD, "district": DISTRICT_FIELD,
                              "ubigeo": UBIGEO_FIELD}
    UBIGEO_SOURCE = "UBIGEO_SOURCE"
    MODE = "MODE"
    ENCODING = "ENCODING"
    ON_CONFLICT = "ON_CONFLICT"
    CONFLICTS_TABLE = "CONFLICTS_TABLE"
    # outputs
    INITIATIVES = "INITIATIVES"
    INITIATIVES_CREATED = "INITIATIVES_CREATED"
    AREAS = "AREAS"
    SKIPPED = "SKIPPED"
    ADMIN_FILLED = "ADMIN_FILLED"
    AREAS_INSERTED = "AREAS_INSERTED"
    AREAS_UPDATED = "AREAS_UPDATED"
    AREAS_UNCHANGED = "AREAS_UNCHANGED"
    AREAS_SKIPPED = "AREAS_SKIPPED"
    AREAS_REMOVED = "AREAS_REMOVED"
    AREAS_REPAIRED = "AREAS_REPAIRED"
    AREAS_REFUSED = "AREAS_REFUSED"
    FILES_MERGED = "FILES_MERGED"
    INITIATIVES_INSERTED = "INITIATIVES_INSERTED"
    INITIATIVES_UNCHANGED = "INITIATIVES_UNCHANGED"
    INITIATIVES_REPLACED = "INITIATIVES_REPLACED"
    CONFLICTS = "CONFLICTS"
    INITIATIVES_SKIPPED = "INITIATIVES_SKIPPED"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Areas (polygon layer or file, or a FERM-compatible GeoPackage)"),
            [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUTS, tr("FERM-compatible GeoPackages to merge (several files)"), compat.TYPE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterFile(  # a file filter, not an extension: PostGIS is accepted too
            self.REGISTRY, tr("Registry (GeoPackage, or a PostGIS connection: saved name, connection string)"),
            behavior=compat.FILE_BEHAVIOR_FILE, fileFilter=tr("GeoPackage (*.gpkg);;All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_MAPPING, tr("Field mapping (JSON or table)"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULTS, tr("Default values (JSON)"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.SOURCE_CRS, tr("CRS of the input (override)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN_LAYER, tr("Administrative units (polygon layer, optional)"), [compat.TYPE_VECTOR_POLYGON],
            optional=True))
        labels = {
            "department": tr("Department field"),
            "province": tr("Province field"),
            "district": tr("District field"),
            "ubigeo": tr("UBIGEO field"),
        }
        for key, name in self.ADMIN_FIELD_PARAMETERS.items():
            self.addParameter(QgsProcessingParameterField(
                name, labels[key], parentLayerParameterName=self.ADMIN_LAYER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.UBIGEO_SOURCE, tr("UBIGEO code source (INEI or RENIEC)"), defaultValue="INEI", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, tr("Areas already in the registry"), options=list(MODES), defaultValue=DEFAULT_MODE,
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterString(
            self.ENCODING, tr("Text encoding of the input (when the file does not say)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ON_CONFLICT, tr("FERM merge: initiatives the registry holds with other content"),
            options=list(_ferm_merge.ON_CONFLICT_OPTIONS), defaultValue=_ferm_merge.DEFAULT_ON_CONFLICT,
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CONFLICTS_TABLE, tr("FERM merge: conflict table"), compat.TYPE_VECTOR, optional=True,
            createByDefault=False))
        self.add_outputs()

    def add_outputs(self):
        for name, label in (
            (self.INITIATIVES, tr("Initiatives written")),
            (self.INITIATIVES_CREATED, tr("Initiatives created")),
            (self.AREAS, tr("Areas imported")),
            (self.SKIPPED, tr("Features without a polygon (skipped)")),
            (self.ADMIN_FILLED, tr("Areas given administrative units")),
            (self.AREAS_INSERTED, tr("Areas added")),
            (self.AREAS_UPDATED, tr("Areas already held, updated")),
            (self.AREAS_UNCHANGED, tr("Areas already held, unchanged")),
            (self.AREAS_SKIPPED, tr("Areas already held, skipped")),
            (self.AREAS_REMOVED, tr("Areas removed (replace mode)")),
            (self.AREAS_REPAIRED, tr("Geometries repaired")),
            (self.AREAS_REFUSED, tr("Areas the FERM export would refuse")),
            (self.FILES_MERGED, tr("FERM merge: files merged")),
            (self.INITIATIVES_INSERTED, tr("FERM merge: initiatives added")),
            (self.INITIATIVES_UNCHANGED, tr("FERM merge: initiatives unchanged")),
            (self.INITIATIVES_REPLACED, tr("FERM merge: initiatives replaced by the file's version")),
            (self.CONFLICTS, tr("FERM merge: conflicts")),
            (self.INITIATIVES_SKIPPED, tr("FERM merge: initiatives skipped (areas held by another)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        if not parameters.get(self.INPUT) and not parameters.get(self.INPUTS):
            return False, tr("Give INPUT (a layer or file of areas, or a FERM-compatible GeoPackage) or INPUTS "
                             "(FERM-compatible GeoPackages to merge).")
        for key, parse in ((self.FIELD_MAPPING, read_mapping_text), (self.DEFAULTS, read_defaults_text)):
            try:
                parse(self.parameterAsString(parameters, key, context))
            except mapping.MappingError as error:
                return False, error.message(tr)
        ubigeo_source = (self.parameterAsString(parameters, self.UBIGEO_SOURCE, context) or "").strip()
        if ubigeo_source and not vocab.get("ubigeoSources").is_valid(ubigeo_source):
            return False, tr("UBIGEO_SOURCE must be one of: {codes}.").format(
                codes=", ".join(str(e.code) for e in vocab.get("ubigeoSources").entries))
        encoding = (self.parameterAsString(parameters, self.ENCODING, context) or "").strip()
        if encoding and not known_encoding(encoding):
            return False, tr("ENCODING \"{encoding}\" is not a known text encoding; use for example "
                             "{examples}.").format(encoding=encoding, examples=", ".join(ENCODINGS))
        return super().checkParameterValues(parameters, context)

    def compute(self, parameters, context, feedback, workdir):
        packages = _ferm_merge.package_inputs(self, parameters, context)
        if packages:
            return _ferm_merge.merge(self, parameters, context, feedback, packages, report_validation)
        source, _keep, encoding = self.input_source(parameters, context)
        path = self.parameterAsFile(parameters, self.REGISTRY, context)
        if not path:
            raise QgsProcessingException(tr("Give the registry file (GeoPackage)."))
        field_mapping = read_mapping_text(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
        defaults = read_defaults_text(self.parameterAsString(parameters, self.DEFAULTS, context))
        names = source.fields().names()
        if not field_mapping:
            field_mapping = mapping.guess_mapping(names)
            feedback.pushInfo(tr("No field mapping given; fields matched by name: {mapping}").format(
                mapping=json.dumps(field_mapping, ensure_ascii=False)))
        crs = self.input_crs(parameters, context, source)
        admin = self.admin_lookup(parameters, context, feedback)
        total = source.featureCount() if source.featureCount() > 0 else None
        progress, cancelled = self.callbacks(feedback, 0, 50 if admin is not None else 60)
        repaired = []
        records, skipped = read_areas(
            source.getFeatures(QgsFeatureRequest()), names, crs, field_mapping, defaults, context.transformContext(),
            total, progress, cancelled, keep_values=True, repaired=repaired, encoding=encoding,
        )
        if skipped:
            feedback.pushWarning(tr("{count} features without a polygon were skipped.").format(count=skipped))
        if not records:
            raise QgsProcessingException(tr("The input holds no polygon to import."))
        report_repairs(repaired, feedback)
        admin_filled = 0
        if admin is not None:
            feedback.setProgress(55)
            admin_filled = admin.fill([area for _values, area in records])
            feedback.pushInfo(tr("{filled} of {areas} areas given department, province, district and UBIGEO.").format(
                filled=admin_filled, areas=len(records)))
        mode = MODES[self.parameterAsEnumString(parameters, self.MODE, context) or DEFAULT_MODE]
        initiatives, created, counts, refused = self.write(path, records, mode, feedback)
        return {
            self.INITIATIVES: len(initiatives),
            self.INITIATIVES_CREATED: len(created),
            self.AREAS: len(records),
            self.SKIPPED: skipped,
            self.ADMIN_FILLED: admin_filled,
            self.AREAS_INSERTED: counts.inserted,
            self.AREAS_UPDATED: counts.updated,
            self.AREAS_UNCHANGED: counts.unchanged,
            self.AREAS_SKIPPED: counts.skipped,
            self.AREAS_REMOVED: counts.removed,
            self.AREAS_REPAIRED: len(repaired),
            self.AREAS_REFUSED: refused,
        }

    def write(self, path, records, mode, feedback):
        """Group, merge and write the records in one transaction, then validate what was written.

        Returns (initiatives, created uuids, MergeCounts, number of areas the export would refuse).
        """
        store, _created = open_or_create(path)
        with store:
            initiatives, created, counts = group_records(records, store, mode)
            now = utc_now()
            for initiative in initiatives:
                # Bookkeeping a save would set; put_initiatives writes everything in one transaction.
                initiative.revision = (initiative.revision or 0) + 1
                initiative.created_at = initiative.created_at or now
                initiative.updated_at = now
                initiative.validation_state = "unchecked"
            progress, cancelled = self.callbacks(feedback, 60, 90)
            store.put_initiatives(initiatives, progress, cancelled)
            feedback.pushInfo(
                tr("{areas} areas read into {initiatives} initiatives ({created} new): {inserted} added, {updated} "
                   "updated, {unchanged} unchanged, {skipped} skipped, {removed} removed.").format(
                    areas=len(records), initiatives=len(initiatives), created=len(created), inserted=counts.inserted,
                    updated=counts.updated, unchanged=counts.unchanged, skipped=counts.skipped,
                    removed=counts.removed))
            if counts.removed_sites:
                feedback.pushWarning(tr("Removed (replace mode): {sites}.").format(
                    sites=", ".join(counts.removed_sites)))
            progress, cancelled = self.callbacks(feedback, 90, 100)
            report = validate_store(store, [i.uuid for i in initiatives], progress=progress, is_cancelled=cancelled)
        refused = report_validation(report, feedback)
        return initiatives, created, counts, refused

    def input_source(self, parameters, context):
        """(feature source, object to keep alive, encoding) of INPUT, read with ENCODING when given."""
        encoding = (self.parameterAsString(parameters, self.ENCODING, context) or "").strip()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("The input layer cannot be opened."))
        if not encoding:
            return source, None, None
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("ENCODING applies to a layer or a file; the input is neither."))
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
        copy.setProviderEncoding(encoding)
        if not copy.isValid():
            raise QgsProcessingException(tr("The input layer cannot be opened."))
        return copy.dataProvider(), copy, encoding

    def input_crs(self, parameters, context, source):
        """SOURCE_CRS, else the input's own CRS; a missing or undefined CRS is refused."""
        crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        if crs.isValid() and not is_undefined_crs(crs):
            return crs
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(
                tr("The input has no CRS; give SOURCE_CRS (for example EPSG:32718 or EPSG:24878).")
            )
        if is_undefined_crs(crs):
            raise QgsProcessingException(
                tr("The CRS of the input \"{layer}\" is undefined (\"{crs}\"): its coordinates would be read as "
                   "degrees. Set the layer's CRS, or give SOURCE_CRS (for example EPSG:32718 or EPSG:24878).").format(
                    layer=self.parameterAsString(parameters, self.INPUT, context), crs=crs.description()))
        return crs

    def admin_lookup(self, parameters, context, feedback):
        """The AdminLookup of ADMIN_LAYER (None when no layer was given)."""
        admin_source = self.parameterAsSource(parameters, self.ADMIN_LAYER, context)
        if admin_source is None:
            return None
        names = admin_source.fields().names()
        guessed = guess_fields(names)
        fields = {}
        for key in UNIT_FIELDS:
            chosen = self.parameterAsString(parameters, self.ADMIN_FIELD_PARAMETERS[key], context)
            if chosen and chosen not in names:
                raise QgsProcessingException(
                    tr("The administrative layer has no field \"{field}\".").format(field=chosen))
            if chosen or guessed.get(key):
                fields[key] = chosen or guessed[key]
        if not fields:
            raise QgsProcessingException(
                tr("No department, province, district or UBIGEO field found in the administrative layer; give "
                   "them with DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD and UBIGEO_FIELD.")
            )
        feedback.pushInfo(tr("Administrative units read from the fields {fields}.").format(
            fields=json.dumps(fields, ensure_ascii=False)))
        config = AdminConfig(fields=fields,
                             ubigeo_source=self.parameterAsString(parameters, self.UBIGEO_SOURCE, context) or "INEI")
        return AdminLookup(config, context.transformContext(), feedback.isCanceled, source=admin_source)
