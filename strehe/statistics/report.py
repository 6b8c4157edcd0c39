"""Statistics as one report: counts of persons by one or two dimensions, with or without
disclosure control, and the narrative in each language.

The exact report is for staff with the statistics permission; a public one (`public=True`) has
every cell that could point at a person suppressed (strehe.statistics.disclosure) and says which.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings

from . import disclosure
from .dimensions import (
    AGE_BAND,
    CITIZENSHIP,
    DEFAULT_AGE_BANDS,
    DIMENSIONS,
    EXPLOITATION,
    MULTI_VALUED,
    UNKNOWN,
    AgeBand,
    band_of,
    parse_age_bands,
)
from .selectors import REGISTERED, VictimRow, victim_rows

LANGUAGES = ("sq", "sr", "en")


def disclosure_threshold() -> int:
    """Cells from 1 to this minus one are never published."""
    return int(getattr(settings, "STREHE_STATISTICS_THRESHOLD", 5))


@dataclass(frozen=True)
class Query:
    date_from: datetime.date
    date_to: datetime.date
    status: str = REGISTERED
    decided_by: str | None = None
    by: tuple[str, ...] = (CITIZENSHIP,)
    age_bands: str = DEFAULT_AGE_BANDS

    @property
    def bands(self) -> list[AgeBand]:
        return parse_age_bands(self.age_bands)


@dataclass
class Report:
    query: Query
    public: bool
    threshold: int
    # None when suppressed.
    total: int | None
    # dimension -> key -> count, in display order; suppressed keys are absent.
    breakdowns: dict[str, dict[str, int]]
    # dimension -> every key the table has, in display order (for tables and charts).
    keys: dict[str, list[str]]
    # With two dimensions: first key -> second key -> count; suppressed cells absent.
    crosstab: dict[str, dict[str, int]] | None = None
    suppressed: dict[str, list[str]] = field(default_factory=dict)
    suppressed_cells: list[tuple[str, str]] = field(default_factory=list)
    narrative: dict[str, str] = field(default_factory=dict)

    def suppressed_sum(self, dimension: str) -> int | None:
        """How many persons the suppressed cells of a dimension hold together, where that is
        what the published figures give away anyway (total minus published cells)."""
        if self.total is None or dimension in MULTI_VALUED:
            return None
        if not self.suppressed.get(dimension):
            return 0
        return self.total - sum(self.breakdowns[dimension].values())

    def as_json(self) -> dict:
        data: dict = {
            "unit": "persons",
            "note": "Each person counts once, however many cases they have.",
            "from": self.query.date_from.isoformat(),
            "to": self.query.date_to.isoformat(),
            "status": self.query.status,
            "decided_by": self.query.decided_by,
            "by": list(self.query.by),
            "age_bands": [band.key for band in self.query.bands],
            "public": self.public,
            "total": self.total,
            "breakdowns": self.breakdowns,
        }
        if self.crosstab is not None:
            data["crosstab"] = {"dimensions": list(self.query.by), "cells": self.crosstab}
        if self.public:
            data["threshold"] = self.threshold
            data["suppressed"] = dict(self.suppressed)
            if self.total is None:
                data["suppressed"]["total"] = True
            if self.crosstab is not None:
                data["suppressed"]["crosstab"] = [list(cell) for cell in self.suppressed_cells]
        data["narrative"] = self.narrative
        return data


def _keys_of(row: VictimRow, dimension: str, bands: list[AgeBand]) -> tuple[str, ...]:
    if dimension == AGE_BAND:
        return (band_of(row.age, bands),)
    if dimension == "exploitation":
        return row.exploitation
    if dimension == "sex":
        return (row.sex,)
    if dimension == "decided_by":
        return (row.decided_by,)
    return (row.citizenship,)


def _ordered(dimension: str, counts: Counter, bands: list[AgeBand]) -> list[str]:
    """Age bands in their order; other keys most frequent first; "unknown" always last."""
    if dimension == AGE_BAND:
        keys = [band.key for band in bands if counts.get(band.key)]
    else:
        keys = sorted(
            (key for key in counts if key != UNKNOWN), key=lambda key: (-counts[key], key)
        )
    if counts.get(UNKNOWN):
        keys.append(UNKNOWN)
    return keys


def _margin_relations(
    cells: list[int], margin: int, *, multi_valued: bool
) -> tuple[list[disclosure.Relation], list[disclosure.Relation]]:
    """What a reader knows between `cells` and their `margin`: they add up to it, or, where a
    person may count in several cells, each is at most the margin and together at least it."""
    if not multi_valued:
        return [{**dict.fromkeys(cells, 1), margin: -1}], []
    inequalities: list[disclosure.Relation] = [{cell: 1, margin: -1} for cell in cells]
    inequalities.append({**dict.fromkeys(cells, -1), margin: 1})
    return [], inequalities


def build_report(
    query: Query,
    *,
    public: bool,
    threshold: int | None = None,
    rows: list[VictimRow] | None = None,
) -> Report:
    """Count the persons of `query`; for a public report, suppress what could point at one."""
    from .narrative import narratives  # narrative needs the report's shape; imported late

    threshold = disclosure_threshold() if threshold is None else threshold
    bands = query.bands
    if rows is None:
        rows = victim_rows(
            date_from=query.date_from,
            date_to=query.date_to,
            status=query.status,
            decided_by=query.decided_by,
            with_exploitation=EXPLOITATION in query.by,
        )
    total = len(rows)
    counts = {dimension: Counter[str]() for dimension in query.by}
    pairs: Counter[tuple[str, str]] = Counter()
    for row in rows:
        row_keys = {dimension: _keys_of(row, dimension, bands) for dimension in query.by}
        for dimension, dimension_keys in row_keys.items():
            counts[dimension].update(dimension_keys)
        if len(query.by) == 2:
            first, second = query.by
            pairs.update((a, b) for a in row_keys[first] for b in row_keys[second])
    keys = {dimension: _ordered(dimension, counts[dimension], bands) for dimension in query.by}
    report = Report(
        query=query,
        public=public,
        threshold=threshold,
        total=total,
        breakdowns={d: {k: counts[d][k] for k in keys[d]} for d in query.by},
        keys=keys,
    )
    if len(query.by) == 2:
        first, second = query.by
        report.crosstab = {a: {b: pairs[(a, b)] for b in keys[second]} for a in keys[first]}
    if public:
        _suppress(report, counts, pairs, threshold)
    report.narrative = narratives(report)
    return report


def _suppress(
    report: Report,
    counts: dict[str, Counter],
    pairs: Counter,
    threshold: int,
) -> None:
    """Suppress in place: one table (one dimension with its total, or two with both margins
    and the total), so that margins and cells are protected together."""
    query = report.query
    values: list[int] = []
    index: dict[tuple, int] = {}

    def cell(name: tuple, value: int) -> int:
        index[name] = len(values)
        values.append(value)
        return index[name]

    total_cell = cell(("total",), report.total or 0)
    equalities: list[disclosure.Relation] = []
    inequalities: list[disclosure.Relation] = []
    totals: list[int | None] = []
    margins: dict[str, list[int]] = {}
    for dimension in query.by:
        margins[dimension] = [
            cell((dimension, key), counts[dimension][key]) for key in report.keys[dimension]
        ]
        eq, ineq = _margin_relations(
            margins[dimension], total_cell, multi_valued=dimension in MULTI_VALUED
        )
        equalities += eq
        totals += [total_cell] * len(eq)
        inequalities += ineq
    if len(query.by) == 2:
        first, second = query.by
        first_keys, second_keys = report.keys[first], report.keys[second]
        inner = {
            (a, b): cell(("cell", a, b), pairs[(a, b)]) for a in first_keys for b in second_keys
        }
        # Along a row (first key fixed) the second dimension varies, and the other way round.
        for outer_dimension, outer_keys, inner_dimension, inner_keys, flip in (
            (first, first_keys, second, second_keys, False),
            (second, second_keys, first, first_keys, True),
        ):
            for position, outer_key in enumerate(outer_keys):
                line = [inner[(k, outer_key) if flip else (outer_key, k)] for k in inner_keys]
                margin = margins[outer_dimension][position]
                eq, ineq = _margin_relations(
                    line, margin, multi_valued=inner_dimension in MULTI_VALUED
                )
                equalities += eq
                totals += [margin] * len(eq)
                inequalities += ineq
    table = disclosure.LinearTable(
        values=values, equalities=equalities, inequalities=inequalities, totals=totals
    )
    hidden = disclosure.suppress(table, threshold=threshold)
    name_of = {position: name for name, position in index.items()}
    if total_cell in hidden:
        report.total = None
    for position in sorted(hidden):
        name = name_of[position]
        if name[0] in DIMENSIONS:
            dimension, key = name
            report.breakdowns[dimension].pop(key, None)
            report.suppressed.setdefault(dimension, []).append(key)
        elif name[0] == "cell" and report.crosstab is not None:
            _kind, a, b = name
            report.crosstab[a].pop(b, None)
            report.suppressed_cells.append((a, b))
    for dimension in report.suppressed:
        order = report.keys[dimension]
        report.suppressed[dimension].sort(key=order.index)
