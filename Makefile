# T2 Restore. Quick start: `make demo` (runs the main job on the demo region), `make test` (all tests).
SHELL := /bin/bash
# one venv per Python version, so the same checkout works on Debian 12 and 13 (e.g. in a chroot)
VENV := .venv/$(shell /usr/bin/python3 -c 'import sys; print("py%d%d" % sys.version_info[:2])')
PY := $(VENV)/bin/python
SYSPY := /usr/bin/python3
DEMO_DIR ?= demo_output
DEMO_SIZE ?= 1500
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup setup-runtime translations test test-unit test-qgis test-lines lint qt6-check qt6-pyqt6 demo package install bench clean

setup:
	@tools/setup.sh dev $(VENV)

setup-runtime:
	@tools/setup.sh runtime

translations: i18n/t2restore_es.qm

i18n/t2restore_es.qm: i18n/t2restore_es.ts
	@echo "translations: building $@"
	@lrelease -silent $< -qm $@ 2>/dev/null || lrelease $< -qm $@

lint: setup qt6-check
	@echo "lint: ruff and bandit"
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/bandit -q -ll -r . -x ./.venv,./tests,./bench,./build

# QGIS 4 is Qt6: no PyQt5-only names, unscoped enums or exec_() (the rules of QGIS's pyqt5_to_pyqt6 script)
qt6-check:
	@$(SYSPY) tools/qt6_check.py

# the same, plus every qgis.PyQt name and Qt enum chain the code uses resolved in a real PyQt6 (from PyPI;
# no QGIS 4 / Qt6 PyQGIS package exists for Debian, so qgis.core itself cannot be imported under Qt6 here)
qt6-pyqt6:
	@[ -x .venv/pyqt6/bin/python ] || { $(SYSPY) -m venv .venv/pyqt6 && .venv/pyqt6/bin/pip install -q PyQt6; }
	@QT_QPA_PLATFORM=offscreen .venv/pyqt6/bin/python tools/qt6_check.py --pyqt6

# --rootdir=tests: the checkout is the plugin package (it has __init__.py); with the checkout as rootdir, pytest
# would put the checkout itself on sys.path when its folder name is not an identifier (e.g. "t2-restore"), and
# the plugin's processing/ would then shadow QGIS's
test-unit: setup translations
	@echo "tests: unit (no QGIS)"
	@$(PY) -P -m pytest --rootdir=tests -p no:qgis -q tests/unit

test-qgis: setup translations
	@echo "tests: QGIS (pytest-qgis, qgis_process)"
	@$(PY) -P -m pytest --rootdir=tests -q tests/qgis

test: lint test-unit test-qgis

# `make test` on QGIS 3.22 (this machine), 3.40 (Debian 13 chroot) and 3.44 (Debian sid chroot), then each
# line's counts; e.g. `make test-lines LINES="host sid"` for some of them
test-lines:
	@tools/test_lines.sh $(LINES)

demo: setup-runtime translations
	@$(SYSPY) tools/demo.py --out $(DEMO_DIR) --size $(DEMO_SIZE)

# the plugin zip, checked as plugins.qgis.org checks uploads (size, names, metadata, binaries, bandit, detect-secrets)
package: setup translations
	@$(PY) tools/package.py

install: translations
	@$(SYSPY) tools/install.py

# every benchmark at its default (full) size; long: tens of minutes, several GB of generated data in bench/data
bench: translations
	@tools/setup.sh bench
	@for b in bench/bench_*.py; do echo "== $$b"; $(SYSPY) $$b || exit 1; done

clean:
	rm -rf build dist $(DEMO_DIR) i18n/*.qm .pytest_cache

# the dock in the real QGIS desktop under Xvfb (docs/img/registry_dock_qgis.png), and beside a bare canvas
screenshot: translations
	@$(SYSPY) tools/screenshot_qgis.py --out docs/img/registry_dock_qgis.png
	@xvfb-run -a $(SYSPY) tools/screenshot.py --out docs/img/registry_dock.png
	@$(SYSPY) tools/screenshot_report.py --out docs/img
