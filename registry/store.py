"""The registry API the dock and the Processing algorithms use, independent of the backend.

``RegistryStore`` (backend.py) is the contract and errors.py holds its errors, both re-exported
here; ``GeoPackageRegistryStore`` (gpkg_store.py) is the embedded default and ``PostgisRegistryStore``
(postgis_store.py) the shared home; the dock and the algorithms do not tell them apart, because
nothing outside this package sees SQL, OGR layers or file paths. Backends import ``backend`` and
``errors``, never this module, so the imports of ``registry/`` have no circle.

Concurrency model (both backends): every write is one transaction; an initiative carries a
``revision`` and a save with a stale revision raises ``ConflictError`` instead of silently
overwriting another user's edit; a registry locked longer than the busy timeout raises
``RegistryLockedError`` with a message the user can act on.
"""

from pathlib import Path

from . import pg_connect
from .backend import (  # noqa: F401 - re-exported: the registry API is imported from here
    STATE_ERRORS,
    STATE_UNCHECKED,
    STATE_VALID,
    STATE_WARNINGS,
    VALIDATION_STATES,
    RegistryStore,
)
from .errors import (  # noqa: F401 - re-exported: the registry API is imported from here
    AreaOwnerConflictError,
    ConflictError,
    RegistryCorruptError,
    RegistryError,
    RegistryExistsError,
    RegistryLockedError,
    RegistryNotFoundError,
    RegistryPermissionError,
    RegistryReadOnlyError,
    UnreadableGeometryError,
    UnsupportedBackendError,
)
from .gpkg_store import GeoPackageRegistryStore

# Turns a name that is not a file (a QGIS saved PostgreSQL connection) into a libpq connection
# string, or returns None; set by the QGIS layers (pg_connections.py), which own QGIS's
# settings and authentication database. Without it only connection strings name a PostGIS registry.
_connection_resolver = None


def set_connection_resolver(resolver):
    """Install ``resolver(name) -> conninfo or None`` (None removes it)."""
    global _connection_resolver
    _connection_resolver = resolver


def resolve_location(location):
    """A libpq connection string for a PostGIS location, None for a GeoPackage path."""
    if isinstance(location, pg_connect.PgLocation):  # an open store's location: reconnect as it did
        return location.conninfo
    if pg_connect.is_pg_location(location):
        return pg_connect.conninfo(location)
    text = str(location)
    if _connection_resolver is not None and text and not text.lower().endswith(".gpkg"):
        return _connection_resolver(text)
    return None


def open_registry(location, create=False, busy_timeout=10.0, migrate=True):
    """Open (or with ``create`` make) the registry at ``location``; older schemas are migrated.

    ``location``: a GeoPackage path, a libpq connection string / ``service=`` name / ``PG:`` or
    ``postgresql://`` form, or (when the QGIS layers installed a resolver) a saved connection's name.
    A GeoPackage's migration backs the file up first (see schema.migrate). A PostGIS registry is
    created with ``initialize_postgis``, not here.
    """
    conninfo = resolve_location(location)
    if conninfo is not None:
        if create:
            raise UnsupportedBackendError(path=pg_connect.display_name(conninfo))
        from .postgis_store import PostgisRegistryStore  # the driver is imported only when needed

        # a saved connection is remembered by its name (reopened through QGIS, no password kept)
        name = None if pg_connect.is_pg_location(location) else str(location)
        return PostgisRegistryStore(conninfo, busy_timeout=busy_timeout, migrate=migrate, name=name)
    return GeoPackageRegistryStore(location, create=create, busy_timeout=busy_timeout, migrate=migrate)


def open_or_create(location):
    """(store, created): a GeoPackage registry is created when missing; a PostGIS one must exist
    (initialized with ``initialize_postgis``)."""
    if resolve_location(location) is not None or Path(str(location)).exists():
        return open_registry(location), False
    return create_registry(location), True


def initialize_postgis(location):
    """Create the registry schema in a PostGIS database; its version when it already had one."""
    from .postgis_store import initialize

    return initialize(resolve_location(location) or str(location))


def create_registry(location, busy_timeout=10.0):
    """Create a new, empty registry at ``location`` (refuses to overwrite an existing file)."""
    return open_registry(location, create=True, busy_timeout=busy_timeout)
