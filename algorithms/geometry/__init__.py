"""The geometry core: the only place that walks polygons and rings, makes geometries valid, splits
large polygons and measures hectares. Everything else (overlay, Target 2, the registry, the dock)
calls it. Pure OGR/GEOS + numpy: no qgis import.

- ``parts``: ``iter_polygons`` / ``polygons_of`` (polygons of anything), ``rings`` (vertex arrays),
  ``multipolygon``, ``as_multipolygon``, ``vertex_count``, ``rectangle``.
- ``valid``: ``make_valid`` / ``repairs``, ``clean_geometry`` / ``clean_all`` (a layer's features to
  valid polygons), ``is_valid``, ``quiet_gdal_errors``.
- ``overlay``: ``overlay`` (a GEOS overlay that fails with a message), ``split_large``.
- ``area``: ``AreaCalculator`` / ``ellipsoidal_area_ha`` (hectares on the WGS 84 ellipsoid, one
  engine), ``to_lonlat``, ``wgs84``, ``cell_area_ha`` (closed-form truth for tests).
- ``equal_area``: ``equal_area_ha`` (EPSG:6933 planar hectares, as FERM computes them).
"""

from .area import (  # noqa: F401
    AREA_METHOD,
    MAX_SEGMENT_DEG,
    MAX_SEGMENT_M,
    REGISTRY_AREA_METHOD,
    WGS84_A,
    WGS84_E,
    WGS84_E2,
    WGS84_F,
    AreaCalculator,
    authalic_q,
    cell_area_ha,
    densify,
    ellipsoidal_area_ha,
    ring_areas_m2,
    to_lonlat,
    traditional,
    wgs84,
)
from .equal_area import EQUAL_AREA_EPSG, FERM_AREA_METHOD, equal_area_ha  # noqa: F401
from .overlay import MAX_VERTICES, overlay, split_large  # noqa: F401
from .parts import as_multipolygon, iter_polygons, multipolygon, polygons_of, rectangle, rings, vertex_count  # noqa: F401
from .valid import (  # noqa: F401
    DROPPED,
    NULL,
    OK,
    REPAIRED,
    CleanStats,
    clean_all,
    clean_geometry,
    is_valid,
    make_valid,
    parse_geometry,
    quiet_gdal_errors,
    quietly,
    repairs,
)
