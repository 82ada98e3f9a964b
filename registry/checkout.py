"""Offline check-out of part of a shared registry into a GeoPackage registry, and check-in.

``check_out`` copies the initiatives of a department or of an institution verbatim (uuids and
revisions kept) into a new GeoPackage registry and records, in its table ``t2r_checkout``, where
they came from and the revision each had: the base of the later merge. In the field the copy is an
ordinary registry (the dock edits it, each save bumps the local revision).

``check_in`` merges the copy back by uuid and revision, with the FERM import's conflict records
(``ferm.Conflict``, ``ferm.ImportResult``, ``ferm.differing_fields``): an initiative changed only
in the field is saved over the shared one with the shared registry's own revision check (so a save
that slipped in meanwhile is still caught); one changed in both places is a conflict, reported
field by field and not written (``on_conflict="keep"``) or written over the newer one (``"replace"``);
one created in the field is inserted; one deleted in the shared registry is reported. Nothing is
overwritten silently. Merged initiatives are refreshed in the copy so a second check-in is a no-op.
"""

import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from ..algorithms.errors import N_
from ..algorithms.files import os_error
from .errors import ConflictError, RegistryError, RegistryExistsError
from .ferm import Conflict, ImportResult, differing_fields
from .gpkg_store import GeoPackageRegistryStore
from .model import InitiativeFilter, utc_now

TABLE = "t2r_checkout"
_CREATE = (
    "CREATE TABLE t2r_checkout (uuid TEXT PRIMARY KEY, base_revision INTEGER NOT NULL, "
    "source TEXT NOT NULL, checked_out_at TEXT NOT NULL)"
)
_INSERT = "INSERT OR REPLACE INTO t2r_checkout (uuid, base_revision, source, checked_out_at) VALUES (?, ?, ?, ?)"
_READ = "SELECT uuid, base_revision, source FROM t2r_checkout"


class NotACheckoutError(RegistryError):
    template = N_(
        "{path} is not a checked-out copy of a shared registry (it has no check-out record), so it cannot "
        "be checked in. Merge it with Import initiatives (FERM GeoPackage) instead."
    )


class NothingToCheckOutError(RegistryError):
    template = N_(
        "No initiative of {what} is in the registry {path}; nothing was checked out. Check the spelling "
        "of the department or institution."
    )


def _select(store, department, institution):
    if institution:
        return store.initiatives_of(institution)
    flt = InitiativeFilter(department=department) if department else None
    return [s.uuid for s in store.list_initiatives(flt)]


def _check_destination(path):
    """Refuse, before reading the shared registry, a copy that exists or whose folder is not writable."""
    if path.exists():
        raise RegistryExistsError(path=str(path))
    try:
        with tempfile.NamedTemporaryFile(dir=str(path.parent), prefix=".t2restore-probe-"):
            pass
    except OSError as error:
        raise os_error(error, path=str(path)) from None


def check_out(store, path, department=None, institution=None, progress=None, is_cancelled=None):
    """Copy the initiatives of ``department`` or ``institution`` into a new GeoPackage registry at ``path``.

    Returns the number of initiatives copied. The file is written under a temporary name and renamed
    only when complete.
    """
    path = Path(path)
    _check_destination(path)
    uuids = _select(store, department, institution)
    if not uuids:
        raise NothingToCheckOutError(path=store.location, what=department or institution or "-")
    initiatives = store.get_initiatives(uuids, progress, is_cancelled)
    if path.exists():
        raise RegistryExistsError(path=str(path))
    temp = path.with_name("." + path.name + ".checkout-part.gpkg")
    if temp.exists():
        temp.unlink()
    try:
        with GeoPackageRegistryStore(temp, create=True) as local:
            local.put_initiatives(initiatives, None, is_cancelled)
        with closing(sqlite3.connect(str(temp))) as conn, conn:
            conn.execute(_CREATE)
            now = utc_now()
            conn.executemany(_INSERT, [(i.uuid, i.revision, store.location, now) for i in initiatives])
        if path.exists():
            raise RegistryExistsError(path=str(path))
        temp.rename(path)
    finally:
        if temp.exists():
            temp.unlink()
    return len(initiatives)


def read_bases(path):
    """{uuid: base revision} and the source recorded in a checked-out copy."""
    with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        try:
            rows = conn.execute(_READ).fetchall()
        except sqlite3.OperationalError:
            raise NotACheckoutError(path=str(path)) from None
    return {r[0]: r[1] for r in rows}, (rows[0][2] if rows else "")


def _merge_one(store, ini, base, current, on_conflict, name, result):
    """Merge one field copy; returns the initiative saved in the shared registry, or None."""
    if base is not None and ini.revision == base:
        result.unchanged.append(ini.uuid)
        return None
    if current is None and base is not None:
        result.conflicts.append(Conflict(ini.uuid, ini.title, ["deleted"], "skipped", name))
        result.skipped.append(ini.uuid)
        return None
    if current is None:
        ini.revision = 0
        result.inserted.append(ini.uuid)
        return store.save_initiative(ini)
    if current.revision != base:
        diff = differing_fields(current, ini)
        if not diff:
            result.unchanged.append(ini.uuid)
            return None
        if on_conflict != "replace":
            result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "kept registry", name))
            return None
        result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "replaced", name))
    ini.revision = current.revision
    saved = store.save_initiative(ini)
    result.replaced.append(ini.uuid)
    return saved


def check_in(path, store, on_conflict="keep", progress=None):
    """Merge the checked-out copy at ``path`` into ``store``; returns a ``ferm.ImportResult``."""
    if on_conflict not in ("keep", "replace"):
        raise ValueError("on_conflict must be 'keep' or 'replace'")
    bases, _source = read_bases(path)
    with GeoPackageRegistryStore(path) as local:
        incoming = local.get_initiatives()
        existing = {i.uuid: i for i in store.get_initiatives([i.uuid for i in incoming])}
        owners = store.area_owners([a.uuid for i in incoming for a in i.areas])
        result, refreshed = ImportResult(areas=sum(len(i.areas) for i in incoming)), []
        for n, ini in enumerate(incoming):
            taken = [a.uuid for a in ini.areas if owners.get(a.uuid, ini.uuid) != ini.uuid]
            if taken:
                others = sorted({owners[a] for a in taken})
                result.conflicts.append(Conflict(ini.uuid, ini.title, ["areas"], "skipped", str(path), taken, others))
                result.skipped.append(ini.uuid)
                continue
            try:
                base, current = bases.get(ini.uuid), existing.get(ini.uuid)
                saved = _merge_one(store, ini, base, current, on_conflict, str(path), result)
            except ConflictError:  # changed in the shared registry while we were merging
                result.conflicts.append(Conflict(ini.uuid, ini.title, ["revision"], "kept registry", str(path)))
                saved = None
            if saved is not None:
                refreshed.append(saved)
            if progress is not None:
                progress((n + 1) / len(incoming))
        if refreshed:
            local.put_initiatives(refreshed)
    if refreshed:
        with closing(sqlite3.connect(str(path))) as conn, conn:
            now = utc_now()
            conn.executemany(_INSERT, [(i.uuid, i.revision, store.location, now) for i in refreshed])
    return result
