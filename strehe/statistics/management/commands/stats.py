"""strehe stats: counts of persons by one or two dimensions, exact or for publication."""

import datetime
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from strehe.cases.codes import DecisionOrganisation
from strehe.statistics.dimensions import AGE_BAND_PRESETS, DIMENSIONS, AgeBandError
from strehe.statistics.exports import export_audited, report_csv, report_text
from strehe.statistics.report import Query, build_report
from strehe.statistics.selectors import STATUSES

OPTIONS = (
    "--from YYYY-MM-DD",
    "--to YYYY-MM-DD",
    "--status identified|presumed|registered",
    "--decided-by " + "|".join(DecisionOrganisation.values),
    "--by " + "|".join(DIMENSIONS) + " (one, or two separated by a comma)",
    "--age-bands 0-13,14-17,18-22,23- (or " + "|".join(AGE_BAND_PRESETS) + ")",
    "--public",
    "--format json|csv|text",
)
FORMATS = ("json", "csv", "text")


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date: write YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Count victims (persons, each once) identified in a period, by one or two dimensions. "
        "--public suppresses every cell that could point at a person."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        refuse = parser.error

        def error(message: str) -> Any:
            # An unknown or malformed option: say which ones there are.
            return refuse(f"{message}\nValid options: " + "; ".join(OPTIONS))

        parser.error = error  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="date_from", required=True)
        parser.add_argument("--to", dest="date_to", required=True)
        parser.add_argument("--status", default="registered")
        parser.add_argument("--decided-by", dest="decided_by", default=None)
        parser.add_argument("--by", required=True)
        parser.add_argument("--age-bands", dest="age_bands", default="0-13,14-17,18-22,23-")
        parser.add_argument("--public", action="store_true")
        parser.add_argument("--format", dest="output_format", default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        date_from = _date(options["date_from"])
        date_to = _date(options["date_to"])
        if date_to < date_from:
            raise CommandError("--to is before --from")
        status = options["status"]
        if status not in STATUSES:
            raise CommandError(f"Unknown status {status!r}. Valid: {', '.join(STATUSES)}")
        decided_by = options["decided_by"]
        if decided_by is not None and decided_by not in DecisionOrganisation.values:
            raise CommandError(
                f"Unknown --decided-by {decided_by!r}. "
                f"Valid: {', '.join(DecisionOrganisation.values)}"
            )
        by = tuple(part.strip() for part in options["by"].split(",") if part.strip())
        unknown = [part for part in by if part not in DIMENSIONS]
        if unknown or not by:
            raise CommandError(
                f"Unknown dimension {', '.join(unknown) or '(none given)'}. "
                f"Valid dimensions: {', '.join(DIMENSIONS)}"
            )
        if len(by) > 2 or len(set(by)) != len(by):
            raise CommandError("Give one dimension, or two different ones separated by a comma.")
        output_format = options["output_format"]
        if output_format not in FORMATS:
            raise CommandError(f"Unknown format {output_format!r}. Valid: {', '.join(FORMATS)}")
        query = Query(
            date_from=date_from,
            date_to=date_to,
            status=status,
            decided_by=decided_by,
            by=by,
            age_bands=options["age_bands"],
        )
        try:
            query.bands  # noqa: B018 - parsed here to refuse bad bands before any work
        except AgeBandError as error:
            presets = ", ".join(AGE_BAND_PRESETS)
            raise CommandError(f"--age-bands: {error}. Presets: {presets}") from None
        with translation.override("en"):
            report = build_report(query, public=options["public"])
            export_audited(actor=None, report=report, export_format=output_format, via="command")
            if output_format == "json":
                self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            elif output_format == "csv":
                self.stdout.write(report_csv(report), ending="")
            else:
                self.stdout.write(report_text(report), ending="")
