"""The registry API the dock and the Processing algorithms use, independent of the backend.

``RegistryStore`` is the contract; ``GeoPackageRegistryStore`` (gpkg_store.py) is the embedded
default. A shared PostGIS registry can implement the same methods later and the dock will not
change, because nothing outside this package sees SQL, OGR layers or file paths.

Concurrency model (both backends): every write is one transaction; an initiative carries a
``revision`` and a save with a stale revision raises ``ConflictError`` instead of silently
overwriting another user's edit; a registry locked longer than the busy timeout raises
``RegistryLockedError`` with a message the user can act on.
"""

from abc import ABC, abstractmethod

from ..algorithms.errors import N_, T2Error

STATE_UNCHECKED = "unchecked"
STATE_VALID = "valid"
STATE_WARNINGS = "warnings"
STATE_ERRORS = "errors"
VALIDATION_STATES = (STATE_UNCHECKED, STATE_VALID, STATE_WARNINGS, STATE_ERRORS)


class RegistryError(T2Error):
    template = N_("The registry {path} cannot be used: {reason}")


class RegistryNotFoundError(RegistryError):
    template = N_("The registry {path} does not exist.")


class RegistryExistsError(RegistryError):
    template = N_("{path} already exists; choose another file name for the new registry.")


class UnreadableGeometryError(RegistryError):
    template = N_("The geometry of area {area} cannot be read; draw or import it again.")


class RegistryCorruptError(RegistryError):
    template = N_(
        "The registry {path} is damaged or truncated: it is not a readable GeoPackage any more. Do not "
        "keep working on it: restore it from a backup copy (a file named {name}.backup-… beside it, or "
        "your own backup), or ask whoever sent it for a new copy."
    )


class RegistryReadOnlyError(RegistryError):
    template = N_(
        "The registry {path} cannot be written: the file or its folder is read-only, or you do not have "
        "permission to change it. Copy the registry to a folder where you can write (for example your "
        "Documents folder) and open the copy, or ask for write permission. Nothing was changed."
    )


class RegistryPermissionError(RegistryError):
    template = N_(
        "The registry {path} cannot be opened: you do not have permission to read it. Ask the owner of "
        "the file for read permission, or open a copy of it."
    )


class RegistryLockedError(RegistryError):
    template = N_(
        "The registry {path} is being written by another program (QGIS, qgis_process or another "
        "user) and stayed locked for {seconds} s. Wait for it to finish, or close the other "
        "editing session, and try again. Nothing was changed."
    )


class ConflictError(RegistryError):
    template = N_(
        'The initiative "{title}" was changed or deleted by someone else after you opened it '
        "(your revision {expected}, registry revision {actual}). Reload it and apply your "
        "changes again."
    )


class AreaOwnerConflictError(ConflictError):
    template = N_(
        "The area {area} already belongs to another initiative ({other}) in this registry; an "
        "area can belong to one initiative only."
    )


class UnsupportedBackendError(RegistryError):
    template = N_("{path}: PostGIS registries are not supported yet; use a GeoPackage file.")


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

    @abstractmethod
    def get_initiative(self, uuid):
        """The full ``Initiative`` (organizations, contacts, areas, monitoring) or None."""

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

    @abstractmethod
    def distinct_values(self, column):
        """Distinct non-empty values of an area column (department, province, district...)."""

    @abstractmethod
    def layer_uri(self):
        """A QGIS/OGR data source string for the restoration areas layer."""


def _is_postgres(location):
    text = str(location)
    return text.startswith(("PG:", "postgresql:", "postgres:"))


def open_registry(location, create=False, busy_timeout=10.0, migrate=True):
    """Open (or with ``create`` make) the registry at ``location``; older schemas are migrated.

    Migration backs the file up first (see schema.migrate).
    """
    if _is_postgres(location):
        raise UnsupportedBackendError(path=str(location))
    from .gpkg_store import GeoPackageRegistryStore

    return GeoPackageRegistryStore(location, create=create, busy_timeout=busy_timeout, migrate=migrate)


def create_registry(location, busy_timeout=10.0):
    """Create a new, empty registry at ``location`` (refuses to overwrite an existing file)."""
    return open_registry(location, create=True, busy_timeout=busy_timeout)
