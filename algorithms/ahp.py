"""AHP weights from a pairwise comparison matrix (Saaty; METHODS.md section 5).

Why a module of its own: weights are the most disputed part of a restoration priority map, and the
AHP is how Peru's technicians usually agree on them in workshops. The matrix comes from people, so
most of this module is about telling them precisely what is wrong with it (not square, not
reciprocal, off the 1/9..9 scale) and, when the judgments are inconsistent, which single judgment to
revisit first. The weights it returns feed ``scoring.priority_score`` directly (see ``TABLE_FIELDS``).
"""

import csv
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .errors import N_, InputError

# Saaty's random consistency index by matrix size (METHODS.md section 5); n <= 2 is always consistent.
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
                11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59}
MAX_CRITERIA = max(RANDOM_INDEX)
CR_LIMIT = 0.10
# Judgments are typed by hand: 0.33 or 0.14 stand for 1/3 and 1/7. A pair is reciprocal when
# a_ij * a_ji is within 5 % of 1, and a value below 1 is on the scale when 1 / value <= 9 * 1.05.
# The lower triangle is then replaced by the exact reciprocal of the upper one.
TOLERANCE = 0.05
SCALE = tuple([Fraction(1, d) for d in range(9, 1, -1)] + [Fraction(n) for n in range(1, 10)])

# The output table: ``criterion`` and ``weight`` are what priority_score reads (matched by name);
# the other columns record the consistency of the matrix the weights came from.
TABLE_FIELDS = (("criterion", "string"), ("weight", "double"), ("rank", "int"), ("lambda_max", "double"),
                ("ci", "double"), ("cr", "double"), ("consistent", "int"))


@dataclass
class AhpResult:
    names: list
    matrix: np.ndarray
    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    pair: tuple  # (i, j), i < j: the judgment furthest from what the weights imply
    given: float  # a_ij as entered
    implied: float  # w_i / w_j

    @property
    def consistent(self):
        return self.cr < CR_LIMIT

    def ranks(self):
        """1 for the largest weight; ties share the smaller rank."""
        order = sorted(range(len(self.weights)), key=lambda i: -self.weights[i])
        ranks = [0] * len(order)
        for position, i in enumerate(order):
            prev = order[position - 1] if position else None
            same = prev is not None and math.isclose(self.weights[i], self.weights[prev], rel_tol=1e-12)
            ranks[i] = ranks[prev] if same else position + 1
        return ranks

    def rows(self):
        """The output table rows, in TABLE_FIELDS order."""
        ranks = self.ranks()
        return [(name, float(w), ranks[i], self.lambda_max, self.ci, self.cr, int(self.consistent))
                for i, (name, w) in enumerate(zip(self.names, self.weights))]


def format_judgment(value):
    """A judgment as users write it: '3', '1/5', or a decimal when it is not on the scale."""
    if value >= 1:
        return f"{value:g}" if abs(value - round(value)) > 1e-9 else str(int(round(value)))
    inverse = 1.0 / value
    if abs(inverse - round(inverse)) < 1e-6:
        return f"1/{int(round(inverse))}"
    return f"{value:.3g}"


def nearest_on_scale(value):
    """The value of Saaty's scale (1/9 .. 9) nearest to ``value`` in ratio (log) terms."""
    return min(SCALE, key=lambda s: abs(math.log(float(s)) - math.log(value)))


def parse_names(text):
    """Criterion names from 'a, b, c' (or ';' separated); blanks dropped, duplicates refused."""
    sep = ";" if ";" in text else ","
    return check_unique([n.strip() for n in str(text).split(sep) if n.strip()])


def check_unique(names):
    """``names`` unchanged, or InputError naming the first repeated one (case-insensitive)."""
    seen = set()
    for name in names:
        key = name.casefold()
        if key in seen:
            raise InputError(N_("The criterion name {name} appears twice; each criterion needs its own name."),
                             name=name)
        seen.add(key)
    return list(names)


