"""The raster layers of the demo region (terrain, land cover, productivity, soil carbon, forest
loss, capability, the annual NDVI series) and the land-cover recode table, registered in ``catalog``."""

import csv
import os

from osgeo import gdal

from .catalog import file_layer, raster_layer
from .legends import (
    BASELINE_YEAR,
    CAPABILITY_CLASSES,
    FIRST_LOSS_YEAR,
    LOSS_NODATA,
    LPD_CLASSES,
    NATIONAL_CLASSES,
    NDVI_NODATA,
    NDVI_SCALE,
    NDVI_YEARS,
    SOC_NODATA,
    TARGET_YEAR,
    UNCCD_CLASSES,
)


def _national_legend():
    return {code: (label, colour) for code, (_, label, colour) in NATIONAL_CLASSES.items()}


@raster_layer("dem", gdal.GDT_Float32, -9999.0, "Elevation (m): puna in the west, Amazon lowland in the east.")
def _dem(block):
    return block.elev


@raster_layer("lc_baseline", gdal.GDT_Byte, 0, f"Land cover {BASELINE_YEAR}, 7 UNCCD classes.", UNCCD_CLASSES)
def _lc_baseline(block):
    return block.unccd(BASELINE_YEAR)


@raster_layer("lc_target", gdal.GDT_Byte, 0, f"Land cover {TARGET_YEAR}, 7 UNCCD classes.", UNCCD_CLASSES)
def _lc_target(block):
    return block.unccd(TARGET_YEAR)


@raster_layer("lc_national_baseline", gdal.GDT_Byte, 0,
              f"Land cover {BASELINE_YEAR}, national (MINAM-like) legend; see lc_recode.csv.",
              _national_legend())
def _lc_national_baseline(block):
    return block.national(BASELINE_YEAR)


@raster_layer("lc_national_target", gdal.GDT_Byte, 0,
              f"Land cover {TARGET_YEAR}, national (MINAM-like) legend; see lc_recode.csv.",
              _national_legend())
def _lc_national_target(block):
    return block.national(TARGET_YEAR)


@raster_layer("lpd", gdal.GDT_Byte, 0, "Land productivity dynamics, 5 classes.", LPD_CLASSES)
def _lpd(block):
    return block.lpd


@raster_layer("soc_baseline", gdal.GDT_Float32, SOC_NODATA, f"Soil organic carbon {BASELINE_YEAR} (t C/ha).")
def _soc_baseline(block):
    return block.soc[0]


@raster_layer("soc_target", gdal.GDT_Float32, SOC_NODATA, f"Soil organic carbon {TARGET_YEAR} (t C/ha).")
def _soc_target(block):
    return block.soc[1]


@raster_layer("forest_loss_year", gdal.GDT_UInt16, LOSS_NODATA,
              f"Year of forest loss {FIRST_LOSS_YEAR}-{TARGET_YEAR}; 0 = no loss.")
def _forest_loss_year(block):
    return block.forest_loss_year


@raster_layer("capability", gdal.GDT_Byte, 0, "Land use capability (CUM): 1 A, 2 C, 3 P, 4 F, 5 X.",
              CAPABILITY_CLASSES)
def _capability(block):
    return block.capability


@raster_layer("ndvi", gdal.GDT_Int16, NDVI_NODATA,
              f"Annual NDVI x {NDVI_SCALE}, one band per year {NDVI_YEARS[0]}-{NDVI_YEARS[-1]} "
              "(band description = year); nodata outside the area and under persistent cloud.",
              bands=len(NDVI_YEARS), band_names=tuple(str(year) for year in NDVI_YEARS),
              manifest={"first_year": NDVI_YEARS[0], "last_year": NDVI_YEARS[-1], "scale": NDVI_SCALE})
def _ndvi(block):
    return block.ndvi()


@file_layer("lc_recode", "table", "National land-cover codes to UNCCD classes (code,unccd_class,label_es).")
def _lc_recode(world, out_dir):
    path = os.path.join(out_dir, "lc_recode.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "unccd_class", "label_es"])
        for code, (unccd, label, _) in sorted(NATIONAL_CLASSES.items()):
            writer.writerow([code, unccd, label])
    return path


