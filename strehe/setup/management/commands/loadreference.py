from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation

from strehe.campaigns.models import CampaignDay
from strehe.campaigns.reference import parse_campaigns, write_campaigns
from strehe.cases.reference import parse_reflection_periods, write_reflection_periods
from strehe.directory.models import (
    EmergencyNumber,
    Organisation,
    PublicHoliday,
    Service,
    Shelter,
)
from strehe.directory.reference import (
    DEFAULT_DATA_DIR,
    ReferenceDataError,
    parse_directory,
    write_directory,
)
from strehe.portal.caching import content_generation_bump
from strehe.portal.models import ContentPage
from strehe.portal.reference import parse_pages, write_pages
from strehe.screening import loading as screening_data


class Command(BaseCommand):
    help = (
        "Load the reference data (municipalities, organisations, services, hours, shelters, "
        "public content pages, ILO/EC trafficking indicators, reflection-period rules, public "
        "holidays, emergency numbers, published campaigns) from CSV "
        "files. "
        "Safe to run twice; a bad file changes nothing. Rows that exist keep what staff edited "
        "in the admin unless --overwrite is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help=f"directory holding the reference CSV files (default {DEFAULT_DATA_DIR})",
        )
        parser.add_argument(
            "--indicators-dir",
            type=Path,
            default=screening_data.DEFAULT_DATA_DIR,
            help=(
                f"directory holding {screening_data.ILO_INDICATORS_FILE} "
                f"(default {screening_data.DEFAULT_DATA_DIR})"
            ),
        )

        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="put the files' values back into directory rows and pages that already exist",
        )

    def handle(self, *args: object, **options: object) -> None:
        data_dir = Path(str(options["data_dir"]))
        indicators = Path(str(options["indicators_dir"])) / screening_data.ILO_INDICATORS_FILE
        # Every file is checked before its first write, and all writes share one transaction, so
        # a refused file leaves the database exactly as it was.
        try:
            directory = parse_directory(data_dir)
            pages = parse_pages(data_dir)
            reflection_periods = parse_reflection_periods()
            campaigns = parse_campaigns()
            # Untranslated model fields (the plain `name` column) take the default language.
            with (
                translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
                transaction.atomic(),
            ):
                write_directory(directory, overwrite=bool(options["overwrite"]))
                write_pages(pages, overwrite=bool(options["overwrite"]))
                indicator_counts = screening_data.load_ilo_indicators(indicators)
                reflection_count = write_reflection_periods(reflection_periods)
                write_campaigns(campaigns, overwrite=bool(options["overwrite"]))
                # Rows written without save() send no signal: cached public pages end here.
                content_generation_bump()
        except (ReferenceDataError, screening_data.ReferenceDataError) as exc:
            raise CommandError(f"Reference data refused, nothing changed: {exc}") from None
        self.stdout.write(
            f"Reference data loaded from {data_dir}: {len(directory.municipalities)} "
            f"municipalities, {Organisation.objects.count()} organisations, "
            f"{Service.objects.count()} services, {Shelter.objects.count()} shelters, "
            f"{ContentPage.objects.count()} content pages, "
            f"{indicator_counts.total} ILO indicators, "
            f"{reflection_count} reflection-period rules, "
            f"{PublicHoliday.objects.count()} public holidays, "
            f"{EmergencyNumber.objects.count()} emergency numbers, "
            f"{CampaignDay.objects.count()} campaign days."
        )
