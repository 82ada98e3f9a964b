#!/usr/bin/env python3
"""Benchmark of the PostGIS registry: 10,000 initiatives / 40,000 areas in a throw-away cluster.

    .venv/py311/bin/python -P bench/bench_postgis_registry.py [--initiatives 10000] [--areas-per 4]

Starts its own PostgreSQL + PostGIS cluster (tests/pg.py: initdb/pg_ctl, a temporary folder, stopped
afterwards), initializes a registry and measures, with the store the dock uses:
  1. load:     every initiative written in transactions of 500 (put_initiatives, audit triggers on);
  2. list:     what the dock's list does after a filter change (count + first page of 100 rows) for
               no filter, text, department, status, national gap, ecosystem, and a page 9,000 rows deep:
               median of 5 runs each, the target is under 200 ms;
  3. checkout: the initiatives of one department (250 initiatives, 1,000 areas) into a GeoPackage registry, then 100
               of them edited in the copy and checked in (revision checks, audit) -- seconds;
  peak memory: max RSS of this process (ru_maxrss), reported after each step;
  server memory: for list/filter, check-out and check-in, the peak RSS of the store's backend process
               (VmHWM in /proc/<pg_backend_pid()>/status, reset before each step through clear_refs when
               allowed) and the peak total of the cluster (every process of the postmaster, sampled every
               20 ms: sum of RSS and, where /proc/<pid>/smaps_rollup is readable, sum of PSS, which counts
               shared buffers once).
Results go to bench/results/postgis_registry.json.
"""

import argparse
import json
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import conftest  # noqa: E402, F401 - puts the package t2restore on sys.path
import pg  # noqa: E402

