from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from strehe.setup.synthetic import synthesise


class Command(BaseCommand):
    help = (
        "Write deterministic synthetic cases and helpline contacts for benchmarks "
        "(demo mode only; nothing in them is about a real person)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=200_000)
        parser.add_argument("--contacts", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--first-year", type=int, default=2019)
        parser.add_argument("--last-year", type=int, default=2026)

    def handle(self, *args: object, **options: int) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Synthetic data is written only in demo mode: set STREHE_DEMO=1.")
        if options["cases"] < 0 or options["contacts"] < 0:
            raise CommandError("--cases and --contacts must be 0 or more.")
        if not 2000 <= options["first_year"] <= options["last_year"] <= 2100:
            raise CommandError("Give --first-year <= --last-year, both between 2000 and 2100.")
        result = synthesise(
            cases=options["cases"],
            contacts=options["contacts"],
            seed=options["seed"],
            years=range(options["first_year"], options["last_year"] + 1),
        )
        self.stdout.write(
            f"Synthetic data written: {result.cases} cases, {result.contacts} contacts"
        )
