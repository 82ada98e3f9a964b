"""Recognizing areas an initiative already holds, so that importing a file again does not
duplicate them (the dock's import and ``t2restore:import_initiatives`` share these rules).

An incoming area is the same as a held one when it carries the held area's uuid (the source key
of a file exported from a registry, or a mapped identifier column), or when it has the same site
name (case and accents ignored) and the same geometry. What then happens depends on the mode:

- ``update`` (add new and update): new areas are added; recognized ones take the non-empty
  values of the file (and its geometry), keeping their uuid; unchanged ones are left alone.
- ``skip``: new areas are added; recognized ones are left as they are.
- ``replace``: the initiative ends up holding exactly the file's areas; recognized ones keep
  their uuid (and monitoring values), the others are removed.

Pure Python and OGR, no Qt.
"""

from dataclasses import dataclass, field

from ..algorithms.geometry import quiet_gdal_errors
from .mapping import AREA_TARGETS, is_empty
from .text import fold

MODES = ("update", "skip", "replace")
_CARRIED = [t for t in AREA_TARGETS if t != "uuid"] + ["original_crs"]
_RELATIVE_TOLERANCE = 1e-7  # share of the area that may differ between two "same" geometries


@dataclass
class MergeCounts:
    """How many incoming areas were inserted, updated, unchanged or skipped; held areas removed."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    removed_sites: list = field(default_factory=list)

    def add(self, other):
        for name in ("inserted", "updated", "unchanged", "skipped", "removed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.removed_sites += other.removed_sites
        return self


def same_geometry(a, b):
    """True when two areas' geometries cover the same ground (identical WKB, or equal to a tolerance)."""
    if a.geometry_wkb is None or b.geometry_wkb is None:
        return a.geometry_wkb is None and b.geometry_wkb is None
    if bytes(a.geometry_wkb) == bytes(b.geometry_wkb):
        return True
    ga, gb = a.geometry(), b.geometry()
    if ga is None or gb is None:
        return False
    with quiet_gdal_errors():
        try:
            if ga.Equals(gb):
                return True
            difference = ga.SymDifference(gb)
        except RuntimeError:
            return False
    size = max(ga.GetArea(), gb.GetArea())
    return difference is not None and size > 0 and difference.GetArea() <= _RELATIVE_TOLERANCE * size


def _site_key(area):
    return " ".join(fold(area.site_name).split())


class _Held:
    """The areas an initiative holds, indexed by uuid and by site name."""

    def __init__(self, areas):
        self.areas, self.by_uuid, self.by_site = [], {}, {}
        for area in areas:
            self.add(area)

    def add(self, area):
        self.areas.append(area)
        self.by_uuid.setdefault(area.uuid, area)
        self.by_site.setdefault(_site_key(area), []).append(area)

    def match(self, incoming):
        """The held area ``incoming`` stands for (same uuid, or same site name and geometry), or None."""
        if incoming.uuid in self.by_uuid:
            return self.by_uuid[incoming.uuid]
        return next((a for a in self.by_site.get(_site_key(incoming), ()) if same_geometry(a, incoming)), None)


def find_match(incoming, held):
    """The area of ``held`` that ``incoming`` stands for (same uuid, or same site name and geometry), or None."""
    return _Held(held).match(incoming)


def _changes(held, incoming):
    """The fields whose non-empty incoming value differs from the held one."""
    changed = []
    for name in _CARRIED:
        value = getattr(incoming, name)
        if not is_empty(value) and value != getattr(held, name):
            changed.append(name)
    if incoming.geometry_wkb is not None and not same_geometry(held, incoming):
        changed.append("geometry_wkb")
    return changed


def merge_areas(held, incoming, mode="update"):
    """The areas an initiative holds after importing ``incoming`` into ``held``, and the counts.

    Returns ``(areas, MergeCounts)``; ``held`` and its areas are updated in place where they are
    kept. Two identical rows of one file count once (the second is unchanged or skipped).
    """
    if mode not in MODES:
        raise ValueError("mode must be one of %s" % ", ".join(MODES))
    index, counts, matched = _Held(held), MergeCounts(), set()
    for area in incoming:
        match = index.match(area)
        if match is None:
            index.add(area)
            matched.add(area.uuid)
            counts.inserted += 1
            continue
        matched.add(match.uuid)
        if mode == "skip":
            counts.skipped += 1
            continue
        changed = _changes(match, area)
        for name in changed:
            setattr(match, name, getattr(area, name))
        counts.updated += bool(changed)
        counts.unchanged += not changed
    result = index.areas
    if mode == "replace":
        removed = [a for a in result if a.uuid not in matched]
        counts.removed = len(removed)
        counts.removed_sites = [a.site_name or a.uuid[:8] for a in removed]
        result = [a for a in result if a.uuid in matched]
    return result, counts
