"""Vocabularies: FERM codes and English labels verbatim, Spanish for every entry, Peru additions."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from osgeo import ogr

from t2restore.registry import schema, vocab

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "ferm_vocabularies.json"


def _strip_spanish(items):
    out = []
    for item in items:
        new = {k: v for k, v in item.items() if k != "label_es"}
        if "items" in item:
            new["items"] = _strip_spanish(item["items"])
        out.append(new)
    return out


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("items", []))


def _load(name):
    return json.loads((vocab.VOCAB_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference not beside the repository")
def test_ferm_codes_and_english_labels_are_verbatim():
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["vocabularies"]
    ours = _load("ferm.json")["vocabularies"]
    assert {k: _strip_spanish(v) for k, v in ours.items()} == reference


def test_every_entry_has_a_spanish_label():
    for file_name in ("ferm.json", "ferm_extra.json", "peru.json"):
        for name, items in _load(file_name)["vocabularies"].items():
            for item in _walk(items):
                assert item.get("label_es", "").strip(), (file_name, name, item.get("value"), item["label"])
    # Spanish differs from English for the bulk of the entries (not copied over)
    entries = [e for n in vocab.names() for e in vocab.get(n).entries]
    same = [e for e in entries if e.label_es == e.label_en]
    assert len(same) < 0.15 * len(entries)
    assert vocab.label("restorationStatuses", 2, "es") == "En ejecución"
    assert vocab.label("activities", 4, "es") == "Regeneración natural asistida"


def test_codes_keep_their_type_and_categories_are_not_selectable():
    activities = vocab.get("activities")
    assert activities.code_type is int
    assert activities.is_valid(4) and not activities.is_valid("4")
    assert not activities.is_valid(1000)  # category header
    assert len([e for e in activities.entries if e.selectable]) == 50
    assert vocab.activity_group(4) == "Biophysical" and vocab.activity_group(42) == "Enabling"
    assert vocab.get("iucnEcosystems").is_valid("T1") and vocab.get("iucnEcosystems").code_type is str
    assert activities.coerce("6") == 6 and activities.coerce("x") == "x"


def test_peru_additions():
    assert [e.code for e in vocab.get("nationalGaps").entries] == ["MINAM", "SERFOR", "BOTH", "NONE"]
    practices = vocab.get("restorationPractices").entries
    assert len(practices) >= 12
    for entry in practices:
        for code in entry.mapping:
            assert vocab.get("activities").is_valid(code), (entry.code, code)
    for name in ("fundingSources", "implementingInstitutions", "captureMethods", "departments"):
        assert vocab.get(name).entries
    assert vocab.get("departments").is_valid("12") and vocab.label("departments", "12") == "Junín"
    assert vocab.version()
    assert set(vocab.names()) == set(vocab.LOOKUP_TABLES)


def test_lookup_tables_in_a_new_registry(tmp_path):
    path = tmp_path / "r.gpkg"
    schema.create(path)
    ds = ogr.Open(str(path))
    for name, table in vocab.LOOKUP_TABLES.items():
        layer = ds.GetLayerByName(table)
        rows = [(f.GetField("code"), f.GetField("label_en"), f.GetField("label_es")) for f in layer]
        assert rows == [(e.code, e.label_en, e.label_es) for e in vocab.get(name).entries]
        code_field = layer.GetLayerDefn().GetFieldDefn(layer.GetLayerDefn().GetFieldIndex("code"))
        expected_type = ogr.OFTInteger if vocab.get(name).code_type is int else ogr.OFTString
        assert code_field.GetType() == expected_type
    ds = None
    with closing(sqlite3.connect(str(path))) as conn:
        versions = conn.execute("SELECT version, vocabulary_version FROM t2r_schema_version").fetchall()
    assert versions == [(schema.SCHEMA_VERSION, vocab.version())]
