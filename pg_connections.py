"""QGIS's saved PostgreSQL connections as registry locations (credentials from QGIS's auth database).

``install()`` gives ``registry.store`` a resolver: a name that is not a file and names a saved
connection (Browser > PostgreSQL) becomes that connection's libpq string, with the user name and
password taken from QGIS's authentication database when the connection uses one. The password
lives only in the connection string handed to the driver: never in settings, logs or messages
(``registry.pg_connect.display_name`` drops it).
"""

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from . import compat
from .registry import store


def saved_connection_names():
    """Names of the saved PostgreSQL connections."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return []
    return sorted(metadata.connections().keys())


def saved_conninfo(name):
    """The libpq connection string of the saved connection ``name``, or None when there is none."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None or name not in metadata.connections():
        return None
    uri = QgsDataSourceUri(metadata.connections()[name].uri())
    return uri.connectionInfo(True)  # True: user and password expanded from the auth configuration


def areas_layer_source(store):
    """(source, provider) of a registry's areas layer for QGIS. A PostGIS registry opened by a saved
    connection's name uses that connection (its authentication configuration, never a password in the
    project); one opened by a connection string uses it without its password (service file, ~/.pgpass)."""
    if not hasattr(store, "capabilities"):
        return store.layer_uri(), "ogr"
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is not None and store.location in metadata.connections():
        uri = QgsDataSourceUri(metadata.connections()[store.location].uri())
        uri.setDataSource("t2restore", "restoration_areas", "geom", "", "uuid")
        uri.setSrid("4326")
        uri.setWkbType(compat.WKB_MULTIPOLYGON)
        return uri.uri(False), "postgres"
    return store.layer_uri(), "postgres"


def install():
    """Let every ``open_registry`` call accept saved connection names."""
    store.set_connection_resolver(saved_conninfo)
