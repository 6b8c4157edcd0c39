from django.core.management.base import BaseCommand, CommandError, CommandParser

from strehe.audit.selectors import verify_chain


class Command(BaseCommand):
    help = "Audit trail tools. `strehe audit verify` checks the hash chain of the whole log."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser("verify", help="Check that no entry was changed or removed.")

    def handle(self, *args: object, **options: object) -> None:
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"audit log: entry {report.first_bad_seq} {report.reason} "
                f"({report.checked} entries before it are intact)"
            )
        # The head hash, recorded somewhere else (a ticket, a printout), also reveals removal of
        # the newest entries, which no chain can show by itself.
        self.stdout.write(
            f"audit log intact: {report.checked} entries, head hash {report.head_hash}"
        )
