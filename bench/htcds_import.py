"""How fast `strehe import-htcds` writes: rows per second for a generated file.

Run with `make bench` (or .venv/bin/python bench/htcds_import.py [ROWS]). Uses DATABASE_URL when
set (give it an empty scratch database: it migrates and imports into it), else a temporary
SQLite file. Prints figures only.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="strehe-bench-"))
    os.environ.setdefault("STREHE_VAR_DIR", str(scratch))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strehe.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    from strehe.accounts.models import Agency
    from strehe.directory.models import Organisation
    from tests.interchange.htcds_files import good_row, write

    call_command("migrate", verbosity=0)
    organisation, _ = Organisation.objects.get_or_create(
        slug="bench-police", defaults={"name": "Bench police", "kind": "police_unit"}
    )
    Agency.objects.get_or_create(organisation=organisation)
    rows = [good_row(n) for n in range(1, ROWS + 1)]
    for row in rows:
        row["case_ref"] = f"BENCH-{time.time_ns()}-{row['case_ref']}"
    path = write(scratch, "bench.csv", rows)
    start, cpu = time.perf_counter(), time.process_time()
    call_command("import-htcds", str(path), "--agency", "bench-police", verbosity=0)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{'import-htcds':<48} {ROWS:>7} in {elapsed * 1000:8.1f} ms  ({ROWS / elapsed:,.0f}/s)")
    # On a shared machine the wall clock waits for other processes; this is our own share.
    print(f"{'  of which this process on the CPU':<48} {ROWS:>7} in {cpu * 1000:8.1f} ms")
    start = time.perf_counter()
    call_command("import-htcds", str(path), "--agency", "bench-police", verbosity=0)
    elapsed = time.perf_counter() - start
    print(f"{'import-htcds again (adds nothing)':<48} {ROWS:>7} in {elapsed * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
