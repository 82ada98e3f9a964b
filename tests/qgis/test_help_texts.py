"""Help texts and presets cite only documents the plugin ships (issue 18, smaller items)."""

import json
import re
from pathlib import Path

from qgis.core import QgsApplication

import t2restore

PLUGIN = Path(t2restore.__file__).resolve().parent
CITED = re.compile(r"[\w./-]+\.md\b")


def cited_files(text):
    return set(CITED.findall(text))


def test_algorithm_help_cites_only_shipped_documents(plugin):
    provider = QgsApplication.processingRegistry().providerById("t2restore")
    cited = {}
    for alg in provider.algorithms():
        for name in cited_files(alg.shortHelpString()):
            cited.setdefault(name, []).append(alg.id())
    assert "docs/metodos.md" in cited  # the FERM checks are cited where they are shipped
    missing = {name: algs for name, algs in cited.items() if not (PLUGIN / name).is_file()}
    assert not missing, missing


def test_presets_cite_only_shipped_documents():
    for path in sorted((PLUGIN / "presets").iterdir()):
        if path.suffix == ".json":
            doc = json.loads(path.read_text(encoding="utf-8"))
            text = " ".join(str(doc.get(key, "")) for key in ("description", "source"))
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
        else:
            continue
        missing = [name for name in cited_files(text) if not (PLUGIN / name).is_file()
                   and not (path.parent / name).is_file()]
        assert not missing, (path.name, missing)
