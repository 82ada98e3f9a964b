#!/usr/bin/env python3
"""The Dask path's overhead against the local engine at SIZE^2 pixels, same run: ldn_degradation (blocks
without a halo, ``map_blocks``) and forest_fragmentation (a 5 x 5 window: ``map_overlap``).

    /usr/bin/python3 bench/bench_dask.py [--size 10000] [--workers 2] [--repeat 2] [--work DIR]

Inputs: the demo region of bench_ldn.py (generated when missing). Runs, alternating, the local engine
(every core) and a ``distributed.LocalCluster`` of ``--workers`` worker processes (one thread each, started
before the clock: a cluster is long-lived), and checks that both outputs are the same bytes.
Results: bench/results/dask.json. Needs python3-dask and python3-distributed.
"""

import argparse
import hashlib
import os
import sys
import time

from _common import package_parent, say, work_folder, write_results
from bench_ldn import HERE, generate


def _digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", default=str(HERE / "data"))
    args = parser.parse_args()
    work = work_folder(args.work)
    inputs = generate(work, args.size)
    sys.path.insert(0, str(package_parent()))
    from distributed import LocalCluster

    from t2restore.algorithms import fragmentation, ldn
    from t2restore.algorithms.block_threads import use_dask

    layers = [inputs[k] for k in ("lc_baseline", "lc_target", "lpd", "soc_baseline", "soc_target")]
    steps = {"ldn": lambda out: ldn.ldn_degradation(out, *layers),
             "fragmentation": lambda out: fragmentation.forest_fragmentation(inputs["lc_baseline"], out, window=5)}
    best, same = {}, {}
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        for _ in range(args.repeat):
            for step, run in steps.items():
                for name, address in (("local", None), ("dask", cluster.scheduler_address)):
                    out = str(work / f"out_{step}_{name}_{args.size}.tif")
                    start = time.perf_counter()
                    with use_dask(address):
                        run(out)
                    seconds = time.perf_counter() - start
                    say(f"{step} {name:6s} {args.size}^2: {seconds:.2f} s (load average {os.getloadavg()[0]:.1f})")
                    key = f"{step}_{name}"
                    best[key] = min(best.get(key, seconds), seconds)
    for step in steps:
        same[step] = (_digest(work / f"out_{step}_local_{args.size}.tif")
                      == _digest(work / f"out_{step}_dask_{args.size}.tif"))
    write_results("dask", {"pixels": args.size ** 2, "workers": args.workers, "cpus": os.cpu_count(),
                           "load_average_at_end": round(os.getloadavg()[0], 1),
                           "seconds": {k: round(v, 2) for k, v in best.items()},
                           "dask_over_local": {step: round(best[f"{step}_dask"] / best[f"{step}_local"], 3)
                                               for step in steps},
                           "same_bytes": same})


if __name__ == "__main__":
    main()
