"""A throw-away PostgreSQL + PostGIS cluster for the PostGIS registry tests (real server, no mock).

``pg_cluster`` (session fixture) runs ``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/<newest>/bin
(no pg_ctlcluster, no system service) as a non-root user (``runuser -u postgres`` when the tests run
as root), with its socket in a temporary folder and a free loopback port, then stops it and removes
the folder. Local socket connections trust the OS user; TCP connections need a password (scram),
so wrong passwords can be tested. ``pg_database`` gives each test a fresh database with PostGIS.
``make setup`` installs the packages (tools/setup.sh dev: postgresql, postgresql-postgis,
python3-psycopg2); without them these tests fail saying so, unless T2R_SKIP_POSTGIS=1 is set.
"""

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess  # nosec B404
import tempfile
from pathlib import Path

import pytest

SUPERUSER = "postgres"
RUNUSER = next((p for p in ("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser") if os.path.exists(p)), None)
_COUNTER = itertools.count()


def _bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing():
    """Why the cluster cannot start here, or None."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "python3-psycopg2 is not installed"
    bindir = _bin_dir()
    if bindir is None:
        return "PostgreSQL server binaries are not installed"
    share = Path("/usr/share/postgresql") / bindir.parent.name / "extension" / "postgis.control"
    if not share.exists():
        return "PostGIS for PostgreSQL %s is not installed" % bindir.parent.name
    if os.geteuid() == 0 and RUNUSER is None:
        return "runuser is missing (tests run as root)"
    return None


class Cluster:
    """A running throw-away cluster: ``dsn()`` for connection strings, ``sql()`` as superuser."""

    def __init__(self):
        self.bindir = _bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="t2r-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, SUPERUSER, SUPERUSER)
        self.dir.chmod(0o755)

    def _run(self, *args):
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:
            cmd = [RUNUSER, "-u", SUPERUSER, "--"] + cmd
        subprocess.run(cmd, check=True, capture_output=True, cwd=str(self.dir))  # nosec B603

    def start(self):
        self._run(self.bindir / "initdb", "-D", self.data, "-U", SUPERUSER, "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        options = "-k %s -p %d -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
                  "-c full_page_writes=off -c max_connections=60" % (self.dir, self.port)
        self._run(self.bindir / "pg_ctl", "start", "-w", "-t", "60", "-D", self.data, "-l", self.dir / "log",
                  "-o", options)
        self.sql("CREATE DATABASE t2r_template")
        self.sql("CREATE EXTENSION postgis", dbname="t2r_template")
        return self

    def stop(self):
        try:
            self._run(self.bindir / "pg_ctl", "stop", "-m", "immediate", "-D", self.data)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def dsn(self, dbname, user=SUPERUSER, password=None, tcp=False):
        """A libpq connection string: the socket (trusted) or, with ``tcp``, loopback + password."""
        host = "127.0.0.1" if tcp else str(self.dir)
        text = "host=%s port=%d dbname=%s user=%s" % (host, self.port, dbname, user)
        if password is None:
            return text
        return text + " password='%s'" % password.replace("\\", "\\\\").replace("'", "\\'")

    def sql(self, statement, params=None, dbname="postgres"):
        """Run one statement as superuser (autocommit); rows when it returns any."""
        import psycopg2

        conn = psycopg2.connect(self.dsn(dbname))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement, params)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()

    def new_database(self, postgis=True):
        """A fresh database (from the PostGIS template, or plain); its name."""
        name = "t2r_%d_%d" % (os.getpid(), next(_COUNTER))
        self.sql("CREATE DATABASE %s TEMPLATE %s" % (name, "t2r_template" if postgis else "template0"))
        return name

    def drop_database(self, name):
        self.sql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)

    def login_role(self, name, password, member_of=(), institution=None, dbname=None):
        """A login role (password for TCP), member of group roles, mapped to an institution."""
        if not self.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)):
            self.sql("CREATE ROLE %s LOGIN PASSWORD %%s" % name, (password,))
        for group in member_of:
            self.sql("GRANT %s TO %s" % (group, name))
        if institution and dbname:
            self.sql("INSERT INTO t2restore.institutions (code) VALUES (%s) ON CONFLICT DO NOTHING", (institution,),
                     dbname)
            self.sql("INSERT INTO t2restore.role_institutions VALUES (%s, %s) ON CONFLICT (role_name) DO UPDATE "
                     "SET institution = EXCLUDED.institution", (name, institution), dbname)
        return self.dsn(dbname or "postgres", user=name, password=password, tcp=True)


_SHARED = []


def shared_cluster():
    """The one cluster of this test process, started at first use and stopped when the process exits."""
    reason = _missing()
    if reason:
        if os.environ.get("T2R_SKIP_POSTGIS") == "1":
            pytest.skip("PostGIS registry tests skipped (T2R_SKIP_POSTGIS=1): " + reason)
        pytest.fail("PostGIS registry tests need a local PostgreSQL + PostGIS: %s; run `make setup` "
                    "(tools/setup.sh dev installs them)" % reason)
    if not _SHARED:
        cluster = Cluster()
        try:
            cluster.start()
        except BaseException:
            cluster.stop()
            raise
        atexit.register(cluster.stop)
        _SHARED.append(cluster)
    return _SHARED[0]


def postgis_database(folder, name, registry=True, postgis=True, initiatives=0, areas=2, departments=("Cusco",),
                     checkout=False, edit=(), version=None):
    """Case input (tests/case_inputs.py): a fresh database, initialized as a registry or not, with
    ``initiatives`` sample initiatives (registry/samples.py) of ``areas`` areas each, initiative n in
    ``departments[n % len]``; its connection string. With ``checkout`` everything is also checked out
    into ``<folder>/<name>.gpkg``, where the initiatives numbered in ``edit`` get the title "editado
    en campo" (and, for those in ``edit`` with a negative number -n, the registry's initiative n is
    also changed, making a conflict). ``version=1``: a registry as schema version 1 made it (not migrated)."""
    cluster = shared_cluster()
    dsn = cluster.dsn(cluster.new_database(postgis=postgis))
    if registry:
        from t2restore.registry import samples
        from t2restore.registry.store import initialize_postgis, open_registry

        if version == 1:
            build_v1_registry(dsn)
        else:
            initialize_postgis(dsn)
        with open_registry(dsn, migrate=version is None) as store:
            for n in range(initiatives):
                ini = samples.sample_initiative(n, areas=areas)
                for area in ini.areas:
                    area.department = departments[n % len(departments)]
                store.save_initiative(ini)
            if checkout:
                _checkout_and_edit(store, Path(folder) / (name + ".gpkg"), edit)
    return dsn


def _checkout_and_edit(store, path, edit):
    from t2restore.registry import checkout
    from t2restore.registry.store import open_registry

    checkout.check_out(store, path)
    with open_registry(path) as local:
        made = [s.uuid for s in local.list_initiatives()]  # title order: "Iniciativa 000...", "001"...
        for n in edit:
            ini = local.get_initiative(made[abs(n)])
            ini.title = "editado en campo"
            local.save_initiative(ini)
            if n < 0:
                theirs = store.get_initiative(made[abs(n)])
                theirs.description = "cambiado en la oficina"
                store.save_initiative(theirs)


V1_DDL = Path(__file__).resolve().parent / "fixtures" / "pg_registry_v1.sql"
_V1_INSERT_LOOKUP = (
    "INSERT INTO t2restore.lookups (vocabulary, code, label_en, label_es, parent_code, selectable) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


def build_v1_registry(dsn):
    """Make the database at ``dsn`` a registry of schema version 1 exactly as version 1's
    ``initialize`` did: its DDL (fixtures/pg_registry_v1.sql, frozen), one row per vocabulary entry
    in the single ``t2restore.lookups`` table (codes as text), and the version row."""
    import psycopg2

    from t2restore.registry import pg_schema, vocab

    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            for statement in pg_schema.role_statements():
                cur.execute(statement)
            cur.execute(V1_DDL.read_text(encoding="utf-8"))
            rows = [(name, str(e.code), e.label_en, e.label_es, None if e.parent_code is None else str(e.parent_code),
                     bool(e.selectable)) for name in vocab.names() for e in vocab.get(name).entries]
            cur.executemany(_V1_INSERT_LOOKUP, rows)
            cur.execute("INSERT INTO t2restore.schema_version (version, vocabulary_version, note) VALUES (1, %s, "
                        "'created')", (vocab.version(),))
        conn.commit()
    finally:
        conn.close()
    return dsn


@pytest.fixture(scope="session")
def pg_cluster():
    return shared_cluster()


@pytest.fixture
def pg_database(pg_cluster):
    """A fresh database with PostGIS (no registry yet); dropped afterwards."""
    name = pg_cluster.new_database()
    yield name
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_registry_dsn(pg_cluster, pg_database):
    """The connection string of a fresh, initialized PostGIS registry (superuser on the socket)."""
    from t2restore.registry.store import initialize_postgis

    dsn = pg_cluster.dsn(pg_database)
    initialize_postgis(dsn)
    return dsn


def save_qgis_connection(name, cluster, dbname, user, password):
    """A QGIS saved PostgreSQL connection ``name`` whose user and password live only in QGIS's auth
    database (a Basic auth configuration); returns a function removing both."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    auth = QgsApplication.authManager()
    if not auth.masterPasswordIsSet():
        assert auth.setMasterPassword("maestra", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    stored = auth.storeAuthenticationConfig(config)
    assert (stored[0] if isinstance(stored, tuple) else stored) and config.id()
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(cluster.port), dbname, "", "", authConfigId=config.id())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)

    def remove():
        metadata.deleteConnection(name)
        auth.removeAuthenticationConfig(config.id())

    return remove
