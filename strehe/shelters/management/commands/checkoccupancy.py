"""strehe checkoccupancy: does each shelter's bed counter agree with its open placements?"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from strehe.directory.models import Shelter
from strehe.shelters.services import occupancy_disagreements, occupancy_recount


class Command(BaseCommand):
    help = (
        "Compare each shelter's occupied beds with its open placements. Exits with an error "
        "when any differ; --repair sets the counters to the open placements."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Set each differing counter to the number of open placements (audited).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        differing = occupancy_disagreements()
        for shelter, count in differing:
            self.stdout.write(
                f"{shelter.slug}: counter says {shelter.occupied} beds occupied, "
                f"{count} placements are open."
            )
        if not differing:
            self.stdout.write(
                f"All {Shelter.objects.count()} shelters agree with their open placements."
            )
            return
        if options["repair"]:
            repaired = occupancy_recount()
            self.stdout.write(f"Repaired {len(repaired)} shelters.")
            return
        raise CommandError(
            f"{len(differing)} shelters disagree with their open placements "
            "(run with --repair to recount)."
        )
