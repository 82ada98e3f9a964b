"""Connecting to a PostGIS registry, and the messages a user can act on when it fails.

``psycopg2`` is the driver QGIS ships (DB Manager uses it); when it is missing the PostGIS home is
disabled with ``DriverMissingError`` and the GeoPackage home keeps working. A location is a libpq
connection string (``host=... dbname=...``, ``service=name``), a ``postgresql://`` URI or GDAL's
``PG:...`` form; a QGIS saved connection is turned into one by the QGIS layers (credentials from
QGIS's authentication database). Messages name the database without its password.
"""

from ..algorithms.errors import N_
from .errors import RegistryError

try:  # the driver is optional: without it only GeoPackage registries work
    import psycopg2
    import psycopg2.errors
    import psycopg2.extensions
    import psycopg2.extras
except ImportError:  # pragma: no cover - exercised by simulating the import failure
    psycopg2 = None

_PREFIXES = ("PG:", "postgresql:", "postgres:")
_KEYS = ("service=", "dbname=", "host=", "hostaddr=", "port=", "user=")


class DriverMissingError(RegistryError):
    template = N_(
        "PostGIS registries need the Python module psycopg2, which this QGIS installation lacks "
        "(on Debian/Ubuntu install the package python3-psycopg2). GeoPackage registries work without it."
    )


class ServerUnreachableError(RegistryError):
    template = N_(
        "The PostGIS registry {path} cannot be reached: {reason}. Check the host, port and database of "
        "the connection and that the server is running, then try again. Nothing was changed."
    )


class AuthenticationError(RegistryError):
    template = N_(
        "The PostGIS server refused the user name or password for {path}. Correct the credentials of "
        "the saved connection (they are kept in QGIS's authentication database) and try again."
    )


class NoPostgisError(RegistryError):
    template = N_(
        "The database {path} has no PostGIS extension. Ask its administrator to run CREATE EXTENSION "
        "postgis in it, then initialize the registry."
    )


class NotARegistryError(RegistryError):
    template = N_(
        "The database {path} holds no T2 Restore registry yet. Initialize it first (Processing: "
        "T2 Restore > Initialize a PostGIS registry, or the dock's Initialize button)."
    )


class NotAllowedError(RegistryError):
    translated_params = ("action",)  # N_-marked verbs: save, delete, validate...
    template = N_(
        "The PostGIS server refused: the role {role} may not {action} in the registry {path}. Editors "
        "change only their institution's initiatives and readers change nothing; ask the registry's "
        "administrator for the right role. Nothing was changed."
    )


class ConnectionLostError(RegistryError):
    template = N_(
        "The connection to the PostGIS registry {path} was lost: {reason}. The server rolled the "
        "unfinished change back, so nothing was half-written; reconnect and save again."
    )


class BadUuidError(RegistryError):
    template = N_(
        "The identifier {value} is not a UUID; a PostGIS registry keys every record by UUID. Import the "
        "record again so that it gets a new identifier."
    )


class PgLocation(str):
    """A PostGIS registry's location as the store hands it out (``store.location``).

    The text is what may be shown, logged and saved: a saved connection's name, or the connection
    string without its password. The connection string to reconnect with (password included, when
    the registry was opened with one) travels in memory only, so a background task reopens the
    registry the dock opened without a ~/.pgpass or service file: ``open_registry(store.location)``.
    Pickled or copied, it becomes its text alone; ``repr`` shows the text.
    """

    def __new__(cls, shown, conninfo):
        self = super().__new__(cls, shown)
        self._conninfo = conninfo
        return self

    @property
    def conninfo(self):
        return self._conninfo

    def __reduce__(self):  # never serialize the password: a copy or a pickle is the plain text
        return (str, (str(self),))

    def __repr__(self):
        return repr(str(self))


class SkippedRows:
    """Rows of other institutions that the server's row security skipped, without an error, in a
    write of an editor's results (validation, gap write-back): what to tell the editor."""

    template = N_(
        "The server skipped {count} initiatives owned by other institutions ({institutions}): the role {role} "
        "may change only its own institution's initiatives, so their {what} were not written. An editor of "
        "those institutions or an administrator of the registry can write them."
    )

    def __init__(self, skipped, role, what):
        self.skipped = dict(skipped)  # {owning institution ("" for none): initiatives}
        self.role = role
        self.what = what  # N_-marked: "validation results", "gap results"

    @property
    def count(self):
        return sum(self.skipped.values())

    def message(self, translate=None):
        translate = translate or (lambda text: text)
        none = translate(N_("no institution"))
        institutions = ", ".join("%s: %d" % (k or none, n) for k, n in sorted(self.skipped.items()))
        return translate(self.template).format(
            count=self.count, institutions=institutions, role=self.role, what=translate(self.what))


def available():
    """True when the PostgreSQL driver can be imported."""
    return psycopg2 is not None


def is_pg_location(location):
    """True when ``location`` names a PostgreSQL database rather than a file."""
    text = str(location).strip()
    return text.startswith(_PREFIXES) or any(text.startswith(k) or (" " + k) in text for k in _KEYS)


def conninfo(location):
    """The libpq connection string or URI of a location (GDAL's ``PG:`` prefix removed)."""
    text = str(location).strip()
    return text[3:] if text.startswith("PG:") else text


def display_name(location):
    """The location without its password, for messages, logs and settings."""
    if psycopg2 is None:
        return "PostgreSQL"
    try:
        params = psycopg2.extensions.parse_dsn(conninfo(location))
    except psycopg2.ProgrammingError:
        return "PostgreSQL"
    keys = ("service", "host", "port", "dbname", "user")
    return " ".join("%s=%s" % (k, params[k]) for k in keys if params.get(k)) or "PostgreSQL"


def connect(location, timeout=10):
    """A psycopg2 connection (autocommit off), or the registry error saying what is wrong."""
    if psycopg2 is None:
        raise DriverMissingError(path=display_name(location))
    try:
        conn = psycopg2.connect(conninfo(location), connect_timeout=int(max(1, timeout)))
    except psycopg2.OperationalError as exc:
        raise connection_error(exc, location) from None
    except psycopg2.ProgrammingError as exc:  # a malformed connection string
        raise ServerUnreachableError(path=display_name(location), reason=_first_line(exc)) from None
    conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_READ_COMMITTED, autocommit=False)
    return conn


def _first_line(exc):
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


first_line = _first_line  # the first line of an error, for a message's {reason}


def connection_error(exc, location):
    """The error for a failed connection: wrong credentials or an unreachable server."""
    text = str(exc).lower()
    if "password" in text or "authentication" in text:
        return AuthenticationError(path=display_name(location))
    return ServerUnreachableError(path=display_name(location), reason=_first_line(exc))


def database_error(exc, location, role, action):
    """The registry error for a psycopg2 error raised while working (None when unknown)."""
    if psycopg2 is None or isinstance(exc, RegistryError):
        return exc if isinstance(exc, RegistryError) else None
    if isinstance(exc, psycopg2.errors.InsufficientPrivilege):
        return NotAllowedError(path=display_name(location), role=role, action=action)
    if isinstance(exc, (psycopg2.InterfaceError, psycopg2.OperationalError)):
        return ConnectionLostError(path=display_name(location), reason=_first_line(exc))
    return None
