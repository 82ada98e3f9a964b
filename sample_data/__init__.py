"""Synthetic demo data for T2 Restore (see ``generate.py``).

A package so that the generator can be imported as ``t2restore.sample_data.generate`` by the tests,
the benchmarks and the plugin, while ``generate.py`` stays runnable as a plain script.
"""
