"""t2restore:import_initiatives: polygons of any layer or file into a registry, grouped into
initiatives, for batch loading of the tables regional governments already keep."""

import json
from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry import mapping, vocab
from ..registry.admin_units import UNIT_FIELDS, AdminConfig, AdminLookup, guess_fields
from ..registry.feature_import import read_areas
from ..registry.model import InitiativeFilter, utc_now
from ..registry.store import create_registry, open_registry
from ..translation import tr
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


ADMIN_FIELD_PARAMETERS = {
    "department": "DEPARTMENT_FIELD",
    "province": "PROVINCE_FIELD",
    "district": "DISTRICT_FIELD",
    "ubigeo": "UBIGEO_FIELD",
}


def existing_initiative(store, key):
    """The registry's initiative for a grouping key: same uuid, or the only one with that exact title."""
    kind, value = key
    if kind == "uuid":
        return store.get_initiative(value)
    candidates = [s for s in store.list_initiatives(InitiativeFilter(text=value)) if s.title == value]
    return store.get_initiative(candidates[0].uuid) if len(candidates) == 1 else None


def group_records(records, store):
    """[(values, area)] grouped into initiatives (new or existing), in first-seen order.

    Returns (initiatives, created uuids). An incoming area with the uuid of an area already in
    the initiative replaces it, so importing the same file twice does not duplicate areas.
    """
    groups, created = {}, set()
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
        initiative.areas = [a for a in initiative.areas if a.uuid != area.uuid] + [area]
    return list(groups.values()), created


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
    )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", tr("Areas (polygon layer or file)"), [compat.TYPE_VECTOR_POLYGON]
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "REGISTRY", tr("Registry (GeoPackage)"), behavior=compat.FILE_BEHAVIOR_FILE, extension="gpkg"
            )
        )
        self.addParameter(
            QgsProcessingParameterString("FIELD_MAPPING", tr("Field mapping (JSON or table)"), multiLine=True,
                                         optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString("DEFAULTS", tr("Default values (JSON)"), multiLine=True, optional=True)
        )
        self.addParameter(QgsProcessingParameterCrs("SOURCE_CRS", tr("CRS of the input (override)"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "ADMIN_LAYER", tr("Administrative units (polygon layer, optional)"), [compat.TYPE_VECTOR_POLYGON],
                optional=True,
            )
        )
        labels = {
            "department": tr("Department field"),
            "province": tr("Province field"),
            "district": tr("District field"),
            "ubigeo": tr("UBIGEO field"),
        }
        for key, name in ADMIN_FIELD_PARAMETERS.items():
            self.addParameter(
                QgsProcessingParameterField(name, labels[key], parentLayerParameterName="ADMIN_LAYER", optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString("UBIGEO_SOURCE", tr("UBIGEO code source (INEI or RENIEC)"),
                                         defaultValue="INEI", optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber("INITIATIVES", tr("Initiatives written")))
        self.addOutput(QgsProcessingOutputNumber("INITIATIVES_CREATED", tr("Initiatives created")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", tr("Areas imported")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Features without a polygon (skipped)")))
        self.addOutput(QgsProcessingOutputNumber("ADMIN_FILLED", tr("Areas given administrative units")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        for key, parse in (("FIELD_MAPPING", read_mapping_text), ("DEFAULTS", read_defaults_text)):
            try:
                parse(self.parameterAsString(parameters, key, context))
            except mapping.MappingError as error:
                return False, error.message(tr)
        ubigeo_source = (self.parameterAsString(parameters, "UBIGEO_SOURCE", context) or "").strip()
        if ubigeo_source and not vocab.get("ubigeoSources").is_valid(ubigeo_source):
            return False, tr("UBIGEO_SOURCE must be one of: {codes}.").format(
                codes=", ".join(str(e.code) for e in vocab.get("ubigeoSources").entries))
        return super().checkParameterValues(parameters, context)

    def compute(self, parameters, context, feedback, workdir):
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(tr("The input layer cannot be opened."))
        path = self.parameterAsFile(parameters, "REGISTRY", context)
        if not path:
            raise QgsProcessingException(tr("Give the registry file (GeoPackage)."))
        field_mapping = read_mapping_text(self.parameterAsString(parameters, "FIELD_MAPPING", context))
        defaults = read_defaults_text(self.parameterAsString(parameters, "DEFAULTS", context))
        names = source.fields().names()
        if not field_mapping:
            field_mapping = mapping.guess_mapping(names)
            feedback.pushInfo(tr("No field mapping given; fields matched by name: {mapping}").format(
                mapping=json.dumps(field_mapping, ensure_ascii=False)))
        crs = self.parameterAsCrs(parameters, "SOURCE_CRS", context)
        if not crs.isValid():
            crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(
                tr("The input has no CRS; give SOURCE_CRS (for example EPSG:32718 or EPSG:24878).")
            )
        admin = self.admin_lookup(parameters, context, feedback)
        total = source.featureCount() if source.featureCount() > 0 else None
        progress, cancelled = self.callbacks(feedback, 0, 50 if admin is not None else 60)
        features = source.getFeatures(QgsFeatureRequest())
        records, skipped = read_areas(
            features, names, crs, field_mapping, defaults, context.transformContext(), total, progress, cancelled,
            keep_values=True,
        )
        if skipped:
            feedback.pushWarning(tr("{count} features without a polygon were skipped.").format(count=skipped))
        if not records:
            raise QgsProcessingException(tr("The input holds no polygon to import."))
        admin_filled = 0
        if admin is not None:
            feedback.setProgress(55)
            admin_filled = admin.fill([area for _values, area in records])
            feedback.pushInfo(tr("{filled} of {areas} areas given department, province, district and UBIGEO.").format(
                filled=admin_filled, areas=len(records)))
        store = create_registry(path) if not Path(path).exists() else open_registry(path)
        with store:
            initiatives, created = group_records(records, store)
            now = utc_now()
            for initiative in initiatives:
                # Bookkeeping a save would set; put_initiatives writes everything in one transaction.
                initiative.revision = (initiative.revision or 0) + 1
                initiative.created_at = initiative.created_at or now
                initiative.updated_at = now
                initiative.validation_state = "unchecked"
            progress, cancelled = self.callbacks(feedback, 60, 100)
            store.put_initiatives(initiatives, progress, cancelled)
        feedback.pushInfo(
            tr("{areas} areas imported into {initiatives} initiatives ({created} new).").format(
                areas=len(records), initiatives=len(initiatives), created=len(created)
            )
        )
        return {
            "INITIATIVES": len(initiatives),
            "INITIATIVES_CREATED": len(created),
            "AREAS": len(records),
            "SKIPPED": skipped,
            "ADMIN_FILLED": admin_filled,
        }

    def admin_lookup(self, parameters, context, feedback):
        """The AdminLookup of ADMIN_LAYER (None when no layer was given)."""
        admin_source = self.parameterAsSource(parameters, "ADMIN_LAYER", context)
        if admin_source is None:
            return None
        names = admin_source.fields().names()
        guessed = guess_fields(names)
        fields = {}
        for key in UNIT_FIELDS:
            chosen = self.parameterAsString(parameters, ADMIN_FIELD_PARAMETERS[key], context)
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
                             ubigeo_source=self.parameterAsString(parameters, "UBIGEO_SOURCE", context) or "INEI")
        return AdminLookup(config, context.transformContext(), feedback.isCanceled, source=admin_source)
