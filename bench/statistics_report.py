"""A one-year statistics report (citizenship x age band) through `strehe stats`, beside the same
numbers from one hand-written SQL query, its limit, over the synthetic register of `strehe synth`.

The limit does only what no implementation can avoid: one statement picks each person's latest
decision of the year (DISTINCT ON, so a person counts once, as the selector does), keeps the
registered ones and groups them by citizenship and by what the age is computed from. The birth
date is encrypted at rest (strehe.core.crypto), so no SQL can put a person in an age band: the
statement groups by the birth date's token (one group per person who has one; the persons known
only by an estimated age share groups), and Python opens each token once and adds the groups up
by band. The bench asserts that both give the same cells.

Run with `make bench` or `.venv/bin/python bench/statistics_report.py [--cases N] [--year Y]`.
PostgreSQL only (BENCH_DATABASE_URL, default the local `strehe_bench` database, created and
filled on first use). Prints one JSON line and a human line: the best of --repeat runs of each,
taken in turns, their ratio, and the peak of Python memory each allocates (tracemalloc, in a
separate untimed run) beside the process's peak RSS.
"""

import argparse
import datetime
import io
import json
import os
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(__file__))
from staff_pages import DEFAULT_DATABASE, database_ready, synthetic_data

TARGET_RATIO = 2.0
# Each person's latest decision of the period; ties broken as the selector breaks them.
LIMIT_SQL = """
WITH latest AS (
    SELECT DISTINCT ON (c.person_id) c.person_id, d.status, d.decided_on
    FROM cases_identificationdecision d JOIN cases_case c ON c.id = d.case_id
    WHERE d.decided_on BETWEEN %(start)s AND %(end)s
    ORDER BY c.person_id, d.decided_on DESC, d.recorded_at DESC, d.id DESC
)
SELECT coalesce(p.citizenships ->> 0, 'unknown'), p.birth_date, p.estimated_age,
       p.age_estimated_on, l.decided_on, count(*)
FROM latest l JOIN cases_person p ON p.id = l.person_id
WHERE l.status = ANY(%(statuses)s)
GROUP BY 1, 2, 3, 4, 5
"""


def best_of(repeat: int, *actions: Callable[[], object]) -> list[tuple[float, object]]:
    """For each action, the fastest of `repeat` runs in ms (the others waited for the machine)
    and its result. The actions take turns, so a busy moment of a shared machine slows both."""
    timings: list[list[float]] = [[] for _ in actions]
    results: list[object] = [None for _ in actions]
    for _ in range(repeat):
        for number, action in enumerate(actions):
            started = time.perf_counter()
            results[number] = action()
            timings[number].append((time.perf_counter() - started) * 1000)
    return [(min(t), result) for t, result in zip(timings, results, strict=True)]


def peak_mb(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    database_ready(url)
    os.environ.update(DATABASE_URL=url, STREHE_DEMO="1", DJANGO_SETTINGS_MODULE="strehe.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from strehe.cases.models import age_on
    from strehe.core.crypto import decrypt_text
    from strehe.statistics.dimensions import DEFAULT_AGE_BANDS, band_of, parse_age_bands
    from strehe.statistics.selectors import STATUSES

    cases = synthetic_data(options.cases, options.contacts)
    start, end = f"{options.year}-01-01", f"{options.year}-12-31"
    bands = parse_age_bands(DEFAULT_AGE_BANDS)

    def through_stats() -> dict[tuple[str, str], int]:
        out = io.StringIO()
        call_command(
            "stats", "--from", start, "--to", end, "--by", "citizenship,age_band", stdout=out
        )
        cells = json.loads(out.getvalue())["crosstab"]["cells"]
        return {(a, b): n for a, row in cells.items() for b, n in row.items() if n}

    def through_sql() -> dict[tuple[str, str], int]:
        statuses = sorted(STATUSES["registered"])
        with connection.cursor() as cursor:
            cursor.execute(LIMIT_SQL, {"start": start, "end": end, "statuses": statuses})
            groups = cursor.fetchall()
        cells: Counter[tuple[str, str]] = Counter()
        for citizenship, birth_token, estimated, estimated_on, decided_on, count in groups:
            if birth_token is not None:
                born = datetime.date.fromisoformat(decrypt_text(birth_token))
                age: int | None = age_on(born, decided_on)
            elif estimated is not None:
                age = estimated + max(0, age_on(estimated_on or decided_on, decided_on))
            else:
                age = None
            cells[(citizenship, band_of(age, bands))] += count
        return dict(cells)

    load = os.getloadavg()[0]
    (stats_ms, stats_cells), (sql_ms, sql_cells) = best_of(
        options.repeat, through_stats, through_sql
    )
    assert stats_cells == sql_cells, "strehe stats and the SQL disagree"
    persons = sum(sql_cells.values())  # type: ignore[union-attr]
    ratio = stats_ms / sql_ms
    figures = {
        "bench": "statistics_report",
        "cases": cases,
        "year": options.year,
        "persons": persons,
        "cells": len(sql_cells),  # type: ignore[arg-type]
        "stats_ms": round(stats_ms, 1),
        "sql_ms": round(sql_ms, 1),
        "stats_peak_mb": peak_mb(through_stats),
        "sql_peak_mb": peak_mb(through_sql),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_1min": round(load, 2),
        "limit_ratio": TARGET_RATIO,
        "ratio_to_limit": round(ratio, 2),
    }
    print(json.dumps(figures))
    print(
        f"strehe stats, citizenship x age band, {options.year}: {persons:,} persons in "
        f"{stats_ms:.0f} ms; one SQL statement (and opening the birth dates) {sql_ms:.0f} ms: "
        f"{ratio:.2f}x (target {TARGET_RATIO}x) over {cases:,} cases",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
