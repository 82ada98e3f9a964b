"""t2restore:registry_checkout: initiatives of a department or institution into a GeoPackage registry."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..algorithms.errors import N_
from ..registry import checkout
from ..registry.store import open_registry, resolve_location
from ..translation import tr
from .base import T2Algorithm


def open_shared(location):
    """The PostGIS registry named by a saved connection, a connection string or service=name."""
    if resolve_location(location) is None:
        raise QgsProcessingException(tr(
            "{value} is neither a saved PostgreSQL connection of QGIS nor a connection string. Give the name of a "
            "connection saved in the Browser (PostgreSQL), host=... dbname=... user=..., or service=name."
        ).format(value=location))
    return open_registry(location)


class RegistryCheckoutAlgorithm(T2Algorithm):
    NAME = "registry_checkout"
    DISPLAY_NAME = N_("Check out initiatives for offline work")
    GROUP_ID = "registry"
    HELP = (
        N_(
            "Copies the initiatives of one department (DEPARTMENT: a name, with or without accents, or its 2-digit "
            "UBIGEO code) or of one institution (INSTITUTION: the institution owning them in the shared registry) "
            "from a PostGIS registry into a new GeoPackage registry, to be edited in the field without a "
            "connection. Identifiers and revisions are kept, and the copy records the revision of each initiative: "
            "'Check in offline work' later merges the copy back by identifier and revision and reports conflicts."
        ),
        N_(
            "REGISTRY is a saved PostgreSQL connection of QGIS, a libpq connection string or service=name. With "
            "neither DEPARTMENT nor INSTITUTION every initiative is copied. The copy is written under a temporary "
            "name and renamed when complete; an existing file is not replaced."
        ),
    )
    REGISTRY = "REGISTRY"
    DEPARTMENT = "DEPARTMENT"
    INSTITUTION = "INSTITUTION"
    OUTPUT = "OUTPUT"
    INITIATIVES = "INITIATIVES"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterString(
            self.REGISTRY, tr("Shared registry (saved PostgreSQL connection, connection string or service=)")))
        self.addParameter(QgsProcessingParameterString(self.DEPARTMENT, tr("Department"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.INSTITUTION, tr("Institution"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Offline copy (GeoPackage registry)"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber(self.INITIATIVES, tr("Initiatives checked out")))

    def compute(self, parameters, context, feedback, workdir):
        location = self.parameterAsString(parameters, self.REGISTRY, context).strip()
        department = self.parameterAsString(parameters, self.DEPARTMENT, context).strip() or None
        institution = self.parameterAsString(parameters, self.INSTITUTION, context).strip() or None
        if department and institution:
            raise QgsProcessingException(tr("Give DEPARTMENT or INSTITUTION, not both."))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        progress, cancelled = self.callbacks(feedback)
        with open_shared(location) as store:
            count = checkout.check_out(store, output, department, institution, progress, cancelled)
        feedback.pushInfo(tr("{count} initiatives checked out into {path}.").format(count=count, path=output))
        return {self.OUTPUT: output, self.INITIATIVES: count}
