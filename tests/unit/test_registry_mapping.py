"""Import rules without QGIS: vocabulary labels as users write them, DEFAULTS types, messages in
the form's words, and recognizing areas already held (issue 18 items 2 and 7, issue 17 item 10)."""

import pytest

from t2restore.registry import area_match, mapping, samples, vocab
from t2restore.registry.model import Area
from t2restore.registry.validate import validate_initiatives

# Spanish of the form's labels, as i18n/t2restore_es.ts gives them (a stand-in for tr()).
SPANISH = {"Starting year": "Año de inicio", "Funding sources": "Fuentes de financiamiento",
           "Ecosystems (IUCN)": "Ecosistemas (UICN)"}


def spanish(text):
    return SPANISH.get(text, text)


# --- vocabulary values as written in field offices' tables --------------------------------------------------
@pytest.mark.parametrize("written", [
    "Restauración pasiva",
    "restauracion pasiva",
    "RESTAURACIÓN  PASIVA",
    "Restauración pasiva (regeneración natural con protección)",
    "restauracion_pasiva",
])
def test_a_label_matches_without_its_parenthetical_part_case_and_accents(written):
    assert mapping.convert("practices", written) == ["restauracion_pasiva"]


def test_an_unknown_value_is_kept_for_validation_to_report():
    assert mapping.convert("practices", "Restauración activa total") == ["Restauración activa total"]


def test_an_ambiguous_label_is_refused_naming_the_candidates(monkeypatch):
    entries = [vocab.Entry("cerco_alambre", "Fence (wire)", "Cercado (alambre)"),
               vocab.Entry("cerco_piedra", "Fence (stone)", "Cercado (piedra)"),
               vocab.Entry("vivero", "Nursery", "Vivero")]
    fake = vocab.Vocabulary("restorationPractices", entries)
    monkeypatch.setattr(vocab, "get", lambda name: fake)
    assert mapping.convert("practices", "Cercado (piedra)") == ["cerco_piedra"]  # the full label is exact
    assert mapping.convert("practices", "vivero") == ["vivero"]
    with pytest.raises(mapping.AmbiguousValueError) as err:
        mapping.record_values({"PRACT": "cercado"}, {"practices": "PRACT"}, feature=7)
    text = err.value.message()
    assert "Feature 7" in text and '"cercado"' in text and "Restoration practices (Peru)" in text
    assert 'cerco_alambre = "Cercado (alambre)"' in text and 'cerco_piedra = "Cercado (piedra)"' in text


def test_category_headers_give_way_to_the_selectable_entry_of_the_same_name():
    voc = vocab.Vocabulary("x", [vocab.Entry("G", "Forests", "Bosques", selectable=False),
                                 vocab.Entry("G1", "Forests", "Bosques")])
    assert [e.code for e in voc.find("bosques")] == ["G1"]


# --- DEFAULTS -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key,value,expected", [
    ("start_year", "abc", "a whole number"),
    ("initiative_start_year", "2021b", "a whole number"),
    ("start_year", "2020.5", "a whole number"),
    ("declared_area_ha", "mucho", "a number"),
    ("target_area", "diez", "a number"),
])
def test_defaults_of_the_wrong_type_are_refused_naming_key_and_type(key, value, expected):
    with pytest.raises(mapping.DefaultValueError) as err:
        mapping.parse_defaults('{"%s": "%s"}' % (key, value))
    text = err.value.message()
    assert '"%s"' % key in text and '"%s"' % value in text and expected in text
    assert err.value.message(lambda s: "<" + s + ">").count("<") == 2  # the template and the expected type


def test_defaults_of_the_right_type_pass():
    defaults = mapping.parse_defaults('{"start_year": "2020", "initiative_start_year": 2021.0, '
                                      '"target_area": "12,5", "restoration_status": "en ejecucion"}')
    assert mapping.record_values({}, {}, defaults) == {"start_year": 2020, "initiative_start_year": 2021,
                                                      "target_area": 12.5, "restoration_status": 2}


# --- validation messages name the form's labels ----------------------------------------------------------------
def test_messages_name_form_labels_not_internal_fields():
    ini = samples.sample_initiative(1, areas=1)
    ini.start_year = None
    ini.funding_sources = ["nope"]
    ini.areas[0].ecosystems = []
    ini.areas[0].start_year = 1800
    texts = [f.message(spanish) for f in validate_initiatives([ini]).findings]
    joined = "\n".join(texts)
    for internal in ("start_year", "fundingSources", "funding_sources", '"ecosystems"'):
        assert internal not in joined
    assert sum("Año de inicio" in t for t in texts) == 2  # the initiative's and the area's
    assert any("Fuentes de financiamiento" in t and "nope" in t for t in texts)
    assert any("Ecosistemas (UICN)" in t for t in texts)


