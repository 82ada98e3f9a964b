"""The DASK_SCHEDULER option of the raster algorithms that can compute their blocks on a Dask cluster.

Mixed in before ``T2Algorithm``: ``add_dask_parameter()`` in ``initAlgorithm``; the run then goes to the
scheduler named (``block_threads.use_dask``), and its working folder (zones, masks and distances the
algorithm rasterizes) is made beside the OUTPUT rather than in this machine's temporary folder, so that
remote workers reach it when the output is in a shared folder (``work_parent``).
"""

import os

from qgis.core import QgsProcessingParameterString

from .. import compat
from ..algorithms.block_threads import use_dask
from ..algorithms.errors import N_
from ..translation import tr

DASK_HELP = N_("DASK_SCHEDULER (advanced, optional) sends the blocks to a Dask cluster (e.g. tcp://10.0.0.5:8786); its "
             "workers read the inputs, so they must be files every worker reaches (a shared folder or a cloud path), "
             "and so must the output's folder, where the zones and masks the algorithm rasterizes are written while it "
             "runs. The result is the same, byte for byte. Dask is optional: sudo apt install python3-dask "
             "python3-distributed.")


class DaskOption:
    """DASK_SCHEDULER: compute the blocks on the Dask scheduler at that address (empty: this machine)."""

    DASK_SCHEDULER = "DASK_SCHEDULER"
    DASK_OUTPUT = "OUTPUT"  # the output whose folder holds the working folder when a scheduler is named

    def add_dask_parameter(self):
        dask = QgsProcessingParameterString(
            self.DASK_SCHEDULER, tr("Dask scheduler address (optional: compute the blocks on a cluster)"),
            optional=True)
        dask.setFlags(dask.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(dask)

    def dask_scheduler(self, parameters, context):
        return (self.parameterAsString(parameters, self.DASK_SCHEDULER, context) or "").strip()

    def work_parent(self, parameters, context):
        """The working folder's parent: the OUTPUT's folder with a scheduler (workers must reach it), else None."""
        if not self.dask_scheduler(parameters, context):
            return None
        output = self.parameterAsOutputLayer(parameters, self.DASK_OUTPUT, context) or ""
        folder = os.path.dirname(os.path.abspath(output)) if output and "://" not in output else ""
        return folder if os.path.isdir(folder) else None

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        with use_dask(self.dask_scheduler(parameters, context)):
            return super().processAlgorithm(parameters, context, feedback)
