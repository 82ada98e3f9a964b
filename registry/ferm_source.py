"""Recognizing and checking a FERM-compatible GeoPackage made by T2 Restore before merging it.

Such a file is either a FERM export (it holds the ``t2r_export_metadata`` table) or a registry
(``t2r_schema_version`` with the initiatives and areas tables): both hold the registry tables, so
``registry.ferm.import_ferm`` merges either by uuid. A layer source (``file.gpkg|layername=areas``)
names its file. ``check_package`` reads the file without changing it and refuses, naming the file
and what to do, a file that is not a GeoPackage or is damaged (a truncated copy), a GeoPackage of
someone else, and one made by a newer T2 Restore. Pure sqlite3, no Qt.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from ..algorithms.errors import N_, T2Error
from . import ferm_layers, schema

SQLITE_HEADER = b"SQLite format 3\x00"
_REGISTRY_TABLES = {"initiatives", schema.AREA_TABLE}  # also in the pre-versioning layout (schema 0)


class FermFileError(T2Error):
    template = N_("{path} cannot be merged: {reason}. Nothing of it was merged.")


class NotGeoPackageError(FermFileError):
    template = N_(
        "{path} is not a GeoPackage (it does not start as one; a renamed or unfinished file?). Nothing was merged. "
        "Give the .gpkg file of the FERM export, or copy it again from where it came from."
    )


class DamagedPackageError(FermFileError):
    template = N_(
        "{path} is damaged: it cannot be read to the end ({detail}); it is probably a truncated or unfinished "
        "copy. Nothing was merged. Copy the file again from where it came from, or ask for a new export, and "
        "run the import again."
    )


class NotFermPackageError(FermFileError):
    template = N_(
        "{path} is not a FERM-compatible GeoPackage made by T2 Restore (it has no t2r_export_metadata table and "
        "no registry tables). Nothing was merged. Import it with INPUT and a FIELD_MAPPING instead."
    )


class NewerSchemaError(FermFileError):
    template = N_(
        "{path} was made by a newer T2 Restore (schema {version}; this plugin reads schema {supported} and "
        "older). Nothing was merged. Update the T2 Restore plugin, then run the import again."
    )


def package_path(source):
    """The file a layer source names: ``x.gpkg|layername=areas`` -> ``x.gpkg`` (None when empty)."""
    text = str(source or "").strip()
    if not text:
        return None
    return Path(text.split("|", 1)[0])


def is_sqlite_file(path):
    """True when ``path`` is a file starting with SQLite's header (any GeoPackage does)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _tables(conn):
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def _export_version(conn, tables):
    """The schema version an export's metadata declares (0 when it does not say)."""
    if ferm_layers.EXPORT_INFO_TABLE not in tables:
        return 0
    row = conn.execute("SELECT value FROM t2r_export_metadata WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except (TypeError, ValueError):
        return 0


def read_package(path):
    """(is a T2 Restore package, schema version) of the file at ``path``, read-only.

    Raises ``NotGeoPackageError`` for a file that is not SQLite and ``DamagedPackageError`` for one
    SQLite cannot read through (truncated, malformed). A GeoPackage without the registry tables
    gives (False, 0).
    """
    path = Path(path)
    if not path.is_file() or not is_sqlite_file(path):
        raise NotGeoPackageError(path=str(path))
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise DamagedPackageError(path=str(path), detail=str(check[0] if check else "quick_check"))
            tables = _tables(conn)
            if not _REGISTRY_TABLES <= tables:
                return False, 0
            version = schema.read_version(conn)
            return True, max(version, _export_version(conn, tables))
    except sqlite3.DatabaseError as exc:
        raise DamagedPackageError(path=str(path), detail=str(exc)) from exc


def is_ferm_package(source):
    """True when the layer source or file ``source`` is (a layer of) a T2 Restore GeoPackage.

    A damaged GeoPackage answers True, so that the merge refuses it with a clear message rather
    than it being read as an ordinary layer.
    """
    path = package_path(source)
    if path is None or path.suffix.lower() != ".gpkg" or not path.is_file():
        return False
    try:
        return read_package(path)[0]
    except FermFileError:
        return True


def check_package(source):
    """The file of ``source``, checked: a readable T2 Restore GeoPackage of a schema we read.

    Returns (path, schema version); raises a ``FermFileError`` naming the file otherwise.
    """
    path = package_path(source)
    if path is None:
        raise NotGeoPackageError(path=str(source))
    ours, version = read_package(path)
    if not ours:
        raise NotFermPackageError(path=str(path))
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(path=str(path), version=version, supported=schema.SCHEMA_VERSION)
    return path, version