def test_a_year_that_is_not_a_number_is_reported_not_a_crash():
    ini = samples.sample_initiative(1, areas=1)
    ini.areas[0].start_year = "abc"  # what an unconvertible source value leaves
    ini.end_year = "x"
    findings = validate_initiatives([ini]).findings
    assert {(f.area_uuid, f.field_name) for f in findings} == {(ini.areas[0].uuid, "start_year"), (None, "end_year")}
    assert all("not a year" in f.message() for f in findings)


# --- recognizing areas already held ----------------------------------------------------------------------------
def _area(site, lon, size=0.01, **values):
    area = Area(site_name=site, **values)
    area.set_geometry(samples.square(lon, -11.8, size))
    return area


def test_a_second_import_of_the_same_rows_changes_nothing():
    held = [_area("Sitio A", -75.2), _area("Sitio B", -75.1)]
    again = [_area("Sitio A", -75.2), _area("Sitio B", -75.1)]  # new uuids, as a re-read file gives
    result, counts = area_match.merge_areas(list(held), again, "update")
    assert [a.uuid for a in result] == [a.uuid for a in held]
    assert (counts.inserted, counts.updated, counts.unchanged, counts.skipped) == (0, 0, 2, 0)
    # the site name compares without case and accents: recognized, its new spelling taken
    result, counts = area_match.merge_areas(result, [_area("SITIO Á", -75.2)], "update")
    assert (len(result), counts.inserted, counts.updated) == (2, 0, 1) and result[0].site_name == "SITIO Á"


def test_update_skip_and_replace_modes():
    def held():
        return [_area("Sitio A", -75.2, declared_area_ha=10.0), _area("Sitio B", -75.1), _area("Sitio C", -75.0)]

    incoming = [_area("Sitio A", -75.2, declared_area_ha=12.0), _area("Sitio B", -75.1), _area("Sitio D", -74.9)]
    areas, counts = area_match.merge_areas(held(), incoming, "update")
    assert [a.site_name for a in areas] == ["Sitio A", "Sitio B", "Sitio C", "Sitio D"]
    assert areas[0].declared_area_ha == 12.0
    assert (counts.inserted, counts.updated, counts.unchanged, counts.skipped, counts.removed) == (1, 1, 1, 0, 0)
    areas, counts = area_match.merge_areas(held(), incoming, "skip")
    assert areas[0].declared_area_ha == 10.0 and len(areas) == 4
    assert (counts.inserted, counts.updated, counts.unchanged, counts.skipped) == (1, 0, 0, 2)
    before = held()
    areas, counts = area_match.merge_areas(before, incoming, "replace")
    assert [a.site_name for a in areas] == ["Sitio A", "Sitio B", "Sitio D"]
    assert areas[0].uuid == before[0].uuid  # recognized areas keep their identity (and monitoring values)
    assert (counts.inserted, counts.updated, counts.unchanged, counts.removed) == (1, 1, 1, 1)
    assert counts.removed_sites == ["Sitio C"]


def test_same_site_with_another_geometry_or_same_uuid_elsewhere():
    held = [_area("Sitio A", -75.2)]
    moved = _area("Sitio A", -75.3)
    areas, counts = area_match.merge_areas(list(held), [moved], "update")
    assert counts.inserted == 1 and len(areas) == 2  # another place is another area
    redrawn = _area("Otro nombre", -75.25, size=0.02)
    redrawn.uuid = held[0].uuid  # the source key (uuid column) identifies it whatever its geometry
    areas, counts = area_match.merge_areas(list(held), [redrawn], "update")
    assert counts.updated == 1 and len(areas) == 1 and areas[0].site_name == "Otro nombre"
    assert area_match.same_geometry(areas[0], redrawn)


def test_a_geometry_equal_up_to_its_starting_vertex_is_the_same():
    a = _area("S", -75.2)
    b = Area(site_name="S")
    from osgeo import ogr

    b.set_geometry(ogr.CreateGeometryFromWkt(
        "POLYGON((-75.19 -11.8,-75.19 -11.79,-75.2 -11.79,-75.2 -11.8,-75.19 -11.8))"))
    assert bytes(a.geometry_wkb) != bytes(b.geometry_wkb) and area_match.same_geometry(a, b)