def parse_value(value, decimal_comma=False):
    """A judgment as a float: numbers, '3', '1/3', '0.33' (or '0,33' with ``decimal_comma``); None when blank."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        return float(Fraction(text))
    except (ValueError, ZeroDivisionError):
        pass
    try:
        return float(text)
    except ValueError:
        return float("nan")


def build_matrix(names, values, decimal_comma=False):
    """The full reciprocal matrix from ``values``: the n x n matrix row by row, or its upper triangle.

    Accepted: n*n values (the lower triangle may be left blank and is then filled with reciprocals),
    or n(n-1)/2 values (the upper triangle row by row, right of the diagonal). Trailing blanks are
    ignored (the matrix widget leaves empty rows). Raises InputError naming the offending cell.
    """
    n = len(names)
    if n < 2:
        raise InputError(N_("The pairwise comparison needs at least two criteria; {n} were given."), n=n)
    if n > MAX_CRITERIA:
        raise InputError(N_("The pairwise comparison handles at most {max} criteria (Saaty's random index table "
                            "ends there); {n} were given. Group criteria, or compare them in two levels."),
                         max=MAX_CRITERIA, n=n)
    cells = [parse_value(v, decimal_comma) for v in values]
    while cells and cells[-1] is None:
        cells.pop()
    full, upper = n * n, n * (n - 1) // 2
    matrix = np.full((n, n), np.nan)
    np.fill_diagonal(matrix, 1.0)
    if len(cells) == full:
        given = np.array([np.nan if c is None else c for c in cells], dtype=np.float64).reshape(n, n)
        blank = np.array([c is None for c in cells]).reshape(n, n)
    elif len(cells) == upper:
        given = np.full((n, n), np.nan)
        blank = np.ones((n, n), bool)
        rows, cols = np.triu_indices(n, 1)
        for r, c, value in zip(rows, cols, cells):
            given[r, c] = np.nan if value is None else value
            blank[r, c] = value is None
        np.fill_diagonal(given, 1.0)
        np.fill_diagonal(blank, False)
    else:
        raise InputError(N_("With {n} criteria the pairwise matrix needs {full} values (the full {n} x {n} matrix, "
                            "row by row) or {upper} values (the upper triangle, row by row, right of the "
                            "diagonal); {count} values were given. The matrix must be square, one row and one "
                            "column per criterion."), n=n, full=full, upper=upper, count=len(cells))
    for r in range(n):
        for c in range(n):
            if blank[r, c] and r <= c:
                raise InputError(N_("Row {row}, column {col} ({a} vs {b}) of the pairwise matrix is empty; the "
                                    "diagonal and the upper triangle must be complete."),
                                 row=r + 1, col=c + 1, a=names[r], b=names[c])
            if not blank[r, c]:
                _check_cell(given[r, c], r, c, names)
    for r in range(n):
        if abs(given[r, r] - 1.0) > 1e-9:
            raise InputError(N_("The diagonal of the pairwise matrix must be 1 (a criterion compared with itself); "
                                "row {row} holds {value}."), row=r + 1, value=f"{given[r, r]:g}")
    for r in range(n):
        for c in range(r + 1, n):
            matrix[r, c] = given[r, c]
            matrix[c, r] = 1.0 / given[r, c]
            if not blank[c, r] and abs(given[r, c] * given[c, r] - 1.0) > TOLERANCE:
                raise InputError(N_("The pairwise matrix is not reciprocal: row {row}, column {col} ({a} vs {b}) "
                                    "holds {value}, so row {col}, column {row} must hold {expected}, but it holds "
                                    "{other}. Give only the upper triangle and the lower one is filled in."),
                                 row=r + 1, col=c + 1, a=names[r], b=names[c], value=format_judgment(given[r, c]),
                                 expected=format_judgment(1.0 / given[r, c]), other=format_judgment(given[c, r]))
    return matrix


def _check_cell(value, r, c, names):
    if not math.isfinite(value):
        raise InputError(N_("Row {row}, column {col} ({a} vs {b}) of the pairwise matrix is not a number. Use "
                            "values such as 3 or 1/3."), row=r + 1, col=c + 1, a=names[r], b=names[c])
    if value <= 0:
        raise InputError(N_("Row {row}, column {col} ({a} vs {b}) holds {value}; comparisons must be positive, "
                            "from 1/9 to 9 on Saaty's scale."),
                         row=r + 1, col=c + 1, a=names[r], b=names[c], value=f"{value:g}")
    too_high = value > 9.0 * (1 + 1e-9)
    too_low = value < 1 and 1.0 / value > 9.0 * (1 + TOLERANCE)
    if too_high or too_low:
        raise InputError(N_("Row {row}, column {col} ({a} vs {b}) holds {value}, outside Saaty's scale (1/9 to 9)."),
                         row=r + 1, col=c + 1, a=names[r], b=names[c], value=f"{value:g}")


def principal_eigen(matrix):
    """(lambda_max, weights summing to 1) of a positive matrix (Perron root and vector)."""
    values, vectors = np.linalg.eig(matrix)
    i = int(np.argmax(values.real))
    vector = np.abs(vectors[:, i].real)
    return float(values[i].real), vector / vector.sum()


def most_inconsistent_pair(matrix, weights):
    """(i, j, a_ij, w_i / w_j) with i < j: the judgment the weights contradict most.

    Saaty's rule: the entry with the largest e_ij = a_ij w_j / w_i. Since e_ji = 1 / e_ij, that is
    the pair whose judgment and implied ratio w_i / w_j differ by the largest factor (|log e_ij|,
    symmetric between a judgment and its reciprocal, unlike |a_ij - w_i / w_j|).
    """
    ratio = matrix * weights[None, :] / weights[:, None]
    np.fill_diagonal(ratio, 1.0)
    dev = np.abs(np.log(ratio))
    i, j = (int(v) for v in np.unravel_index(np.argmax(dev), dev.shape))
    if i > j:
        i, j = j, i
    return i, j, float(matrix[i, j]), float(weights[i] / weights[j])


def ahp_weights(names, values, decimal_comma=False):
    """Weights, lambda_max, CI, CR and the most inconsistent pair of a pairwise comparison matrix."""
    names = list(names)
    matrix = build_matrix(names, values, decimal_comma)
    n = len(names)
    lam, weights = principal_eigen(matrix)
    if n <= 2:
        ci = cr = 0.0  # a 2 x 2 reciprocal matrix is always consistent
        lam = float(n)
    else:
        ci = max(0.0, (lam - n) / (n - 1))
        cr = ci / RANDOM_INDEX[n]
    i, j, given, implied = most_inconsistent_pair(matrix, weights)
    return AhpResult(names, matrix, weights, lam, ci, cr, RANDOM_INDEX[n], (i, j), given, implied)


def read_matrix_csv(path):
    """(names, values, decimal_comma) from a CSV with the names in the header row and the first column.

    Comma or semicolon separated (a spreadsheet in a Spanish locale writes ';' and decimal commas);
    the first cell is ignored; lower-triangle cells may be blank.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            text = fh.read()
    except OSError as error:
        raise InputError(N_("Cannot read the pairwise matrix file {path}: {error}"), path=path, error=error) from None
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if any(c.strip() for c in row)]
    if len(rows) < 2:
        raise InputError(N_("The pairwise matrix file {path} needs a header row with the criterion names and one "
                            "row per criterion."), path=path)
    names = [c.strip() for c in rows[0][1:]]
    while names and not names[-1]:
        names.pop()
    values = []
    for r, row in enumerate(rows[1:]):
        label = row[0].strip() if row else ""
        if r >= len(names) or label.casefold() != names[r].casefold():
            raise InputError(N_("In the pairwise matrix file {path}, row {row} is named '{label}' but column {row} "
                                "is '{name}'; rows and columns must list the criteria in the same order."),
                             path=path, row=r + 1, label=label, name=names[r] if r < len(names) else "")
        cells = list(row[1:len(names) + 1])
        values.extend(cells + [""] * (len(names) - len(cells)))
    if len(rows) - 1 != len(names):
        raise InputError(N_("The pairwise matrix file {path} has {rows} rows for {n} criteria; it must be square."),
                         path=path, rows=len(rows) - 1, n=len(names))
    check_unique(names)
    return names, values, delimiter == ";"
