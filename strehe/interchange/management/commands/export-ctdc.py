"""strehe export-ctdc --from --to [--k 11]: victims of a period in CTDC's layout, k-anonymous."""

import datetime
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.interchange.ctdc import DEFAULT_K, ctdc_export, write_csv

MAX_K = 1000


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


class Command(BaseCommand):
    help = (
        "Write the victims registered (identified or presumed) in a period as CSV in CTDC's "
        "layout, one row per person, withholding every row whose combination of gender, age "
        "band, citizenship and year occurs fewer than k times. The export is audited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
        parser.add_argument(
            "--k",
            type=int,
            default=DEFAULT_K,
            help=f"smallest group published (default {DEFAULT_K})",
        )
        parser.add_argument(
            "--output", type=Path, default=None, help="file to write (default: standard output)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        date_from, date_to = _day(options["date_from"]), _day(options["date_to"])
        if date_to < date_from:
            raise CommandError("--to is before --from")
        k = options["k"]
        if not 2 <= k <= MAX_K:
            raise CommandError(f"--k must be from 2 to {MAX_K}")
        with transaction.atomic():
            export = ctdc_export(date_from=date_from, date_to=date_to, k=k)
            audit_record(
                actor=None,
                action=AuditEntry.Action.EXPORT,
                target_type="interchange.ctdc",
                target_label=f"CTDC export {date_from}..{date_to}",
                fields=["gender", "ageBroad", "citizenship", "yearOfRegistration", "flags"],
                detail={
                    "from": date_from.isoformat(),
                    "to": date_to.isoformat(),
                    "k": k,
                    "rows": len(export.rows),
                    "withheld": export.withheld,
                },
            )
        output = options["output"]
        if output is None:
            write_csv(export, getattr(self.stdout, "_out", sys.stdout))
        else:
            try:
                with output.open("w", encoding="utf-8", newline="") as file:
                    write_csv(export, file)
            except OSError as exc:
                raise CommandError(f"{output}: cannot be written: {exc.strerror}") from None
        self.stderr.write(
            f"{export.persons} victims in the period: {len(export.rows)} rows written, "
            f"{export.withheld} withheld (their combination of gender, age band, citizenship "
            f"and year occurs fewer than {k} times)."
        )
