"""t2restore:forest_fragmentation through processing.run and through qgis_process (English and Spanish)."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsRasterLayer
from rasters import read_raster, write_raster

from t2restore.algorithms import fragmentation
from t2restore.processing.forest_fragmentation import ForestFragmentationAlgorithm as F

ALG = "t2restore:forest_fragmentation"


@pytest.fixture
def mask(tmp_path):
    """Land cover codes: 3 forest, 7 secondary forest, 1 pasture, 255 nodata; a one-cell clearing and a strip."""
    grid = np.full((30, 40), 3, np.uint8)
    grid[12, 16] = 1  # a one-cell clearing inside the forest: perforated around it
    grid[:, 30:] = 1  # pasture on the east: edge along it
    grid[25:, :5] = 7
    grid[0, 0] = 255
    return write_raster(tmp_path / "lc.tif", grid, nodata=255), grid


def test_runs_and_matches_the_algorithm_layer(tmp_path, mask, run_alg):
    path, grid = mask
    result = run_alg(ALG, {F.INPUT: path, F.FOREST_VALUES: "3,7", F.WINDOW: 5, F.OUTPUT: str(tmp_path / "f.tif"),
                           F.OUTPUT_PF: str(tmp_path / "pf.tif"), F.OUTPUT_PFF: str(tmp_path / "pff.tif")})
    classes = read_raster(result["OUTPUT"])
    direct = tmp_path / "direct.tif"
    fragmentation.forest_fragmentation(path, str(direct), forest_values=(3, 7), window=5)
    np.testing.assert_array_equal(classes, read_raster(direct))
    assert classes[0, 0] == 255 and classes[12, 16] == 0 and classes[20, 10] == 5
    # beside the clearing: Pf = 24/25 > Pff = 36/40 -> perforated; by the pasture: Pf = 15/25 < Pff = 22/27 -> edge
    assert classes[12, 15] == 4 and classes[5, 29] == 3
    assert result["FOREST_PIXELS"] == int(np.isin(grid, (3, 7)).sum())
    assert result["INTERIOR_HA"] == pytest.approx(int((classes == 5).sum()) * 0.09, rel=2e-3)
    pf = read_raster(result["OUTPUT_PF"])
    assert pf[12, 16] == pytest.approx(24 / 25) and pf[0, 0] == fragmentation.RATIO_NODATA
    assert read_raster(result["OUTPUT_PFF"])[12, 15] == pytest.approx(36 / 40)


def test_output_is_styled_with_class_names(tmp_path, mask, run_alg):
    path, _ = mask
    out = tmp_path / "f.tif"
    run_alg(ALG, {F.INPUT: path, F.FOREST_VALUES: "3", F.OUTPUT: str(out)})
    layer = QgsRasterLayer(str(out), "f")
    layer.loadNamedStyle(str(tmp_path / "f.qml"))
    assert layer.renderer().type() == "paletted"
    assert [c.label for c in layer.renderer().classes()] == [
        "Non-forest", "Patch", "Transitional", "Edge", "Perforated", "Interior", "Undetermined"]


@pytest.mark.parametrize("params,fragment", [
    ({F.WINDOW: 4}, "WINDOW must be an odd whole number from 3 to 31 (3, 5, 7 ...); it is 4"),
    ({F.WINDOW: 33}, "it is 33"),
    ({F.FOREST_VALUES: "bosque"}, "neither a whole number nor a range such as 11-15: 'bosque'"),
    ({F.FOREST_VALUES: "9"}, "has no forest pixel: no valid cell holds 9 (FOREST_VALUES). Values found: 1, 3, 7"),
])
def test_bad_input_gives_clear_messages(tmp_path, mask, run_alg, params, fragment):
    path, _ = mask
    out = tmp_path / "f.tif"
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, dict({F.INPUT: path, F.OUTPUT: str(out)}, **params))
    assert fragment in str(err.value)
    assert not out.exists()


def test_cancel_leaves_no_output(tmp_path, mask, run_cancelled):
    path, _ = mask
    out = tmp_path / "f.tif"
    error = run_cancelled(ALG, {F.INPUT: path, F.OUTPUT: str(out)})
    assert "Cancelled" in str(error)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# -- qgis_process -----------------------------------------------------------------------------------------


def test_qgis_process_run(qp, tmp_path, mask):
    path, grid = mask
    code, data, log = qp.run(ALG, INPUT=path, FOREST_VALUES="3,7", WINDOW=3, OUTPUT=str(tmp_path / "f.tif"),
                             OUTPUT_PFF=str(tmp_path / "pff.tif"))
    assert code == 0, log
    direct = tmp_path / "direct.tif"
    fragmentation.forest_fragmentation(path, str(direct), forest_values="3,7", window=3)
    np.testing.assert_array_equal(read_raster(tmp_path / "f.tif"), read_raster(direct))
    assert data["results"]["FOREST_PIXELS"] == int(np.isin(grid, (3, 7)).sum())
    assert (tmp_path / "f.qml").exists() and (tmp_path / "pff.tif").exists()


def test_qgis_process_spanish(qp_es, tmp_path, mask):
    path, _ = mask
    assert "Fragmentación del bosque (clases de Riitters)" in qp_es.call("list").stdout
    code, _data, log = qp_es.run(ALG, INPUT=path, WINDOW=6, OUTPUT=str(tmp_path / "f.tif"))
    assert code != 0 and "Traceback" not in log
    assert "WINDOW debe ser un número entero impar de 3 a 31" in log
    code, _data, log = qp_es.run(ALG, INPUT=path, FOREST_VALUES="3", OUTPUT=str(tmp_path / "f.tif"))
    assert code == 0, log
    assert 'label="Interior"' in (tmp_path / "f.qml").read_text(encoding="utf-8")
    assert 'label="No bosque"' in (tmp_path / "f.qml").read_text(encoding="utf-8")
