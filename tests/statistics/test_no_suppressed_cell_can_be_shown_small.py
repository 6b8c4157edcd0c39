"""An attacker with linear programming cannot show any suppressed cell to be small.

The attacker knows every published cell, the totals and margins, that rows and columns add up to
their margins, and that no count is negative. For every suppressed cell she maximises its value
(scipy's linprog): the largest feasible value must reach the threshold, so nobody can tell that
a suppressed cell is small, nor recover it. Checked on the demo data's tables and on tables that
hypothesis makes up (one-way with a total, two-way with both margins and the total).
"""

import datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from strehe.statistics import disclosure
from strehe.statistics.report import Query, build_report
from strehe.statistics.selectors import IDENTIFIED, REGISTERED, victim_rows

THRESHOLD = 5


def largest_feasible(values, equations, suppressed, cell):  # type: ignore[no-untyped-def]
    """max values[cell] subject to every equation (cells that add up to a total), the published
    cells fixed and every cell >= 0."""
    hidden = sorted(suppressed)
    column = {index: n for n, index in enumerate(hidden)}
    a_eq, b_eq = [], []
    for parts, total in equations:
        row = np.zeros(len(hidden))
        rhs = 0.0
        for index, sign in [(p, 1) for p in parts] + [(total, -1)]:
            if index in column:
                row[column[index]] += sign
            else:
                rhs -= sign * values[index]
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
    objective = np.zeros(len(hidden))
    objective[column[cell]] = -1
    result = linprog(
        objective,
        A_eq=np.array(a_eq) if a_eq else None,
        b_eq=b_eq or None,
        bounds=[(0, None)] * len(hidden),
        method="highs",
    )
    if result.status == 3:
        return float("inf")
    assert result.status == 0, result.message
    return -result.fun


def two_way(matrix):  # type: ignore[no-untyped-def]
    """Cells, row margins, column margins and the total of `matrix`, with their equations."""
    rows, columns = len(matrix), len(matrix[0])
    values = [value for row in matrix for value in row]
    row_margin = [len(values) + r for r in range(rows)]
    values += [sum(row) for row in matrix]
    column_margin = [len(values) + c for c in range(columns)]
    values += [sum(matrix[r][c] for r in range(rows)) for c in range(columns)]
    total = len(values)
    values.append(sum(values[i] for i in row_margin))
    equations = [([r * columns + c for c in range(columns)], row_margin[r]) for r in range(rows)]
    equations += [
        ([r * columns + c for r in range(rows)], column_margin[c]) for c in range(columns)
    ]
    equations += [(row_margin, total), (column_margin, total)]
    return values, equations


def as_linear_table(values, equations):  # type: ignore[no-untyped-def]
    return disclosure.LinearTable(
        values=list(values),
        equalities=[{**dict.fromkeys(parts, 1), total: -1} for parts, total in equations],
        totals=[total for _parts, total in equations],
    )


def assert_protected(values, equations, suppressed):  # type: ignore[no-untyped-def]
    published_small = [v for i, v in enumerate(values) if i not in suppressed and 0 < v < THRESHOLD]
    assert published_small == []
    for cell in suppressed:
        largest = largest_feasible(values, equations, suppressed, cell)
        assert largest >= THRESHOLD - 1e-6, (cell, values[cell], largest, sorted(suppressed))


counts = st.integers(min_value=0, max_value=40) | st.integers(min_value=0, max_value=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(counts, min_size=1, max_size=12))
def test_one_way_tables_with_a_total(cells):
    values = [*cells, sum(cells)]
    equations = [(list(range(len(cells))), len(cells))]

    suppressed = disclosure.suppress(as_linear_table(values, equations), threshold=THRESHOLD)

    assert_protected(values, equations, suppressed)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda columns: st.lists(
            st.lists(counts, min_size=columns, max_size=columns), min_size=1, max_size=6
        )
    )
)
def test_two_way_tables_with_margins(matrix):
    values, equations = two_way(matrix)

    suppressed = disclosure.suppress(as_linear_table(values, equations), threshold=THRESHOLD)

    assert_protected(values, equations, suppressed)


def report_cells(exact, public):  # type: ignore[no-untyped-def]
    """The exact table of a report as cells and equations, and which of them the public one
    suppressed."""
    by = exact.query.by
    if len(by) == 1:
        (dimension,) = by
        keys = exact.keys[dimension]
        values = [exact.breakdowns[dimension][k] for k in keys] + [exact.total]
        equations = [(list(range(len(keys))), len(keys))]
        suppressed = {keys.index(k) for k in public.suppressed.get(dimension, [])}
        if public.total is None:
            suppressed.add(len(keys))
        return values, equations, suppressed
    first, second = by
    rows, columns = exact.keys[first], exact.keys[second]
    values, equations = two_way([[exact.crosstab[a][b] for b in columns] for a in rows])
    suppressed = {
        rows.index(a) * len(columns) + columns.index(b) for a, b in public.suppressed_cells
    }
    suppressed |= {
        len(rows) * len(columns) + rows.index(a) for a in public.suppressed.get(first, [])
    }
    suppressed |= {
        len(rows) * len(columns) + len(rows) + columns.index(b)
        for b in public.suppressed.get(second, [])
    }
    if public.total is None:
        suppressed.add(len(values) - 1)
    return values, equations, suppressed


@pytest.mark.django_db
def test_every_demo_table_resists_the_attack(seed_2012, capsys):
    queries = []
    for status, decided_by, date_to in [
        (IDENTIFIED, "Police", datetime.date(2012, 8, 31)),
        (REGISTERED, None, datetime.date(2012, 12, 31)),
    ]:
        for by in [
            ("citizenship",),
            ("age_band",),
            ("sex",),
            ("decided_by",),
            ("citizenship", "age_band"),
            ("citizenship", "sex"),
            ("age_band", "sex"),
            ("sex", "decided_by"),
        ]:
            queries.append(
                Query(
                    date_from=datetime.date(2012, 1, 1),
                    date_to=date_to,
                    status=status,
                    decided_by=decided_by,
                    by=by,
                )
            )
    attacked = 0
    for query in queries:
        rows = victim_rows(
            date_from=query.date_from,
            date_to=query.date_to,
            status=query.status,
            decided_by=query.decided_by,
        )
        exact = build_report(query, public=False, rows=rows)
        public = build_report(query, public=True, rows=rows, threshold=THRESHOLD)

        values, equations, suppressed = report_cells(exact, public)

        assert_protected(values, equations, suppressed)
        attacked += len(suppressed)
    with capsys.disabled():
        print(f"\nLP attack: {len(queries)} demo tables, {attacked} suppressed cells held")
