"""Run a command and print its wall time and peak RSS (max resident set size) as JSON."""

import json
import resource
import subprocess  # nosec B404
import sys
import time

cmd = sys.argv[sys.argv.index("--") + 1:]
start = time.perf_counter()
code = subprocess.call(cmd)  # nosec B603
print(json.dumps({"seconds": time.perf_counter() - start,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
sys.exit(code)
