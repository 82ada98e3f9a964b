"""t2restore:ahp_weights: criterion weights from a pairwise comparison matrix (METHODS.md 5)."""

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import ahp
from ..algorithms.errors import N_
from ..translation import tr
from .base import T2Algorithm


class AhpWeightsAlgorithm(T2Algorithm):
    NAME = "ahp_weights"
    DISPLAY_NAME = N_("AHP weights (pairwise comparison)")
    GROUP_ID = "priority"
    HELP = (
        N_("Derives criterion weights from a pairwise comparison matrix with Saaty's Analytic Hierarchy Process: "
           "each cell a_ij says how much more important criterion i (row) is than criterion j (column) on the "
           "1 to 9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 2, 4, 6, 8 in between), and "
           "a_ji = 1 / a_ij."),
        N_("CRITERIA lists the names in matrix order, separated by commas. MATRIX holds the values row by row: "
           "either the full matrix (n x n values; the lower triangle may be left empty) or only the upper "
           "triangle (n(n-1)/2 values, row by row, right of the diagonal). Values may be written as 3, 1/3 or 0.33. "
           "Instead, MATRIX_FILE reads a CSV with the names in the header row and in the first column (comma or "
           "semicolon separated; a semicolon file may use decimal commas)."),
        N_("Checks: the matrix must be square, positive, within 1/9 to 9, have 1 on the diagonal, and be "
           "reciprocal (a_ij x a_ji within 5 % of 1, so 0.33 stands for 1/3); otherwise the run stops naming the "
           "cell. At most 15 criteria."),
        N_("Results: the weights are the principal eigenvector normalized to sum 1; lambda max its eigenvalue; "
           "CI = (lambda max - n) / (n - 1); CR = CI / RI(n) with Saaty's random index (0.58 for 3 criteria up to "
           "1.59 for 15). Two criteria are always consistent. CR of 0.10 or more flags the judgments as "
           "inconsistent and names the comparison to review first: the one the weights contradict most (Saaty's "
           "rule, the largest a_ij w_j / w_i), with the value the weights imply."),
        N_("The output table has one row per criterion with the columns criterion, weight, rank, lambda_max, ci, "
           "cr and consistent (1 or 0). Save it (e.g. as CSV) and give it to 'Restoration priority score' as "
           "WEIGHTS_TABLE: weights are matched to criteria by name."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    CRITERIA = "CRITERIA"
    MATRIX = "MATRIX"
    MATRIX_FILE = "MATRIX_FILE"
    OUTPUT = "OUTPUT"
    LAMBDA_MAX = "LAMBDA_MAX"
    CI = "CI"
    CR = "CR"
    CONSISTENT = "CONSISTENT"
    INCONSISTENT_PAIR = "INCONSISTENT_PAIR"
    WEIGHTS = "WEIGHTS"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterString(
            self.CRITERIA, tr("Criterion names in matrix order, separated by commas"), optional=True))
        self.addParameter(QgsProcessingParameterMatrix(
            self.MATRIX, tr("Pairwise comparisons, row by row (full matrix or upper triangle)"), numberRows=0,
            hasFixedNumberRows=False, headers=[tr("Comparison (1/9 to 9)")], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MATRIX_FILE, tr("Pairwise matrix as CSV (names in the header row and first column)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("AHP weights"), compat.TYPE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber(self.LAMBDA_MAX, tr("Lambda max")))
        self.addOutput(QgsProcessingOutputNumber(self.CI, tr("Consistency index (CI)")))
        self.addOutput(QgsProcessingOutputNumber(self.CR, tr("Consistency ratio (CR)")))
        self.addOutput(QgsProcessingOutputBoolean(self.CONSISTENT, tr("Consistent (CR below 0.10)")))
        self.addOutput(QgsProcessingOutputString(self.INCONSISTENT_PAIR, tr("Most inconsistent comparison")))
        self.addOutput(QgsProcessingOutputString(self.WEIGHTS, tr("Weights (criterion=weight, ...)")))

    def compute(self, parameters, context, feedback, workdir):
        names_text = self.parameterAsString(parameters, self.CRITERIA, context)
        # empty cells may come as NULL variants, which compare equal to None
        values = [None if v in (None, "") else v for v in self.parameterAsMatrix(parameters, self.MATRIX, context)]
        path = self.parameterAsFile(parameters, self.MATRIX_FILE, context)
        if path and any(v is not None for v in values):
            raise QgsProcessingException(tr("Give the pairwise comparisons either in MATRIX or in MATRIX_FILE, "
                                            "not both."))
        decimal_comma = False
        if path:
            names, values, decimal_comma = ahp.read_matrix_csv(path)
            if names_text.strip() and [n.casefold() for n in ahp.parse_names(names_text)] != \
                    [n.casefold() for n in names]:
                raise QgsProcessingException(tr("CRITERIA ({given}) does not match the names in the matrix file "
                                                "({found}); leave CRITERIA empty to use the file's names.").format(
                    given=names_text, found=", ".join(names)))
        else:
            if not any(v is not None for v in values):
                raise QgsProcessingException(tr("Give the pairwise comparisons in MATRIX (with the names in "
                                                "CRITERIA) or in MATRIX_FILE."))
            names = ahp.parse_names(names_text)
        result = ahp.ahp_weights(names, values, decimal_comma)
        i, j = result.pair
        pair = "{a} / {b}".format(a=names[i], b=names[j])
        for name, weight, rank in zip(names, result.weights, result.ranks()):
            feedback.pushInfo(tr("{rank}. {name}: {weight:.4f}").format(rank=rank, name=name, weight=weight))
        feedback.pushInfo(tr("lambda max = {lam:.4f}, CI = {ci:.4f}, RI = {ri:.2f}, CR = {cr:.4f}").format(
            lam=result.lambda_max, ci=result.ci, ri=result.ri, cr=result.cr))
        if not result.consistent:
            feedback.pushWarning(tr(
                "Inconsistent judgments: CR = {cr:.3f} is 0.10 or more. Review first the comparison of {a} with {b}: "
                "it is {given}, while the weights imply {implied:.2f} (nearest on the scale: {nearest})."
            ).format(cr=result.cr, a=names[i], b=names[j], given=ahp.format_judgment(result.given),
                     implied=result.implied, nearest=ahp.format_judgment(float(ahp.nearest_on_scale(result.implied)))))
        fields = QgsFields()
        for name, kind in ahp.TABLE_FIELDS:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is not None:
            for row in result.rows():
                feature = QgsFeature(fields)
                feature.setAttributes([row[0], round(row[1], 10), row[2], round(row[3], 6), round(row[4], 6),
                                       round(row[5], 6), row[6]])
                sink.addFeature(feature, compat.FAST_INSERT)
        weights = ", ".join(f"{n}={w:.4f}" for n, w in zip(names, result.weights))
        return {self.OUTPUT: dest, self.LAMBDA_MAX: result.lambda_max, self.CI: result.ci, self.CR: result.cr,
                self.CONSISTENT: result.consistent, self.INCONSISTENT_PAIR: "" if result.consistent else pair,
                self.WEIGHTS: weights}
