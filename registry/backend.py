"""What a registry backend must offer (``RegistryStore``) and the validation states it stores.

Backends (``gpkg_store``, ``postgis_store``) import this module and ``errors``; ``store.py``
opens them. Nothing here imports a backend, so the import graph of ``registry/`` has no circle.
"""

from abc import ABC, abstractmethod

from . import schema
from .model import Area, Contact, Initiative, InitiativeSummary, MonitoringValue, Organization

# table -> record class, and child table -> the Initiative list holding its rows: the same in both homes
TABLE_CLASSES = {
    "initiatives": Initiative,
    "organizations": Organization,
    "contacts": Contact,
    schema.AREA_TABLE: Area,
    "monitoring_values": MonitoringValue,
}
CHILD_LISTS = {"organizations": "organizations", "contacts": "contacts", schema.AREA_TABLE: "areas"}

STATE_UNCHECKED = "unchecked"
STATE_VALID = "valid"
STATE_WARNINGS = "warnings"
STATE_ERRORS = "errors"
VALIDATION_STATES = (STATE_UNCHECKED, STATE_VALID, STATE_WARNINGS, STATE_ERRORS)


class RegistryStore(ABC):
    """What a registry backend must offer. All identifiers are uuid strings."""

    @property
    @abstractmethod
    def location(self):
        """Where the registry is (file path or connection name), for messages and settings."""

    @abstractmethod
    def close(self):
        """Release the connection; the object cannot be used afterwards."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @abstractmethod
    def schema_version(self):
        """Schema version of the registry."""

    @abstractmethod
    def count_initiatives(self, flt=None):
        """Number of initiatives matching an ``InitiativeFilter`` (all when None)."""

    @abstractmethod
    def list_initiatives(self, flt=None, order_by="title", descending=False, limit=None, offset=0):
        """``InitiativeSummary`` rows matching ``flt``, sorted, one page at a time."""

    def get_initiative(self, uuid):
        """The full ``Initiative`` (organizations, contacts, areas, monitoring) or None."""
        found = self.get_initiatives([uuid])
        return found[0] if found else None

    @abstractmethod
    def get_initiatives(self, uuids=None, progress=None, is_cancelled=None):
        """Full initiatives for ``uuids`` (all when None), in title order; for export."""

    @abstractmethod
    def save_initiative(self, initiative, progress=None):
        """Create or update one initiative and everything in it, as one transaction.

        Raises ``ConflictError`` when the registry holds another revision than the one the
        initiative was read at. On success updates ``revision``, timestamps and computed area
        hectares of ``initiative`` in place and returns it.
        """

    @abstractmethod
    def delete_initiative(self, uuid, expected_revision=None):
        """Delete an initiative with its children; True if it existed."""

    @abstractmethod
    def put_initiatives(self, initiatives, progress=None, is_cancelled=None):
        """Write initiatives verbatim (revision, timestamps kept) in one transaction: for import."""

    @abstractmethod
    def area_owners(self, area_uuids):
        """{area uuid: initiative uuid} for the given areas that exist in the registry."""

    @abstractmethod
    def list_areas(self, initiative_uuids=None):
        """Areas (without monitoring values) of the given initiatives (all when None)."""

    @abstractmethod
    def set_validation_results(self, initiative_states, area_flags):
        """Store validation outcomes without touching revisions: {uuid: state}, {uuid: [rules]}."""

    def set_area_gaps(self, results):
        """Write the national gap code and protected-area name of areas, in one transaction.

        ``results``: {area uuid: (national gap code, protected area text)}. The initiatives whose
        areas changed get a new revision (open editors notice). Returns (areas changed, area uuids
        not in the registry).
        """
        raise NotImplementedError

    def set_area_monitoring(self, values, marker, prefix):
        """Write computed monitoring values of areas, in one transaction.

        ``values``: {area uuid: [MonitoringValue]}. Earlier values of those areas whose indicator
        starts with ``prefix`` and whose note contains ``marker`` (the same run configuration) are
        replaced; every other value (those a person entered) is kept. The initiatives whose areas
        changed get a new revision (open editors notice). Returns (areas written, area uuids not in
        the registry).
        """
        raise NotImplementedError

    def last_skipped(self):
        """{owning institution: initiatives} a shared registry's row security left unchanged in the last
        validation or gap write-back ({} when nothing was skipped; always {} for a GeoPackage)."""
        return {}

    def skipped_notice(self, what):
        """The warning for ``last_skipped`` (``what``: N_-marked results), or None."""
        return None

    @abstractmethod
    def distinct_values(self, column):
        """Distinct non-empty values of an area column (department, province, district...)."""

    @abstractmethod
    def layer_uri(self):
        """A QGIS/OGR data source string for the restoration areas layer."""

    def admin_layer(self):
        """The administrative layer the registry itself names for its departments, for every user (a dict:
        ``source``, ``provider``, ``fields`` as ``admin_units.AdminConfig``, and ``label`` for messages), or
        None: then the layer chosen in the registry dock applies. A GeoPackage registry names none (its
        user's dock choice is its layer); a PostGIS registry reads its database setting
        (``admin_setting.py``)."""
        return None


def summary_of_row(r, departments):
    """An ``InitiativeSummary`` from a list query's row (both homes select the same columns, in this
    order); ``departments`` is the row's department list, decoded by the caller (JSON text or an array)."""
    return InitiativeSummary(
        uuid=r[0],
        title=r[1] or "",
        restoration_status=r[2],
        workflow_status=r[3] or "",
        validation_state=r[4] or STATE_UNCHECKED,
        start_year=r[5],
        end_year=r[6],
        area_count=r[7],
        area_ha=float(r[8] or 0.0),
        departments=departments,
        updated_at=r[10] or "",
        revision=r[11] or 0,
    )
