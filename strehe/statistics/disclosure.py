"""Disclosure control for published tables: primary and secondary cell suppression.

A published table is a set of cells (inner cells, margins and the grand total alike) and the
linear relations any reader knows hold between them: a row's cells add up to its margin, a victim
counted under each form of exploitation she suffered is counted at most once per form. A cell
below the threshold (but not zero) points at a handful of people and is suppressed (primary
suppression). Then more cells are suppressed (secondary suppression) until no reader can work a
suppressed cell back out from the published cells and the relations, nor show that it is small:
for every suppressed cell the largest value consistent with what is published must reach the
threshold.

The secondary cells are chosen the way tau-ARGUS and sdcTable do it: a small integer programme
(scipy.optimize.milp, solved by HiGHS) picks the pattern that hides the fewest people, under the
classic line constraints (no line with exactly one suppressed cell; enough people hidden beside
each sensitive cell). The line constraints are necessary but not sufficient on two-way tables, so
each candidate pattern is then attacked with linear programming (`feasible_range`), and a pattern
that leaves a cell exposed is cut off and the programme solved again.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

# A relation between cells: {cell index: coefficient}, meaning sum(coefficient * cell) == 0
# (equalities) or <= 0 (inequalities).
Relation = dict[int, int]

# How many times a pattern may be cut off and the programme solved again before everything is
# suppressed instead: a safe answer, reached only on tables far larger than ours.
MAX_ROUNDS = 200


@dataclass
class LinearTable:
    """Cells and the relations between them that whoever reads the published table knows."""

    values: list[int]
    equalities: list[Relation]
    inequalities: list[Relation] = field(default_factory=list)
    # The index of the cell each equality holds the total of (its coefficient is -1), if any.
    totals: list[int | None] = field(default_factory=list)


def one_way(counts: list[int], total: int) -> LinearTable:
    """Cells 0..k-1 and their total at index k."""
    k = len(counts)
    relation = {i: 1 for i in range(k)} | {k: -1}
    return LinearTable(values=[*counts, total], equalities=[relation], totals=[k])


def _attack(
    table: LinearTable, hidden: list[int], cell: int, *, sign: float
) -> tuple[float, set[int]]:
    """Maximise (sign 1) or minimise (sign -1) `cell` over what is consistent with the published
    cells. Returns the extreme and the published cells of the relations that bind it (nonzero
    dual values): only suppressing one of those can move the extreme."""
    position = {index: n for n, index in enumerate(hidden)}

    def rows(relations: list[Relation]) -> tuple[list[list[float]], list[float], list[Relation]]:
        matrix, rhs, kept = [], [], []
        for relation in relations:
            row = [0.0] * len(hidden)
            known = 0.0
            for index, coefficient in relation.items():
                if index in position:
                    row[position[index]] += coefficient
                else:
                    known += coefficient * table.values[index]
            if any(row):
                matrix.append(row)
                rhs.append(-known)
                kept.append(relation)
        return matrix, rhs, kept

    a_eq, b_eq, kept_eq = rows(table.equalities)
    a_ub, b_ub, kept_ub = rows(table.inequalities)
    objective = np.zeros(len(hidden))
    objective[position[cell]] = -sign
    result = linprog(
        objective,
        A_ub=a_ub or None,
        b_ub=b_ub or None,
        A_eq=a_eq or None,
        b_eq=b_eq or None,
        bounds=[(0, None)] * len(hidden),
        method="highs",
    )
    if result.status == 3:  # unbounded
        return sign * float("inf"), set()
    if result.status != 0:
        raise ValueError(f"the published table is inconsistent: {result.message}")
    binding: set[int] = set()
    for kept, duals in ((kept_eq, result.eqlin), (kept_ub, result.ineqlin)):
        if not kept:
            continue
        for relation, dual in zip(kept, duals.marginals, strict=True):
            if abs(dual) > 1e-9:
                binding.update(index for index in relation if index not in position)
    return -sign * result.fun, binding


def feasible_range(table: LinearTable, suppressed: Iterable[int], cell: int) -> tuple[float, float]:
    """The smallest and largest value of `cell` consistent with the published cells.

    The attacker knows every cell not in `suppressed`, every relation of the table, and that no
    count is negative. Returns (low, high); high is infinity when nothing bounds the cell.
    """
    hidden = sorted(set(suppressed))
    if cell not in hidden:
        value = float(table.values[cell])
        return value, value
    high, _binding = _attack(table, hidden, cell, sign=1.0)
    low, _binding = _attack(table, hidden, cell, sign=-1.0)
    return low, high


def exposed_cells(table: LinearTable, suppressed: set[int], *, threshold: int) -> list[int]:
    """Suppressed cells whose largest feasible value stays below the threshold."""
    return [
        cell
        for cell in sorted(suppressed)
        if table.values[cell] < threshold
        and feasible_range(table, suppressed, cell)[1] < threshold - 1e-6
    ]


def suppress(table: LinearTable, *, threshold: int) -> set[int]:
    """The cells to suppress before `table` is published: fewest people hidden, none exposed."""
    values = table.values
    n = len(values)
    primary = {i for i, value in enumerate(values) if 0 < value < threshold}
    if not primary:
        return set()
    # Hide the fewest people; a zero cell costs a little, so that none is hidden for nothing.
    cost = np.array([value + 0.01 for value in values], dtype=float)
    lower = np.array([1.0 if i in primary else 0.0 for i in range(n)])
    rows: list[np.ndarray] = []
    minimums: list[float] = []
    for relation, total in zip(
        table.equalities, table.totals or [None] * len(table.equalities), strict=True
    ):
        line = list(relation)
        # A line with exactly one suppressed cell gives that cell away.
        for i in line:
            row = np.zeros(n)
            row[[j for j in line if j != i]] = 1.0
            row[i] -= 1.0
            rows.append(row)
            minimums.append(0.0)
        # Beside a sensitive cell of a line whose total is published, the other suppressed
        # cells of the line must hide enough people to let it reach the threshold.
        for p in primary & set(line):
            if p == total:
                continue
            row = np.zeros(n)
            for j in line:
                if j == p:
                    continue
                row[j] = threshold if j == total else values[j]
            rows.append(row)
            minimums.append(float(threshold - values[p]))
    for _round in range(MAX_ROUNDS):
        constraints = (
            [LinearConstraint(np.array(rows), lb=np.array(minimums), ub=np.inf)] if rows else []
        )
        result = milp(
            cost,
            constraints=constraints,
            integrality=np.ones(n),
            bounds=Bounds(lower, np.ones(n)),
        )
        if not result.success:
            return set(range(n))
        pattern = {i for i in range(n) if result.x[i] > 0.5}
        hidden = sorted(pattern)
        cuts = []
        for cell in hidden:
            if values[cell] >= threshold:
                continue
            high, binding = _attack(table, hidden, cell, sign=1.0)
            if high < threshold - 1e-6:
                # Whenever this cell is suppressed, one of the published cells that bind the
                # attack must be too: suppressing any other cell, or publishing one of this
                # pattern, leaves the attacker's dual solution valid and the bound as low.
                cuts.append((cell, binding))
        if not cuts:
            return pattern
        for cell, binding in cuts:
            if not binding:
                return set(range(n))
            cut = np.zeros(n)
            cut[sorted(binding)] = 1.0
            cut[cell] -= 1.0
            rows.append(cut)
            minimums.append(0.0)
    return set(range(n))