DEPARTMENTS = ("Junín", "Cusco", "Puno", "Áncash", "Loreto", "Piura", "Lima", "Arequipa", "Ayacucho", "Huánuco")


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _proc_kb(pid, name, key):
    """A ``key: N kB`` line of /proc/<pid>/<name> in MB (None when unreadable)."""
    try:
        with open("/proc/%d/%s" % (pid, name), encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cluster_pids(postmaster):
    """The postmaster and its children (backends, checkpointer, walwriter...)."""
    pids = [postmaster]
    try:
        with open("/proc/%d/task/%d/children" % (postmaster, postmaster), encoding="ascii") as handle:
            pids += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return pids


class ServerMemory:
    """Peak memory of the server during a step: the store's backend (VmHWM) and the whole cluster (sampled)."""

    def __init__(self, backend, postmaster):
        self.backend, self.postmaster = backend, postmaster
        self.peak_rss = self.peak_pss = 0.0
        self.reset = False
        self._stop = threading.Event()

    def _sample(self):
        while not self._stop.is_set():
            pids = cluster_pids(self.postmaster)
            rss = sum(_proc_kb(p, "status", "VmRSS") or 0.0 for p in pids)
            pss = [_proc_kb(p, "smaps_rollup", "Pss") for p in pids]
            self.peak_rss = max(self.peak_rss, rss)
            if all(v is not None for v in pss):
                self.peak_pss = max(self.peak_pss, sum(pss))
            self._stop.wait(0.02)

    def __enter__(self):
        try:  # "5" resets the peak RSS (VmHWM) of a process: the owner or root may do it
            with open("/proc/%d/clear_refs" % self.backend, "w", encoding="ascii") as handle:
                handle.write("5")
            self.reset = True
        except OSError:
            self.reset = False
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.result = {
            "backend_pid": self.backend,
            "backend_peak_mb": round(_proc_kb(self.backend, "status", "VmHWM") or 0.0, 1),
            "backend_peak_since": "step start" if self.reset else "backend start",
            "cluster_peak_rss_mb": round(self.peak_rss, 1),
            "cluster_peak_pss_mb": round(self.peak_pss, 1) if self.peak_pss else None,
        }


def server_memory(store, cluster):
    """A ``ServerMemory`` for the store's connection (pg_backend_pid()) in the benchmark's cluster."""
    with store._read_cursor() as cur:  # the store's own connection: the backend that does the work
        cur.execute("SELECT pg_backend_pid()")
        backend = cur.fetchone()[0]
    postmaster = int((cluster.data / "postmaster.pid").read_text(encoding="ascii").split()[0])
    return ServerMemory(backend, postmaster)


def make(n, per):
    from t2restore.registry import samples

    ini = samples.sample_initiative(n % 3000, areas=per, monitoring=1)
    ini.title = "Iniciativa %05d de restauración" % n
    ini.restoration_status = 1 + n % 3
    for k, area in enumerate(ini.areas):
        area.department = "Tumbes" if n % 40 == 0 else DEPARTMENTS[n % 10]  # Tumbes: 250 x 4 = 1,000 areas
        area.national_gap = ("MINAM", "SERFOR", "BOTH", "NONE")[(n + k) % 4]
        area.ecosystems = [("T1", "T2", "F2")[n % 3]]
    ini.revision = 1
    return ini


def load(store, count, per):
    start = time.perf_counter()
    for first in range(0, count, 500):
        store.put_initiatives([make(n, per) for n in range(first, min(count, first + 500))])
    return time.perf_counter() - start


def list_times(store):
    from t2restore.registry.model import InitiativeFilter

    cases = {
        "all": (None, 0),
        "text": (InitiativeFilter(text="00042"), 0),
        "department": (InitiativeFilter(department="ancash"), 0),
        "status": (InitiativeFilter(restoration_status=2), 0),
        "national_gap": (InitiativeFilter(national_gap="MINAM"), 0),
        "ecosystem": (InitiativeFilter(ecosystem="F2"), 0),
        "deep_page": (None, 9000),
    }
    out = {}
    for name, (flt, offset) in cases.items():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            count = store.count_initiatives(flt)
            rows = store.list_initiatives(flt, limit=100, offset=offset)
            runs.append(1000.0 * (time.perf_counter() - start))
        out[name] = {"median_ms": round(statistics.median(runs), 1), "max_ms": round(max(runs), 1),
                     "count": count, "rows": len(rows)}
        print("  list %-12s %7.1f ms (count %d)" % (name, out[name]["median_ms"], count), flush=True)
    return out


def checkout_times(store, folder, cluster, server):
    from t2restore.registry import checkout
    from t2restore.registry.store import open_registry

    path = Path(folder) / "tumbes.gpkg"
    start = time.perf_counter()
    with server_memory(store, cluster) as memory:
        copied = checkout.check_out(store, path, department="Tumbes")
    out_s = time.perf_counter() - start
    server["check_out"] = memory.result
    with open_registry(path) as local:
        areas = len(local.list_areas())
        for summary in local.list_initiatives(limit=100):
            ini = local.get_initiative(summary.uuid)
            ini.description = "editado en campo"
            local.save_initiative(ini)
    start = time.perf_counter()
    with server_memory(store, cluster) as memory:
        result = checkout.check_in(path, store)
    in_s = time.perf_counter() - start
    server["check_in"] = memory.result
    return {"initiatives": copied, "areas": areas, "check_out_s": round(out_s, 2), "check_in_s": round(in_s, 2),
            "checked_in": len(result.replaced), "unchanged": len(result.unchanged), "conflicts": len(result.conflicts)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--initiatives", type=int, default=10000)
    parser.add_argument("--areas-per", type=int, default=4)
    args = parser.parse_args()
    from t2restore.registry.store import initialize_postgis, open_registry

    cluster = pg.Cluster().start()
    try:
        dsn = cluster.dsn(cluster.new_database())
        initialize_postgis(dsn)
        results = {"initiatives": args.initiatives, "areas": args.initiatives * args.areas_per}
        with open_registry(dsn) as store, tempfile.TemporaryDirectory() as folder:
            results["load_s"] = round(load(store, args.initiatives, args.areas_per), 1)
            print("load %.1f s, peak %.0f MB" % (results["load_s"], peak_mb()), flush=True)
            results["peak_mb_after_load"] = round(peak_mb())
            server = results["server_memory"] = {}
            with server_memory(store, cluster) as memory:
                results["list"] = list_times(store)
            server["list"] = memory.result
            results["checkout"] = checkout_times(store, folder, cluster, server)
            print("checkout", results["checkout"], flush=True)
            print("server memory", server, flush=True)
            results["peak_mb"] = round(peak_mb())
        out = HERE / "results" / "postgis_registry.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        print(json.dumps(results, ensure_ascii=False))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
