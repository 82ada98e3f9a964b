"""``Block``: every field of one window of the demo region, each computed once, on demand."""

from .land_cover import LandCoverFields
from .productivity import ProductivityFields
from .terrain import TerrainFields


class Block(ProductivityFields, LandCoverFields, TerrainFields):
    """Driver fields and derived maps for the window rows r0..r0+h, columns c0..c0+w.

    Terrain (``terrain.TerrainFields``: elevation, slope, distances, access), land cover of any year
    and the indicators drawn from it (``land_cover.LandCoverFields``), productivity and the annual
    NDVI series (``productivity.ProductivityFields``); a layer reads the fields it needs and shares
    them with the other layers of the same window.
    """
