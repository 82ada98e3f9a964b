"""t2restore:registry_init: create the registry's schema in a PostgreSQL/PostGIS database."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
)

from ..algorithms.errors import N_
from ..registry import pg_schema
from ..registry.pg_connect import display_name
from ..registry.store import initialize_postgis, open_registry, resolve_location
from ..translation import tr
from .base import T2Algorithm


class RegistryInitAlgorithm(T2Algorithm):
    NAME = "registry_init"
    DISPLAY_NAME = N_("Initialize a PostGIS registry")
    GROUP_ID = "registry"
    HELP = (
        N_(
            "Creates an empty initiative registry in a PostgreSQL database that has the PostGIS extension, so that "
            "several institutions can share one registry: the tables of the GeoPackage registry (schema t2restore) "
            "with UUID keys, areas as EPSG:4326 MultiPolygons with a GiST index, one lookup table per vocabulary, "
            "the schema version, an audit table written by triggers (who changed what and when, old and new values) "
            "and row-level security for three roles: t2r_admin (everything), t2r_editor (reads everything, changes "
            "only the initiatives of its institution, listed in t2restore.role_institutions) and t2r_reader (reads)."
        ),
        N_(
            "CONNECTION is the name of a saved PostgreSQL connection of QGIS (its user name and password come from "
            "QGIS's authentication database), a libpq connection string (host=... dbname=... user=...) or "
            "service=name (pg_service.conf), as used with qgis_process on a server. The connecting role must be "
            "allowed to create schemas (and roles, the first time). A registry of an older schema version is migrated "
            "(by its owner, in one transaction: on failure nothing changes); one at the current version is left "
            "unchanged; a database without PostGIS is refused. Everything is created in one transaction."
        ),
    )
    CONNECTION = "CONNECTION"
    SCHEMA_VERSION = "SCHEMA_VERSION"
    CREATED = "CREATED"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterString(
            self.CONNECTION, tr("PostgreSQL connection (saved connection name, connection string or service=)")))
        self.addOutput(QgsProcessingOutputNumber(self.SCHEMA_VERSION, tr("Registry schema version")))
        self.addOutput(QgsProcessingOutputBoolean(self.CREATED, tr("Registry created (false: it existed)")))

    def compute(self, parameters, context, feedback, workdir):
        location = self.parameterAsString(parameters, self.CONNECTION, context).strip()
        conninfo = resolve_location(location)
        if conninfo is None:
            raise QgsProcessingException(tr(
                "{value} is neither a saved PostgreSQL connection of QGIS nor a connection string. Give the name of a "
                "connection saved in the Browser (PostgreSQL), host=... dbname=... user=..., or service=name."
            ).format(value=location))
        existing = initialize_postgis(conninfo)
        if existing is not None and existing < pg_schema.SCHEMA_VERSION:
            with open_registry(conninfo) as store:  # migrated in one transaction, refused whole on failure
                now = store.schema_version()
            feedback.pushInfo(tr("{database}: registry migrated from schema version {old} to {new}.").format(
                database=display_name(conninfo), old=existing, new=now))
            return {self.SCHEMA_VERSION: now, self.CREATED: False}
        if existing is None:
            feedback.pushInfo(tr("Registry created in {database} (schema version {version}).").format(
                database=display_name(conninfo), version=pg_schema.SCHEMA_VERSION))
        else:
            feedback.pushWarning(tr("{database} already holds a registry (schema version {version}); nothing was "
                                    "changed.").format(database=display_name(conninfo), version=existing))
        return {self.SCHEMA_VERSION: existing or pg_schema.SCHEMA_VERSION, self.CREATED: existing is None}
