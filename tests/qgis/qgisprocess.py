"""Run algorithms through the real ``qgis_process`` with the plugin enabled in a throw-away profile."""

import json
import os
import shutil
import subprocess  # nosec B404 - fixed executable, argument list, no shell
from pathlib import Path


def executable():
    """``qgis_process.bin`` where present (Debian 12's wrapper passes an option QGIS 3.22 rejects)."""
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
        if found:
            return found
    raise RuntimeError("qgis_process not found: install the Debian package qgis")


class QgisProcess:
    def __init__(self, config_dir, plugin_parent, locale=None):
        self.env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config_dir), QGIS_PLUGINPATH=str(plugin_parent),
                        QT_QPA_PLATFORM="offscreen")
        self.env.pop("PYTHONPATH", None)
        self.call("plugins", "enable", "t2restore")
        if locale:
            ini = Path(config_dir) / "profiles" / "default" / "QGIS" / "QGIS3.ini"
            with open(ini, "a", encoding="utf-8") as fh:
                fh.write(f"\n[locale]\nuserLocale={locale}\noverrideFlag=true\nglobalLocale={locale}\n")

    def call(self, *args, timeout=300):
        return subprocess.run([executable(), *args], env=self.env, capture_output=True, text=True,  # nosec B603
                              timeout=timeout, check=False)

    def run(self, alg_id, **params):
        """(exit code, parsed JSON or None, stderr) of ``qgis_process --json run ALG -- K=V ...``."""
        args = ["--json", "run", alg_id, "--"]
        for key, value in params.items():
            for item in value if isinstance(value, list) else [value]:
                args.append(f"{key}={item}")
        proc = self.call(*args)
        try:
            data = json.loads(proc.stdout)
        except json.JSONDecodeError:
            data = None
        return proc.returncode, data, proc.stderr + proc.stdout

    def help(self, alg_id):
        return self.call("help", alg_id).stdout



