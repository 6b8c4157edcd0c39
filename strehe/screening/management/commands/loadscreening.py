from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from strehe.screening.loading import (
    DEFAULT_DATA_DIR,
    ILO_INDICATORS_FILE,
    ReferenceDataError,
    load_ilo_indicators,
)


class Command(BaseCommand):
    help = (
        "Load the ILO/EC trafficking indicators used by the screening checklist. "
        "Safe to run twice; a malformed file is reported and changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help=f"Folder holding {ILO_INDICATORS_FILE} (default: the copy shipped with Strehë).",
        )

    def handle(self, *args: object, **options: object) -> None:
        data_dir = Path(str(options["data_dir"]))
        try:
            result = load_ilo_indicators(data_dir / ILO_INDICATORS_FILE)
        except ReferenceDataError as error:
            raise CommandError(f"Nothing was loaded.\n{error}") from error
        self.stdout.write(
            f"ILO indicators: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
