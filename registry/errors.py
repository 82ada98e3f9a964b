"""The errors a registry backend raises, in one module every backend and caller imports.

Kept apart from ``store.py`` (the factory, which imports the backends) so that a backend never
imports the module that imports it. ``store.py`` re-exports these names for older imports.
"""

from ..algorithms.errors import N_, T2Error


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
    template = N_(
        "{path}: a PostGIS registry is not created by opening it; initialize it with T2 Restore > "
        "Initialize a PostGIS registry (or the dock's Initialize button)."
    )
