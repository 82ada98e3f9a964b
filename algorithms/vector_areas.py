"""Former home of the vector area code, now in ``algorithms/geometry`` (kept for one commit)."""

from .geometry import (  # noqa: F401
    AREA_METHOD,
    WGS84_A,
    authalic_q,
    cell_area_ha,
    ellipsoidal_area_ha,
    is_valid,
    quiet_gdal_errors,
    to_lonlat,
    wgs84,
)
