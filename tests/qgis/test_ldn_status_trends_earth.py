"""t2restore:ldn_status on Trends.Earth results (issue 19, item 5): the SDG 15.3.1 band picked by its name.

The files follow Trends.Earth's layouts as built by test_trends_earth_inputs (a multi-band GeoTIFF with the job JSON
beside it, 2.x or 1.x). The SDG band is never band 1: band 1 is land cover (codes 1 and 3), which the status
refuses as unknown SDG values, so reading band 1 (what ldn_status did before) cannot pass these tests.
"""

import numpy as np
import pytest
from feedback import Capture
from qgis.core import QgsProcessingException
from rasters import read_raster, write_raster
from test_trends_earth_inputs import BANDS_V2, bands_arrays, write_te

from t2restore.algorithms.ldn_status import rules
from t2restore.processing.ldn_status import LdnStatusAlgorithm as Alg

ALG = "t2restore:ldn_status"
ND = -32768


def _sdg(seed):
    rng = np.random.default_rng(seed)
    return rng.choice(np.array([-1, 0, 1, ND], np.int16), (120, 90), p=[0.3, 0.35, 0.3, 0.05])


def _with_sdg(sdg):
    """The three Trends.Earth bands (land cover, SDG, SOC) with ``sdg`` as band 2."""
    arrays = bands_arrays()
    arrays[1] = sdg
    return arrays


def _rule_status(b, r):
    """The status class of each pixel by the rule function, pixel by pixel (nodata where it gives none)."""
    return np.vectorize(lambda x, y: rules.status_class(int(x), int(y)) or ND, otypes=[np.int16])(b, r)


@pytest.fixture
def results(tmp_path):
    """A baseline in Trends.Earth 2.x layout and a reporting period in 1.x layout, SDG band 2 of 3 in both."""
    base, report = _sdg(1), _sdg(2)
    (tmp_path / "b").mkdir()
    (tmp_path / "r").mkdir()
    return (base, write_te(tmp_path / "b", stem="sdg_2015", layout="v2", arrays=_with_sdg(base)),
            report, write_te(tmp_path / "r", stem="sdg_2019", layout="v1", arrays=_with_sdg(report)))


def test_status_reads_the_sdg_band_of_trends_earth_results_by_name(tmp_path, run_alg, results):
    base, base_tif, report, report_tif = results
    fb = Capture()
    res = run_alg(ALG, {Alg.BASELINE: base_tif, Alg.REPORTING_1: report_tif, Alg.STATUS_1: str(tmp_path / "s.tif")},
                  fb)
    np.testing.assert_array_equal(read_raster(res[Alg.STATUS_1]), _rule_status(base, report))
    text = fb.text()
    assert "BASELINE_BAND: band 2 'SDG 15.3.1 Indicator (2000-2015)' of the Trends.Earth result sdg_2015.tif" in text
    assert "REPORTING_1_BAND: band 2 'SDG 15.3.1 Indicator (2000-2015)' of the Trends.Earth result sdg_2019.tif" \
        in text


def test_a_band_number_given_wins_over_the_names(tmp_path, run_alg, results):
    """Two bands named 'SDG 15.3.1 Indicator': refused without a number, the band given read with one."""
    base, base_tif, report, _ = results
    later = _sdg(3)
    arrays = np.concatenate([_with_sdg(report), later[None]])
    bands = BANDS_V2 + [{"name": "SDG 15.3.1 Indicator", "metadata": {"year_initial": 2004, "year_final": 2019},
                         "no_data_value": ND}]
    (tmp_path / "two").mkdir()
    tif = write_te(tmp_path / "two", stem="sdg_two", bands=bands, arrays=arrays)
    params = {Alg.BASELINE: base_tif, Alg.REPORTING_1: tif, Alg.STATUS_1: str(tmp_path / "s.tif")}
    with pytest.raises(QgsProcessingException, match=r"REPORTING_1_BAND: the Trends.Earth result has several bands "
                                                     r"named 'SDG 15.3.1 Indicator'"):
        run_alg(ALG, params)
    res = run_alg(ALG, dict(params, **{Alg.REPORTING_1_BAND: 4}))
    np.testing.assert_array_equal(read_raster(res[Alg.STATUS_1]), _rule_status(base, later))
    res = run_alg(ALG, dict(params, **{Alg.REPORTING_1_BAND: 2, Alg.STATUS_1: str(tmp_path / "s2.tif")}))
    np.testing.assert_array_equal(read_raster(res[Alg.STATUS_1]), _rule_status(base, report))


def test_without_its_json_band_1_is_read_with_a_warning(tmp_path, run_alg, results):
    base, base_tif, report, _ = results
    arrays = np.stack([report, np.full(report.shape, 3, np.int16)])  # SDG first, land cover second, no JSON
    tif = write_raster(tmp_path / "nojson.tif", arrays, nodata=ND)
    fb = Capture()
    res = run_alg(ALG, {Alg.BASELINE: base_tif, Alg.REPORTING_1: tif, Alg.STATUS_1: str(tmp_path / "s.tif")}, fb)
    np.testing.assert_array_equal(read_raster(res[Alg.STATUS_1]), _rule_status(base, report))
    assert any("REPORTING_1_BAND: nojson.tif has 2 bands and no Trends.Earth JSON" in w and "band 1 is read" in w
               for w in fb.warnings)


@pytest.mark.qgis_process
def test_status_of_trends_earth_results_through_qgis_process(tmp_path, qp, results):
    base, base_tif, report, report_tif = results
    code, _data, log = qp.run(ALG, BASELINE=base_tif, REPORTING_1=report_tif, STATUS_1=str(tmp_path / "s.tif"))
    assert code == 0, log
    np.testing.assert_array_equal(read_raster(str(tmp_path / "s.tif")), _rule_status(base, report))
