"""strehe import-htcds FILE.csv: historical victim records from another system.

Every row is checked first; any bad row is reported (row, column, reason) and, unless
--skip-invalid, nothing is imported. Records are marked with their source and their id there, so
importing the same file again adds nothing.
"""

import hashlib
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from strehe.accounts.models import Agency
from strehe.interchange import htcds
from strehe.interchange.importing import import_records

MAX_FILE_BYTES = 512 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import victim records from a CSV file in the HTCDS profile "
        "(shared/reference/htcds-csv-profile.md). Nothing is imported when a row is bad, unless "
        "--skip-invalid. Re-importing a file adds only records not imported before."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV file (UTF-8, header row)")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the others, instead of importing nothing",
        )
        parser.add_argument(
            "--source",
            default="",
            help="name of the system the records come from (default: the file's name); "
            "a record is imported once per source and id",
        )
        parser.add_argument(
            "--agency",
            default="",
            help="slug of the organisation whose agency owns the imported cases "
            "(may be left out when there is only one agency)",
        )

    def _agency(self, slug: str) -> Agency:
        agencies = Agency.objects.filter(is_active=True).select_related("organisation")
        if slug:
            try:
                return agencies.get(organisation__slug=slug)
            except Agency.DoesNotExist:
                pass
        elif agencies.count() == 1:
            return agencies.get()
        names = ", ".join(agencies.values_list("organisation__slug", flat=True)) or "none"
        raise CommandError(
            f"Name the agency that will own the imported cases with --agency; one of: {names}"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot be read: {exc.strerror}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{path}: not UTF-8 text (byte {exc.start}); nothing imported"
            ) from None
        agency = self._agency(options["agency"])
        try:
            parsed = htcds.parse(text)
        except htcds.HeaderError as exc:
            raise CommandError(f"{path}: {exc}; nothing imported") from None
        for warning in parsed.warnings:
            self.stderr.write(f"{path}: {warning}")
        for error in parsed.errors:
            self.stderr.write(f"{path}: {error}")
        invalid_rows = len({error.row for error in parsed.errors})
        if invalid_rows and not options["skip_invalid"]:
            raise CommandError(
                f"{path}: {invalid_rows} of {parsed.rows_read} rows are invalid; nothing imported "
                "(--skip-invalid imports the others)"
            )
        source = options["source"].strip() or path.name
        try:
            with self._progress(len(parsed.records)) as advance:
                _run, result = import_records(
                    records=parsed.records,
                    agency=agency,
                    source=source,
                    file_name=path.name,
                    file_sha256=hashlib.sha256(raw).hexdigest(),
                    rows_read=parsed.rows_read,
                    rows_invalid=invalid_rows,
                    progress=advance,
                )
        except IntegrityError:
            # The unique source + id: another import of the same records committed a batch
            # first. Batches already written stay; running again adds only what is missing.
            raise CommandError(
                f"{path}: another import of source {source!r} wrote some of these records at the "
                "same time; run the import again to add the rest"
            ) from None
        self.stdout.write(
            f"{path}: {result.imported} records imported, {result.already_imported} imported "
            f"before, {invalid_rows} invalid rows skipped (source {source!r}, owner {agency})."
        )

    def _progress(self, total: int) -> "_Bar":
        return _Bar(total, enabled=sys.stderr.isatty())


class _Bar:
    """A rich progress bar on stderr when it is a terminal; nothing when piped or in tests."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.progress = (
            Progress(
                TextColumn("importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            if enabled
            else None
        )
        self.task: Any = None

    def __enter__(self) -> Any:
        if self.progress is None:
            return lambda advance: None
        self.progress.start()
        self.task = self.progress.add_task("import", total=self.total)
        return lambda advance: self.progress.advance(self.task, advance)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
