"""t2restore:workshop_region (issue 19, item 7): the demo region written into a folder from the toolbox and
loaded styled into the project. Cases as data (success and refusals, also through qgis_process) are in
tests/qgis/cases/workshop_region.json; here what needs the project and the files themselves.

Truths: the files are those of the generator behind ``make demo`` run directly with the same size and seed
(the algorithm must not change them); the class names are the UNCCD legend of METHODS.md (7 classes) and its
Spanish names in the workshop guide.
"""

import json
import os

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProject

from t2restore.processing.workshop_region import WorkshopRegionAlgorithm as Alg
from t2restore.sample_data.generate import generate

UNCCD_EN = {1: "Tree-covered", 2: "Grassland", 3: "Cropland", 4: "Wetland", 5: "Artificial", 6: "Other land",
            7: "Water body"}


def project_layers():
    return {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}


def palette(layer):
    return {int(c.value): c.label for c in layer.renderer().classes()}


def read(path):
    ds = gdal.Open(str(path))
    return np.stack([ds.GetRasterBand(b + 1).ReadAsArray() for b in range(ds.RasterCount)])


def test_region_written_like_the_generator_and_loaded_styled(tmp_path, run_and_load):
    folder = tmp_path / "taller"
    results, _layers, _details = run_and_load("t2restore:workshop_region", {
        Alg.SIZE: 128, Alg.SEED: 7, Alg.LANGUAGE: 2, Alg.OUTPUT_FOLDER: str(folder)})
    assert results[Alg.LAYERS_LOADED] == 17
    direct = generate(tmp_path / "direct", size=128, seed=7, verbose=False)
    for name in ("lc_baseline", "ndvi", "forest_loss_year"):
        assert np.array_equal(read(folder / f"{name}.tif"), read(direct[name])), name
    layers = project_layers()
    assert len(layers) == 17
    land_cover = layers["Land cover 2015, UNCCD classes"]
    assert land_cover.renderer().type() == "paletted"
    assert palette(land_cover) == UNCCD_EN
    assert layers["MINAM ecosystem recovery gap"].featureCount() > 0
    assert layers["Departments"].isValid() and layers["Provinces"].isValid()
    assert not [p for p in os.listdir(tmp_path) if p.endswith((".part", ".old"))]


def test_spanish_names_whatever_the_interface_language(tmp_path, run_and_load):
    run_and_load("t2restore:workshop_region", {Alg.SIZE: 128, Alg.LANGUAGE: 1,
                                               Alg.OUTPUT_FOLDER: str(tmp_path / "taller")})
    layers = project_layers()
    land_cover = layers["Cobertura 2015, clases de la CNULD"]
    assert palette(land_cover)[1] == "Cobertura arbórea" and palette(land_cover)[7] == "Cuerpo de agua"
    assert "Brecha de recuperación de ecosistemas (MINAM)" in layers


def test_a_region_written_before_is_replaced(tmp_path, run_alg):
    folder = tmp_path / "taller"
    run_alg("t2restore:workshop_region", {Alg.SIZE: 128, Alg.SEED: 1, Alg.LOAD: False,
                                          Alg.OUTPUT_FOLDER: str(folder)})
    res = run_alg("t2restore:workshop_region", {Alg.SIZE: 160, Alg.SEED: 2, Alg.LOAD: False,
                                                Alg.OUTPUT_FOLDER: str(folder)})
    assert res[Alg.LAYERS_LOADED] == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["size"], manifest["seed"]) == (160, 2)
    assert gdal.Open(str(folder / "dem.tif")).RasterXSize == 160
    assert sorted(os.listdir(tmp_path)) == ["taller"]


def test_a_folder_with_other_files_is_left_alone(tmp_path, run_alg):
    folder = tmp_path / "mis_datos"
    folder.mkdir()
    (folder / "notas.txt").write_text("no tocar", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not a workshop region written by T2 Restore"):
        run_alg("t2restore:workshop_region", {Alg.SIZE: 128, Alg.OUTPUT_FOLDER: str(folder)})
    assert os.listdir(folder) == ["notas.txt"]
    assert (folder / "notas.txt").read_text(encoding="utf-8") == "no tocar"
    assert sorted(os.listdir(tmp_path)) == ["mis_datos"]


def test_not_enough_disk_space_is_refused_before_writing(tmp_path, run_alg, monkeypatch):
    from t2restore.processing import workshop_region

    monkeypatch.setattr(workshop_region.shutil, "disk_usage", lambda _p: type("U", (), {"free": 10_000_000})())
    with pytest.raises(QgsProcessingException, match=r"10 MB free.*about 1,966 MB"):
        run_alg("t2restore:workshop_region", {Alg.SIZE: 4048, Alg.OUTPUT_FOLDER: str(tmp_path / "taller")})
    assert os.listdir(tmp_path) == []
