"""Synthetic demo data for T2 Restore (entry point: ``generate.py``; the other modules by theme).

A package so that the generator can be imported as ``t2restore.sample_data.generate`` by the tests,
the benchmarks and ``tools/demo.py``, while ``generate.py`` stays runnable as a plain script. It
imports nothing from the plugin (numpy and GDAL only), so the demo region does not change when the
plugin's code does.
"""
