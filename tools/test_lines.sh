#!/usr/bin/env bash
# `make -k test` (lint, unit and QGIS tests, each run even when another fails) on every QGIS line the
# plugin supports, with the same checkout, then each line's counts:
#   host    this machine's QGIS (Debian 12: 3.22)
#   trixie  Debian 13 chroot (QGIS 3.40 LTR)
#   sid     Debian sid chroot (QGIS 3.44, GDAL 3.13, GEOS 3.15)
# The chroots come from ../shared/tools/qgis-chroot (built on first use; needs root).
# Usage: tools/test_lines.sh [host] [trixie] [sid]      (default: all three; logs in build/test-lines/)
set -uo pipefail
cd "$(dirname "$0")/.."
chroot_tool=${QGIS_CHROOT:-../shared/tools/qgis-chroot}
lines=("$@")
[ ${#lines[@]} -gt 0 ] || lines=(host trixie sid)
mkdir -p build/test-lines
declare -A status
for line in "${lines[@]}"; do
  log=build/test-lines/$line.log
  echo "== $line: make test (log: $log)"
  if [ "$line" = host ]; then
    make -k test >"$log" 2>&1
  else
    "$chroot_tool" "$line" -- make -k test >"$log" 2>&1
  fi
  status[$line]=$?
done
echo
printf '%-8s %-7s %s\n' LINE EXIT "COUNTS (unit; QGIS)"
failed=0
for line in "${lines[@]}"; do
  log=build/test-lines/$line.log
  qgis=$(grep -m1 -o -E 'QGIS [0-9]+\.[0-9]+\.[0-9]+' "$log" | head -n1)
  counts=$(grep -E '^(=+ )?[0-9]+ (passed|failed)' "$log" | sed -E 's/^=+ //; s/ in [0-9.]+s.*//' | paste -sd ';' -)
  printf '%-8s %-7s %s%s\n' "$line" "${status[$line]}" "${counts:-no pytest summary (see the log)}" \
    "${qgis:+  [$qgis]}"
  [ "${status[$line]}" -eq 0 ] || failed=1
done
exit $failed
