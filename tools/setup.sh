#!/usr/bin/env bash
# Install what `make demo` and `make test` need, idempotently, saying what it does.
#   tools/setup.sh runtime   Debian packages for QGIS/GDAL and the translation tools
#   tools/setup.sh dev       the above, plus a venv (.venv, with system site packages) for test tools
#   tools/setup.sh bench     the runtime packages, plus GRASS GIS (a baseline of the benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-dev}
venv=${2:-.venv/default}

packages=(qgis python3-qgis qgis-providers python3-gdal gdal-bin qttools5-dev-tools python3-venv python3-pip
          xvfb xauth zip unzip make)
# the PostGIS registry's tests start a throw-away cluster (tests/pg.py); metapackages: Debian 12, 13, sid
[ "$mode" = "dev" ] && packages+=(postgresql postgresql-postgis python3-psycopg2)
[ "$mode" = "bench" ] && packages+=(grass-core)
# the Target 2 report tests read and render its PDF (pdftotext, pdftoppm)
[ "$mode" = "dev" ] && packages+=(poppler-utils)
# the optional Dask engine's tests run a LocalCluster of two worker processes (tests/unit/test_dask_engine.py)
[ "$mode" = "dev" ] && packages+=(python3-dask python3-distributed)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages present (QGIS $(dpkg-query -W -f='${Version}' qgis))"
fi

[ "$mode" = "runtime" ] || [ "$mode" = "bench" ] && exit 0

PY=/usr/bin/python3   # Debian's Python: the one python3-qgis is built for
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import qgis.core" 2>/dev/null; then
  echo "setup: creating $venv (with system site packages, so it sees PyQGIS)"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  "$PY" -m venv --system-site-packages "$venv"
fi
if ! "$venv/bin/python" -c "import pytestqt, pytest_qgis, ruff, bandit" 2>/dev/null \
   || ! cmp -s requirements-dev.txt "$venv/.requirements-dev.txt"; then
  echo "setup: installing test tools into $venv (requirements-dev.txt)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt "$venv/.requirements-dev.txt"
else
  echo "setup: test tools present in $venv"
fi
