"""How fast `strehe import-htcds` writes a generated file, beside its limit: PostgreSQL `COPY` of
the same CSV into a bare table (text columns, no index, no constraint).

The import does what COPY cannot: it checks every cell, encrypts the birth date, hashes each
record's id, and writes seven rows per record (person, case, decision, grant, timeline line,
event, import mark) with an audit entry per batch. The ratio says what that costs.

Run with `make bench` or `.venv/bin/python bench/htcds_import.py [--rows N] [--profile]`.
PostgreSQL only: a scratch database beside the benchmark one (BENCH_DATABASE_URL, default the
local `strehe_bench`, with `_import` appended), dropped and created on each run so every import
starts from the same empty register. Prints one JSON line and a human line: rows per second of
both, the ratio, the import's CPU time (on a shared machine the wall clock also waits for
others) and peak RSS, and the time of a second import of the file, which adds nothing.
--profile prints the import's 25 costliest functions instead.
"""

import argparse
import cProfile
import csv
import io
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from staff_pages import DEFAULT_DATABASE

TARGET_ROWS_PER_SECOND, TARGET_RATIO = 2_000, 10.0


def fresh_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def copy_seconds(url: str, path: Path) -> float:
    """COPY the file into a bare table of text columns: the least any import must do."""
    import psycopg
    from psycopg import sql

    with path.open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    with psycopg.connect(url) as connection:
        columns = sql.SQL(", ").join(
            sql.SQL("{} text").format(sql.Identifier(name)) for name in header
        )
        connection.execute(sql.SQL("CREATE TABLE bench_htcds_copy ({})").format(columns))
        connection.commit()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            copy = "COPY bench_htcds_copy FROM STDIN WITH (FORMAT csv, HEADER true)"
            with cursor.copy(copy) as stream, path.open("rb") as source:
                while block := source.read(1 << 20):
                    stream.write(block)
        connection.commit()
        elapsed = time.perf_counter() - started
        copied = connection.execute("SELECT count(*) FROM bench_htcds_copy").fetchone()
        connection.execute("DROP TABLE bench_htcds_copy")
    return elapsed if copied else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative", help="with --profile: pstats order")
    options = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE) + "_import"
    fresh_database(url)
    scratch = Path(tempfile.mkdtemp(prefix="strehe-bench-"))
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="strehe.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    from strehe.accounts.models import Agency
    from strehe.directory.models import Organisation
    from tests.interchange.htcds_files import good_row, write

    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(
        slug="bench-police", name="Bench police", kind="police_unit"
    )
    Agency.objects.create(organisation=organisation)
    path = write(scratch, "bench.csv", [good_row(n) for n in range(1, options.rows + 1)])

    def run() -> None:
        call_command(
            "import-htcds", str(path), "--agency", "bench-police", verbosity=0, stdout=io.StringIO()
        )

    if options.profile:
        profile = cProfile.Profile()
        profile.runcall(run)
        pstats.Stats(profile).sort_stats(options.sort).print_stats(80)
        return
    load = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    run()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    run()
    again = time.perf_counter() - start
    copied = copy_seconds(url, path)
    rate, copy_rate = options.rows / elapsed, options.rows / copied
    figures = {
        "bench": "htcds_import",
        "rows": options.rows,
        "import_s": round(elapsed, 2),
        "import_cpu_s": round(cpu, 2),
        "rows_per_s": round(rate),
        "again_s": round(again, 2),
        "copy_s": round(copied, 3),
        "copy_rows_per_s": round(copy_rate),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_1min": round(load, 2),
        "target_rows_per_s": TARGET_ROWS_PER_SECOND,
        "limit_ratio": TARGET_RATIO,
        "ratio_to_limit": round(elapsed / copied, 1),
    }
    print(json.dumps(figures))
    print(
        f"import-htcds: {options.rows:,} rows in {elapsed:.1f} s ({rate:,.0f}/s, "
        f"{cpu:.1f} s on the CPU; target {TARGET_ROWS_PER_SECOND:,}/s); COPY of the same file "
        f"{copied:.2f} s ({copy_rate:,.0f}/s): {elapsed / copied:.1f}x (target "
        f"{TARGET_RATIO:.0f}x); again, adding nothing: {again:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
