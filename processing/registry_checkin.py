"""t2restore:registry_checkin: merge an offline copy back into its PostGIS registry by uuid and revision."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry import checkout
from ..translation import tr
from .base import T2Algorithm
from .registry_checkout import open_shared


class RegistryCheckinAlgorithm(T2Algorithm):
    NAME = "registry_checkin"
    DISPLAY_NAME = N_("Check in offline work")
    GROUP_ID = "registry"
    HELP = (
        N_(
            "Merges a copy made by 'Check out initiatives for offline work' back into its PostGIS registry, by "
            "identifier and revision: an initiative changed only in the copy is saved (with the registry's "
            "revision check, so a change made meanwhile is never overwritten silently); one created in the copy "
            "is added; one changed in both places is a conflict, listed field by field in the log, and the "
            "registry's version is kept (ON_CONFLICT = keep) or replaced by the copy's (replace); one deleted in "
            "the registry is reported and not brought back. Each initiative is saved in its own transaction."
        ),
    )
    COPY = "COPY"
    REGISTRY = "REGISTRY"
    ON_CONFLICT = "ON_CONFLICT"
    SAVED = "SAVED"
    CONFLICTS = "CONFLICTS"
    POLICIES = ("keep", "replace")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFile(
            self.COPY, tr("Offline copy (GeoPackage registry)"), behavior=compat.FILE_BEHAVIOR_FILE, extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(
            self.REGISTRY, tr("Shared registry (saved PostgreSQL connection, connection string or service=)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.ON_CONFLICT, tr("Initiatives changed in both places"),
            [tr("Keep the registry's version"), tr("Replace it with the copy's")], defaultValue=0))
        self.addOutput(QgsProcessingOutputNumber(self.SAVED, tr("Initiatives saved into the registry")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICTS, tr("Conflicts")))

    def compute(self, parameters, context, feedback, workdir):
        path = self.parameterAsFile(parameters, self.COPY, context)
        location = self.parameterAsString(parameters, self.REGISTRY, context).strip()
        policy = self.POLICIES[self.parameterAsEnum(parameters, self.ON_CONFLICT, context)]
        progress, _cancelled = self.callbacks(feedback)
        with open_shared(location) as store:
            result = checkout.check_in(path, store, policy, progress)
        for conflict in result.conflicts:
            feedback.pushWarning(tr('"{title}" ({uuid}): {fields}: {resolution}.').format(
                title=conflict.title, uuid=conflict.uuid, fields=", ".join(conflict.fields),
                resolution=conflict.resolution))
        saved = len(result.inserted) + len(result.replaced)
        feedback.pushInfo(tr("{saved} initiatives saved, {unchanged} unchanged, {conflicts} conflicts.").format(
            saved=saved, unchanged=len(result.unchanged), conflicts=len(result.conflicts)))
        return {self.SAVED: saved, self.CONFLICTS: len(result.conflicts)}
