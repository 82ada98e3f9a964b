"""Polygon overlay for the gap and Target 2 algorithms: repair, dissolve, partition, areas by region.

Why this package exists: the MINAM recovery gap and the SERFOR restoration gap are national layers
of tens of thousands of polygons that overlap among themselves as well as with each other. QGIS's
native chain (intersection, difference twice, union, field calculator) compares every feature of one
layer with every feature of the other it touches, counts the overlaps inside one layer twice, and
grows with the number of feature pairs. Here each layer is first repaired and dissolved (GEOS
cascaded union, so an overlap inside one gap counts once), its disjoint parts are indexed on a numpy
grid of bounding boxes, and each part meets only the parts of the other layer whose boxes touch its
own, with at most three GEOS overlays per part. Parts with very many vertices are first cut along a
quadtree so that no single overlay handles more than ``MAX_VERTICES`` vertices (the cut lines show in
the output polygons; they change no area).

Modules, by concept: ``spatial_index`` (which boxes meet), ``dissolving`` (union as disjoint parts),
``pieces`` (the only A / only B / both partition, overlays by region), ``gaps`` (the two national
gaps by zone, protection and initiatives), ``masks`` (raster masks as polygons). Walking polygons,
making them valid, splitting large ones and measuring hectares is the geometry core's job
(``algorithms.geometry``): areas are hectares on the WGS 84 ellipsoid (METHODS.md section 7) from its
one engine, ``AreaCalculator``.

Pure numpy + OGR/GEOS: no qgis import. Geometries are OGR geometries in one working CRS (the caller
reprojects); the functions never modify their inputs.
"""

from ..geometry import (  # noqa: F401 - the overlay's public names, as callers import them
    AREA_METHOD,
    DROPPED,
    MAX_SEGMENT_DEG,
    MAX_SEGMENT_M,
    MAX_VERTICES,
    NULL,
    OK,
    REPAIRED,
    AreaCalculator,
    CleanStats,
    clean_all,
    clean_geometry,
    make_valid,
    multipolygon,
    polygons_of,
    split_large,
    vertex_count,
)
from ..geometry import overlay as _overlay  # noqa: F401 - former private names, kept for tests
from ..geometry import rectangle as _rectangle  # noqa: F401
from .dissolving import dissolve, union  # noqa: F401
from .gaps import (  # noqa: F401
    OVERLAP_MIN_HA,
    GapResult,
    class_areas_by_region,
    gap_overlap,
    initiative_areas,
    labelled_regions,
)
from .masks import polygonize_mask  # noqa: F401
from .pieces import AREA_TOLERANCE, BOTH, ONLY_A, ONLY_B, intersections, partition, polygonal_area  # noqa: F401
from .spatial_index import GridIndex, clusters, envelopes  # noqa: F401
