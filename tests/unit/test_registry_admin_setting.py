"""The administrative layer a PostGIS registry names in its database setting (issue 13): what is read back.

Truth: the JSON the administrator writes (registry/admin_setting.py's docstring); the PostgreSQL side is tested
with a real server in tests/qgis/test_target2_report_inputs.py."""

import pytest

from t2restore.registry import admin_setting
from t2restore.registry.admin_setting import AdminSettingError


def test_empty_setting_is_none():
    assert admin_setting.parse("") is None and admin_setting.parse(None) is None and admin_setting.parse("  ") is None


@pytest.mark.parametrize("text, expected", [
    ('{"table": "limites", "fields": {"department": "nombdep"}}',
     {"table": "public.limites", "fields": {"department": "nombdep"}}),
    ('{"table": "inei.limite_distrital", "fields": {"department": "NOMBDEP", "district": "NOMBDIST"}}',
     {"table": "inei.limite_distrital", "fields": {"department": "NOMBDEP", "district": "NOMBDIST"}}),
    ('{"source": "/srv/limites.gpkg|layername=dep", "fields": {"department": "NOMBDEP"}}',
     {"source": "/srv/limites.gpkg|layername=dep", "provider": "ogr", "fields": {"department": "NOMBDEP"}}),
])
def test_table_or_source_is_read(text, expected):
    assert admin_setting.parse(text) == expected


@pytest.mark.parametrize("text, words", [
    ("limites", "is not a JSON object"),
    ("[1, 2]", "is not a JSON object"),
    ('{"table": "limites"}', "names no department field"),
    ('{"table": "limites", "fields": {"department": " "}}', "names no department field"),
    ('{"fields": {"department": "d"}}', "either a table of the database or a source"),
    ('{"table": "t", "source": "s.gpkg", "fields": {"department": "d"}}', "either a table of the database"),
    ('{"table": "public.x; DROP TABLE t2restore.initiatives", "fields": {"department": "d"}}', "not a plain name"),
    ('{"table": "a.b.c", "fields": {"department": "d"}}', "not a plain name"),
    ('{"table": "\\"quoted\\"", "fields": {"department": "d"}}', "not a plain name"),
])
def test_bad_settings_are_refused_naming_the_problem_and_the_fix(text, words):
    with pytest.raises(AdminSettingError) as caught:
        admin_setting.parse(text, "host=srv dbname=registro", "registro")
    message = str(caught.value)
    assert words in message and "host=srv dbname=registro" in message
    assert "ALTER DATABASE registro SET t2restore.admin_layer" in message and "give ZONES" in message


def test_postgres_source_keeps_quotes_in_the_connection_values():
    source = admin_setting.postgres_source({"host": "db", "dbname": "reg", "password": "a'b\\c"}, "public.limites",
                                           "geom")
    assert source == "host='db' dbname='reg' password='a\\'b\\\\c' table=\"public\".\"limites\" (geom)"
