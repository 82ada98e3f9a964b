"""Run a command and print its wall time, peak RSS (max resident set size) and CPU seconds (user + system) as JSON."""

import json
import resource
import subprocess  # nosec B404
import sys
import time

cmd = sys.argv[sys.argv.index("--") + 1:]
start = time.perf_counter()
code = subprocess.call(cmd)  # nosec B603
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - start, "max_rss_mb": usage.ru_maxrss / 1024,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime}))
sys.exit(code)
