"""The registry API the dock and the Processing algorithms use, independent of the backend.

``RegistryStore`` (backend.py) is the contract and errors.py holds its errors, both re-exported
here; ``GeoPackageRegistryStore`` (gpkg_store.py) is the embedded default. A shared PostGIS
registry can implement the same methods later and the dock will not change, because nothing
outside this package sees SQL, OGR layers or file paths. Backends import ``backend`` and
``errors``, never this module, so the imports of ``registry/`` have no circle.

Concurrency model (both backends): every write is one transaction; an initiative carries a
``revision`` and a save with a stale revision raises ``ConflictError`` instead of silently
overwriting another user's edit; a registry locked longer than the busy timeout raises
``RegistryLockedError`` with a message the user can act on.
"""

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


def _is_postgres(location):
    text = str(location)
    return text.startswith(("PG:", "postgresql:", "postgres:"))


def open_registry(location, create=False, busy_timeout=10.0, migrate=True):
    """Open (or with ``create`` make) the registry at ``location``; older schemas are migrated.

    Migration backs the file up first (see schema.migrate).
    """
    if _is_postgres(location):
        raise UnsupportedBackendError(path=str(location))
    return GeoPackageRegistryStore(location, create=create, busy_timeout=busy_timeout, migrate=migrate)


def create_registry(location, busy_timeout=10.0):
    """Create a new, empty registry at ``location`` (refuses to overwrite an existing file)."""
    return open_registry(location, create=True, busy_timeout=busy_timeout)
