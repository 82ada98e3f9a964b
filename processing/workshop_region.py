"""t2restore:workshop_region: the demo / workshop region written into a folder and loaded styled (issue 19,
item 7), so a trainer prepares a workshop from the toolbox, without make or a terminal (e.g. on Windows)."""

import json
import os
import shutil
import uuid

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QTranslator

from .. import compat
from ..algorithms.errors import N_, Cancelled
from ..translation import CONTEXT, I18N_DIR, tr
from . import styles
from .base import T2Algorithm

GENERATOR = "t2restore.sample_data.generate"
LANGUAGES = (("", N_("Language of the QGIS interface")), ("es", "Español"), ("en", "English"))
BYTES_PER_PIXEL = 120  # every layer of the region together, uncompressed (23 NDVI bands of 2 bytes, ...)
# Layer names in the project, by generator layer (rasters) or GeoPackage layer (vectors).
LAYER_NAMES = {
    "dem": N_("Elevation (m)"),
    "lc_baseline": N_("Land cover {baseline}, UNCCD classes"),
    "lc_target": N_("Land cover {target}, UNCCD classes"),
    "lc_national_baseline": N_("Land cover {baseline}, national legend"),
    "lc_national_target": N_("Land cover {target}, national legend"),
    "lpd": N_("Land productivity dynamics"),
    "soc_baseline": N_("Soil organic carbon {baseline} (t C/ha)"),
    "soc_target": N_("Soil organic carbon {target} (t C/ha)"),
    "forest_loss_year": N_("Year of forest loss"),
    "capability": N_("Land use capability (CUM)"),
    "ndvi": N_("Annual NDVI (one band per year)"),
    "departamentos": N_("Departments"),
    "provincias": N_("Provinces"),
    "areas_protegidas": N_("Protected areas"),
    "brecha_minam": N_("MINAM ecosystem recovery gap"),
    "brecha_serfor": N_("SERFOR restoration gap"),
    "iniciativas": N_("Restoration initiatives"),
}
# Class labels of the generator's English legends, marked here so that they are translated.
CLASS_LABELS = (N_("Tree-covered"), N_("Grassland"), N_("Cropland"), N_("Wetland"), N_("Artificial"),
                N_("Other land"), N_("Water body"), N_("Declining"), N_("Moderate decline"), N_("Stressed"),
                N_("Stable"), N_("Increasing"))


class WorkshopRegionAlgorithm(T2Algorithm):
    NAME = "workshop_region"
    DISPLAY_NAME = N_("Workshop region (demo data)")
    GROUP_ID = "workshop"
    HELP = (
        N_("Writes the synthetic demo region the workshop uses (the same generator as 'make demo': central Peru, "
           "Huánuco, Pasco and Ucayali, EPSG:32718, 30 m pixels) into OUTPUT_FOLDER and loads its layers into the "
           "project, styled with their class names: land cover (UNCCD and national legends), land productivity "
           "dynamics, soil organic carbon, forest loss year, land use capability, the annual NDVI series, "
           "elevation, departments and provinces, protected areas, the MINAM and SERFOR restoration gaps and "
           "restoration initiatives. No internet and no terminal are needed."),
        N_("SIZE is the side of the rasters in pixels (default 600: 18 km; every size shows the same landscape); "
           "SEED makes the region repeatable: the same size and seed give identical files on every machine, so "
           "every participant works on the same data. LANGUAGE chooses the language of the layer and class names "
           "in the project (default: that of QGIS)."),
        N_("The region is written into a temporary folder beside OUTPUT_FOLDER and moved into place only when "
           "complete. OUTPUT_FOLDER must be new, empty, or hold a region written before by this algorithm (which "
           "is replaced); a folder holding other files is refused, so nothing of yours is overwritten. The free "
           "disk space is checked first."),
    )

    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    SIZE = "SIZE"
    SEED = "SEED"
    LANGUAGE = "LANGUAGE"
    LOAD = "LOAD"
    LAYERS_LOADED = "LAYERS_LOADED"
    MIN_SIZE, MAX_SIZE = 128, 20000

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterNumber(
            self.SIZE, tr("Size (pixels of 30 m per side)"), compat.NUMBER_INTEGER, defaultValue=600,
            minValue=self.MIN_SIZE, maxValue=self.MAX_SIZE))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Seed (same seed, same region)"), compat.NUMBER_INTEGER, defaultValue=2030, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language of layer and class names"),
            options=[tr(label) for _code, label in LANGUAGES], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LOAD, tr("Load the layers into the project, styled"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Workshop region folder")))
        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER, tr("Workshop region folder")))
        self.addOutput(QgsProcessingOutputNumber(self.LAYERS_LOADED, tr("Layers loaded into the project")))

    def compute(self, parameters, context, feedback, workdir):
        folder = os.path.abspath(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        size = self.parameterAsInt(parameters, self.SIZE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        check_folder(folder)
        check_space(folder, size)
        feedback.pushInfo(tr("Writing the workshop region ({size} x {size} pixels of 30 m, seed {seed}) into "
                             "{folder}.").format(size=size, seed=seed, folder=folder))
        write_region(folder, size, seed, feedback)
        feedback.setProgress(90)
        loaded = 0
        if self.parameterAsBoolean(parameters, self.LOAD, context):
            translate = translator(LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)][0])
            loaded = load_region(folder, context, translate)
            feedback.pushInfo(tr("{n} layers will be loaded into the project, styled.").format(n=loaded))
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: folder, self.LAYERS_LOADED: loaded}


