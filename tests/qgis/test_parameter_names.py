"""Every parameter and output of every algorithm is named by a class constant (``INPUT = "INPUT"``).

Code and tests then say ``Alg.INPUT``, never a literal repeated in many places that a typo would
silently turn into "parameter not set".
"""

import ast
import inspect

import pytest

from t2restore.processing.provider import algorithm_classes


def _missing_constants(cls):
    alg = cls()
    alg.initAlgorithm()
    names = [d.name() for d in alg.parameterDefinitions()] + [o.name() for o in alg.outputDefinitions()]
    return sorted({name for name in names if getattr(cls, name, None) != name})


@pytest.mark.parametrize("cls", algorithm_classes(), ids=lambda cls: cls.NAME)
def test_every_parameter_and_output_has_a_class_constant(cls):
    assert _missing_constants(cls) == []


def _literal_names(cls):
    """Parameter names still written as string literals in the algorithm's module (besides ``X = "X"``)."""
    alg = cls()
    alg.initAlgorithm()
    names = {d.name() for d in alg.parameterDefinitions()} | {o.name() for o in alg.outputDefinitions()}
    tree = ast.parse(inspect.getsource(inspect.getmodule(cls)))
    definitions = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Constant) and len(node.targets) == 1
                   and getattr(node.targets[0], "id", None) == node.value.value}
    return sorted({f"{node.value} (line {node.lineno})" for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and node.value in names and id(node) not in definitions})


@pytest.mark.parametrize("cls", algorithm_classes(), ids=lambda cls: cls.NAME)
def test_code_uses_the_constants_not_literals(cls):
    assert _literal_names(cls) == []


def test_the_check_sees_a_literal_name():
    from t2restore.processing.area_summary import AreaSummaryAlgorithm
    from t2restore.processing.base import T2Algorithm

    class Literal(T2Algorithm):
        NAME = "literal"

        def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
            from qgis.core import QgsProcessingParameterNumber
            self.addParameter(QgsProcessingParameterNumber("VALUE", "Value"))
            self.add_zone_parameters()

    assert _missing_constants(Literal) == ["VALUE"]
    assert {text.split()[0] for text in _literal_names(Literal)} == {"VALUE"}
    assert _missing_constants(AreaSummaryAlgorithm) == []
