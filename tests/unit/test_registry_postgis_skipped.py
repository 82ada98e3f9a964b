"""Editors told of rows the server skipped, and background tasks that reconnect with a password kept in
memory only (issue 15), against the real cluster of tests/pg.py."""

import copy
import pickle

import pytest

from t2restore.registry import pg_connect, samples
from t2restore.registry.store import open_registry


@pytest.fixture
def editors(pg_cluster, pg_database, pg_registry_dsn):
    """Connection strings (TCP, password) of an administrator and editors of SERFOR and MINAM."""
    return {
        "admin": pg_cluster.login_role("t2r_skip_admin", "adm pw", ["t2r_admin"], dbname=pg_database),
        "serfor": pg_cluster.login_role("t2r_skip_serfor", "s'pw;", ["t2r_editor"], "SERFOR", pg_database),
        "minam": pg_cluster.login_role("t2r_skip_minam", "mpw", ["t2r_editor"], "MINAM", pg_database),
    }


def _two_institutions(editors):
    with open_registry(editors["serfor"]) as serfor, open_registry(editors["minam"]) as minam:
        own = serfor.save_initiative(samples.sample_initiative(1))
        theirs = [minam.save_initiative(samples.sample_initiative(n)) for n in (2, 3)]
    return own, theirs


def test_an_editor_is_told_how_many_initiatives_of_which_institution_validation_skipped(editors):
    own, theirs = _two_institutions(editors)
    states = {own.uuid: "warnings", theirs[0].uuid: "errors"}
    flags = {own.areas[0].uuid: ["outside_peru"], theirs[1].areas[0].uuid: ["overlap"]}
    with open_registry(editors["serfor"]) as serfor:
        serfor.set_validation_results(states, flags)
        assert serfor.last_skipped() == {"MINAM": 2}
        notice = serfor.skipped_notice("validation results")
    text = notice.message()
    assert "skipped 2 initiatives" in text and "MINAM: 2" in text and "t2r_skip_serfor" in text
    assert "validation results" in text
    with open_registry(editors["admin"]) as admin:
        admin.set_validation_results(states, flags)
        assert admin.last_skipped() == {} and admin.skipped_notice("validation results") is None
        assert {s.uuid: s.validation_state for s in admin.list_initiatives()}[theirs[0].uuid] == "errors"


def test_gap_write_back_counts_only_rows_the_server_refused(editors):
    own, theirs = _two_institutions(editors)
    results = {own.areas[0].uuid: ("MINAM", "x"), theirs[0].areas[0].uuid: ("MINAM", "x"),
               theirs[0].areas[1].uuid: ("SERFOR", "")}
    with open_registry(editors["serfor"]) as serfor:
        assert serfor.set_area_gaps(results) == (1, [])
        assert serfor.last_skipped() == {"MINAM": 1}
        assert "skipped 1 initiatives" in serfor.skipped_notice("gap results").message()
    with open_registry(editors["admin"]) as admin:
        assert admin.set_area_gaps(results) == (2, [])
        assert admin.last_skipped() == {}
    with open_registry(editors["serfor"]) as serfor:  # already written: nothing to skip, nothing to tell
        serfor.set_area_gaps(results)
        assert serfor.last_skipped() == {}


def test_a_task_reopens_a_registry_opened_with_a_password_and_never_shows_it(editors, tmp_path, monkeypatch):
    empty = tmp_path / "pgpass"
    empty.write_text("", encoding="utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))  # no ~/.pgpass, no service file: only the string has it
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with open_registry(editors["serfor"]) as store:
        location = store.location
    for shown in (str(location), repr(location), location.strip(), pickle.dumps(location).decode("latin-1"),
                  str(copy.deepcopy(location))):
        assert "s'pw" not in shown and "password" not in shown
    with pytest.raises(pg_connect.AuthenticationError):  # its text alone cannot connect: the password is gone
        open_registry(str(location))
    with open_registry(location) as again:  # what the dock hands its tasks
        assert again.capabilities().institution == "SERFOR"
