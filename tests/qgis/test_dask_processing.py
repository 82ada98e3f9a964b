"""DASK_SCHEDULER through ``processing.run``: every data-described success case of the algorithms offered on Dask
gives, on a LocalCluster of 2 worker processes, the local engine's files (rasters and CSV tables the same bytes,
other tables the same rows) and numbers; the working folder (zones burnt from polygons) is made beside the output,
where remote workers reach it; an unreachable scheduler is refused with what to do."""

from pathlib import Path

import pytest
from test_algorithm_cases import prepare, read_table
from test_thread_identity import RASTER_CASES, _run_all

from t2restore.algorithms import files

distributed = pytest.importorskip("distributed", reason="make setup installs python3-distributed (tools/setup.sh)")
OFFERED = {"area_summary", "definition_agreement", "forest_fragmentation", "ldn_degradation", "minam_degradation",
           "serfor_criteria"}
CASES = [c for c in RASTER_CASES if c["algorithm"].split(":")[-1] in OFFERED]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local.scheduler_address


def test_every_offered_algorithm_has_a_case():
    assert {c["algorithm"].split(":")[-1] for c in CASES} == OFFERED


@pytest.mark.parametrize("case", CASES, ids=[f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in CASES])
def test_dask_scheduler_gives_the_local_files_and_numbers(case, cluster, run_alg, tmp_path, monkeypatch):
    local, numbers = _run_all(case, run_alg, tmp_path / "local", monkeypatch, 1, 3)
    on_dask = dict(case, params={**case["params"], "DASK_SCHEDULER": cluster})
    remote, remote_numbers = _run_all(on_dask, run_alg, tmp_path / "dask", monkeypatch, 1, 3)
    assert local and sorted(remote) == sorted(local)
    assert remote_numbers == numbers
    for name, path in remote.items():
        if path.suffix.lower() in (".tif", ".tiff", ".csv"):
            assert path.read_bytes() == local[name].read_bytes(), f"{case['name']} {name}: not the same bytes"
        else:
            assert read_table(path) == read_table(local[name]), f"{case['name']} {name}: rows differ"


def test_with_a_scheduler_the_working_folder_is_beside_the_output(cluster, run_alg, tmp_path, monkeypatch):
    case = next(c for c in CASES if c["algorithm"].endswith("area_summary") and "ZONES" in c["params"])
    parents, shares = [], []
    real = files.work_directory

    def spy(parent=None, prefix=files.WORKDIR_PREFIX, shared=False):
        parents.append(parent)
        shares.append(shared)
        return real(parent, prefix, shared)

    monkeypatch.setattr(files, "work_directory", spy)
    _run_all(case, run_alg, tmp_path / "local", monkeypatch, 1, None)
    _run_all(dict(case, params={**case["params"], "DASK_SCHEDULER": cluster}), run_alg, tmp_path / "dask",
             monkeypatch, 1, None)
    assert parents[0] is None  # this machine: the temporary folder
    assert parents[1] == str(tmp_path / "dask")  # a cluster: beside the output table
    assert shares == [False, True]  # readable by the workers' accounts only for a cluster
    assert not [p for p in (tmp_path / "dask").iterdir() if p.name.startswith(".t2restore-work")]


def test_unreachable_scheduler_is_refused_with_what_to_do_for_each_algorithm(run_alg, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    for n, algorithm in enumerate(sorted(OFFERED - {"ldn_degradation"})):  # ldn: test_parallel_processing.py
        case = next(c for c in CASES if c["algorithm"].endswith(algorithm))
        folder = tmp_path / str(n)
        with pytest.raises(QgsProcessingException, match="tcp://127.0.0.1:9") as err:
            _run_all(dict(case, params={**case["params"], "DASK_SCHEDULER": "tcp://127.0.0.1:9"}), run_alg,
                     folder, monkeypatch, 1, None)
        assert "dask-scheduler" in str(err.value), algorithm
        outputs = [v.replace("{tmp}", str(folder)) for v in case["params"].values() if "{tmp}" in str(v)]
        assert outputs and not [p for p in outputs if Path(p).exists()], algorithm


@pytest.mark.qgis_process
def test_qgis_process_with_a_scheduler_gives_the_local_bytes_and_a_translated_refusal(cluster, qp, qp_es, run_alg,
                                                                                       tmp_path, monkeypatch):
    case = next(c for c in CASES if c["algorithm"].endswith("forest_fragmentation") and c.get("qgis_process"))
    local, _numbers = _run_all(case, run_alg, tmp_path / "local", monkeypatch, 1, None)
    folder = tmp_path / "qp"
    folder.mkdir()
    params, _paths = prepare(case, folder)
    code, _data, log = qp.run(case["algorithm"], **{**params, "DASK_SCHEDULER": cluster})
    assert code == 0, log
    assert local and all((folder / name).read_bytes() == path.read_bytes() for name, path in local.items())
    refused = tmp_path / "refused.tif"
    code, _data, log = qp_es.run(case["algorithm"], **{**params, "OUTPUT": str(refused),
                                                      "DASK_SCHEDULER": "tcp://127.0.0.1:9"})
    assert code != 0 and "No se puede contactar el planificador Dask tcp://127.0.0.1:9" in log, log
    assert not refused.exists()
