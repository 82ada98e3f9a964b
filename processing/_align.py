"""ALIGN: which coordinate operation aligns a raster onto the reference grid, said in the log and used.

Why: the methods say inputs on other grids are aligned "never silently", and a PSAD56 raster moves by
hundreds of metres, or by 9 m more or less, depending on the datum transformation PROJ picks. The
operation is chosen once by QGIS (honouring the project's datum transformation choices), written to
the log with its accuracy and PROJ pipeline, and handed to GDAL's warper so that the pixels move
exactly as the log says. The provider skips modules starting with ``_``.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsPointXY,
)

from ..algorithms.errors import N_
from ..translation import tr

METHODS = {"near": N_("nearest neighbour"), "bilinear": N_("bilinear")}


def _crs(wkt):
    return QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()


def _label(crs):
    return f"{crs.authid()} {crs.description()}".strip() if crs.isValid() else tr("(none)")


def coordinate_operation(context, ds, grid):
    """(PROJ pipeline or None, operation name, accuracy in metres or None) from ``ds``'s CRS to the grid's."""
    src, dst = _crs(ds.GetProjection()), _crs(grid.crs_wkt)
    if not (src.isValid() and dst.isValid()) or src == dst:
        return None, "", None
    transform = QgsCoordinateTransform(src, dst, context.transformContext())
    gt = ds.GetGeoTransform()
    centre = QgsPointXY(gt[0] + gt[1] * ds.RasterXSize / 2, gt[3] + gt[5] * ds.RasterYSize / 2)
    try:
        transform.transform(centre)  # instantiates the operation QGIS picks for this area
    except QgsCsException:
        return transform.coordinateOperation() or None, "", None
    details = transform.instantiatedCoordinateOperationDetails()
    proj = details.proj or transform.coordinateOperation() or None
    accuracy = details.accuracy if details.accuracy is not None and details.accuracy >= 0 else None
    return proj, details.name, accuracy


def log_alignment(feedback, key, ds, grid, method, operation):
    """One info line: what was aligned, from which CRS to which, how (resampling, operation, pipeline)."""
    if feedback is None:
        return
    src, dst = _crs(ds.GetProjection()), _crs(grid.crs_wkt)
    resampling = tr(METHODS.get(method, method))
    proj, name, accuracy = operation
    if not proj:
        feedback.pushInfo(tr("ALIGN: {key} resampled onto the reference grid ({resampling}), from {src} to {dst}; "
                             "no datum transformation.").format(key=key, resampling=resampling, src=_label(src),
                                                                dst=_label(dst)))
        return
    text = tr("ALIGN: {key} reprojected onto the reference grid ({resampling}) from {src} to {dst} with the "
              "coordinate operation '{name}' (accuracy {accuracy}); PROJ pipeline: {proj}")
    feedback.pushInfo(text.format(
        key=key, resampling=resampling, src=_label(src), dst=_label(dst), name=name or tr("(unnamed)"),
        accuracy=tr("{m:g} m").format(m=accuracy) if accuracy is not None else tr("unknown"), proj=proj))
