"""Plain data classes of the registry, independent of where they are stored.

The dock, the Processing algorithms and the FERM import/export exchange these objects only, so a
PostGIS store can replace the GeoPackage one without touching them. Coded fields hold FERM codes
verbatim (int or str as in the vocabulary); multi-valued fields are lists of codes (stored as JSON
arrays). Geometries travel as WKB in EPSG:4326 (MultiPolygon, 2D).
"""

import uuid as _uuid
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime, timezone

from osgeo import ogr

from ..algorithms.geometry import wgs84
from .geometry import to_storage, wkt_of


def new_uuid():
    """A random UUID as text: the key of every record, stable across files and registries."""
    return str(_uuid.uuid4())


def field_default(f):
    """The value a NULL column stands for in either registry home: the dataclass field's default
    ("" for text, [] for lists), or None."""
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return None


def utc_now():
    """Timestamp text in UTC (ISO 8601), as stored in created_at / updated_at."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Organization:
    """An organization taking part in an initiative (FERM: agency), with its type and role."""

    name: str = ""
    acronym: str = ""
    org_type: object = None  # agencyTypes
    role: object = None  # agencyRoles: 1 leading, 2 supporting
    uuid: str = field(default_factory=new_uuid)


@dataclass
class Contact:
    """A point of contact of an initiative."""

    name: str = ""
    email: str = ""
    organization: str = ""
    uuid: str = field(default_factory=new_uuid)


@dataclass
class MonitoringValue:
    """One dated value of a monitored indicator of an area."""

    indicator: str = ""  # indicators (SDG codes) or a free indicator name
    unit: str = ""
    date: str = ""  # ISO 8601 date
    value: object = None
    note: str = ""
    uuid: str = field(default_factory=new_uuid)


@dataclass
class Area:
    """A restoration area of an initiative; geometry as EPSG:4326 MultiPolygon WKB."""

    site_name: str = ""
    geometry_wkb: bytes = None
    area_ha: float = None  # computed on the WGS84 ellipsoid at save time
    declared_area_ha: float = None
    start_year: int = None
    ecosystems: list = field(default_factory=list)  # iucnEcosystems
    activities: list = field(default_factory=list)  # activities (leaf codes)
    activities_other: str = ""
    restoration_types: list = field(default_factory=list)
    tenure_statuses: list = field(default_factory=list)
    gef_indicator: str = None  # gefIndicators
    # Peru additions
    department: str = ""
    province: str = ""
    district: str = ""
    ubigeo: str = ""
    ubigeo_source: str = ""  # ubigeoSources
    national_gap: str = None  # nationalGaps
    practices: list = field(default_factory=list)  # restorationPractices
    protected_area: str = ""
    original_crs: str = ""
    capture_method: str = None  # captureMethods
    # Validation results (written by the validator, not by the form)
    validation_flags: list = field(default_factory=list)
    monitoring: list = field(default_factory=list)  # MonitoringValue
    uuid: str = field(default_factory=new_uuid)
    initiative_uuid: str = None

    def geometry(self):
        """The geometry as an OGR object (EPSG:4326), or None."""
        if self.geometry_wkb is None:
            return None
        geom = ogr.CreateGeometryFromWkb(bytes(self.geometry_wkb))
        if geom is not None:
            geom.AssignSpatialReference(wgs84())
        return geom

    def set_geometry(self, geometry, srs=None):
        """Store ``geometry`` (any CRS; ``srs`` overrides its own) in the storage form.

        Records the original CRS, as the Peru additions ask. Raises ValueError when the geometry
        cannot be reprojected.
        """
        srs = srs or (geometry.GetSpatialReference() if geometry is not None else None)
        stored = to_storage(geometry, srs)
        if geometry is not None and stored is None:
            raise ValueError("geometry cannot be reprojected to EPSG:4326")
        self.geometry_wkb = bytes(stored.ExportToIsoWkb(ogr.wkbNDR)) if stored is not None else None
        self.original_crs = wkt_of(srs) if srs is not None else "EPSG:4326"


@dataclass
class Initiative:
    """A restoration initiative (FERM: project) with everything that belongs to it."""

    title: str = ""
    description: str = ""
    website: str = ""
    start_year: int = None
    end_year: int = None
    restoration_status: object = None  # restorationStatuses
    restoration_types: list = field(default_factory=list)
    objectives: list = field(default_factory=list)  # projectObjectives (Target 2)
    objectives_other: str = ""
    tenure_statuses: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    target_area: float = None
    target_area_unit: str = "ha"  # units
    area_under_restoration_ha: float = None
    countries: list = field(default_factory=lambda: ["PE"])
    reporting_line: str = "FERM"  # reportingLines
    gef_targets: dict = field(default_factory=dict)  # gefIndicators code -> target ha
    workflow_status: str = "draft"  # workflowStatuses
    # Peru additions
    funding_sources: list = field(default_factory=list)
    implementing_institutions: list = field(default_factory=list)
    # Bookkeeping
    validation_state: str = "unchecked"  # unchecked | valid | warnings | errors
    revision: int = 0  # optimistic concurrency: bumped by every save
    created_at: str = ""
    updated_at: str = ""
    organizations: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    uuid: str = field(default_factory=new_uuid)


@dataclass
class InitiativeSummary:
    """One row of the initiative list: what the dock shows without loading the full record."""

    uuid: str
    title: str
    restoration_status: object
    workflow_status: str
    validation_state: str
    start_year: int
    end_year: int
    area_count: int
    area_ha: float
    departments: list
    updated_at: str
    revision: int


@dataclass
class InitiativeFilter:
    """Filters of the initiative list; None means "any". Values are codes, never labels."""

    text: str = None  # matched, accent- and case-insensitively, in title, description, keywords, organizations, sites
    department: str = None  # department name or 2-digit UBIGEO code of any of its areas
    restoration_status: object = None
    workflow_status: str = None
    national_gap: str = None
    ecosystem: str = None  # IUCN code of any of its areas
    validation_state: str = None
    uuids: list = None


def field_names(cls):
    """Names of the dataclass fields of ``cls`` (used to map rows without hand-written lists)."""
    return [f.name for f in fields(cls)]