def check_folder(folder):
    """Refuse a destination that is a file, or a folder holding files other than a region written before."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise QgsProcessingException(tr("OUTPUT_FOLDER {folder} is a file, not a folder. Choose a new or empty "
                                        "folder.").format(folder=folder))
    if not os.path.isdir(folder) or not os.listdir(folder) or is_region(folder):
        return
    raise QgsProcessingException(tr(
        "OUTPUT_FOLDER {folder} already holds files that are not a workshop region written by T2 Restore; they "
        "are left alone. Choose a new or empty folder.").format(folder=folder))


def is_region(folder):
    """Whether ``folder`` holds a region written before by the generator (its manifest says so)."""
    try:
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as fh:
            return json.load(fh).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        return False


def check_space(folder, size):
    """Refuse before any work when the disk of ``folder`` cannot hold the region."""
    parent = existing_parent(folder)
    needed = size * size * BYTES_PER_PIXEL
    free = shutil.disk_usage(parent).free
    if free < needed:
        raise QgsProcessingException(tr(
            "The disk of {folder} has {free:,.0f} MB free; a region of {size} x {size} pixels needs about "
            "{needed:,.0f} MB. Free some space, choose another disk or a smaller SIZE.").format(
                folder=parent, free=free / 1e6, size=size, needed=needed / 1e6))


def existing_parent(path):
    path = os.path.dirname(path.rstrip(os.sep)) or os.sep
    while not os.path.isdir(path):
        path = os.path.dirname(path)
    return path


def write_region(folder, size, seed, feedback):
    """Generate into a temporary folder beside ``folder``, then move it into place (the old region last)."""
    from ..sample_data.generate import generate

    parent = os.path.dirname(folder.rstrip(os.sep))
    os.makedirs(parent, exist_ok=True)
    token = uuid.uuid4().hex[:12]
    partial = os.path.join(parent, f".{os.path.basename(folder)}.{token}.part")
    try:
        generate(partial, size=size, seed=seed, verbose=False)
        if feedback.isCanceled():
            raise Cancelled()
        replace_folder(partial, folder, token)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def replace_folder(new, folder, token):
    """Move ``new`` to ``folder``; an existing (empty, or earlier region) folder is removed only afterwards."""
    old = None
    if os.path.isdir(folder):
        old = f"{folder.rstrip(os.sep)}.{token}.old"
        os.rename(folder, old)
    try:
        os.rename(new, folder)
    except OSError:
        if old:
            os.rename(old, folder)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)


def translator(code):
    """A function translating an English source string into the chosen language ('' = QGIS's)."""
    if not code:
        return tr
    qt = QTranslator()
    if code == "en" or not qt.load(str(I18N_DIR / f"t2restore_{code}.qm")):
        return lambda text: text
    # PyQt5 passes the source as ASCII (const char *): labels that are not ASCII are Spanish already
    return lambda text: (qt.translate(CONTEXT, text) or text) if text.isascii() else text


def load_region(folder, context, translate):
    """Add every raster and vector layer of the region to the layers loaded on completion, styled; their count."""
    from ..sample_data.generate import BASELINE_YEAR, RASTER_LAYERS, TARGET_YEAR

    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as fh:
        layers = json.load(fh)["layers"]
    years = {"baseline": BASELINE_YEAR, "target": TARGET_YEAR}
    count = 0
    for name, entry in layers.items():
        path = os.path.join(folder, entry["file"])
        if entry.get("kind") == "raster":
            title = translate(LAYER_NAMES.get(name, name)).format(**years)
            add_to_project(context, path, title)
            spec = RASTER_LAYERS.get(name)
            if spec is not None and spec.classes:
                classes = [(int(code), translate(label), colour) for code, (label, colour) in spec.classes.items()]
                styles.style_raster(context, path, classes, title)
            count += 1
        elif entry.get("kind") == "vector":
            for layer in entry.get("layers", []):
                add_to_project(context, f"{path}|layername={layer}", translate(LAYER_NAMES.get(layer, layer)))
                count += 1
    return count


def add_to_project(context, source, title):
    details = QgsProcessingContext.LayerDetails(title, context.project())
    context.addLayerToLoadOnCompletion(source, details)
