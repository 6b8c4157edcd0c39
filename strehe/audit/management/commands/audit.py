"""`strehe audit verify` checks the whole log against its hash chain and its last checkpoint;
`strehe audit checkpoint` (or `verify --write-checkpoint`) records a new checkpoint."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from strehe.audit.checkpoint import (
    Checkpoint,
    CheckpointUnreadable,
    checkpoint_path,
    checkpoint_read,
    checkpoint_write,
)
from strehe.audit.selectors import ChainReport, verify_chain


class Command(BaseCommand):
    help = (
        "Audit trail tools. `verify` checks the hash chain of the whole log and compares its end "
        "with the last checkpoint; `checkpoint` verifies, then records the head as the new "
        "checkpoint (STREHE_AUDIT_CHECKPOINT, default var/audit_checkpoint)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        verify = subcommands.add_parser(
            "verify", help="Check that no entry was changed or removed; report every problem."
        )
        verify.add_argument(
            "--write-checkpoint",
            action="store_true",
            help="When the log verifies, record its head as the new checkpoint.",
        )
        subcommands.add_parser(
            "checkpoint", help="Verify, then record the head of the log as the new checkpoint."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = checkpoint_path()
        try:
            checkpoint = checkpoint_read(path)
        except CheckpointUnreadable as error:
            raise CommandError(str(error)) from None
        name = checkpoint.describe(path) if checkpoint else ""
        report = verify_chain(checkpoint, checkpoint_name=name)
        if not report.ok:
            problems = "\n".join(f"- {problem}" for problem in report.problems)
            count = len(report.problems)
            raise CommandError(
                f"audit log: {count} problem{'s' if count != 1 else ''} found "
                f"({report.checked} entries checked):\n{problems}"
            )
        self.stdout.write(
            f"audit log intact: {report.checked} entries, head hash {report.head_hash}"
        )
        write = options["subcommand"] == "checkpoint" or options.get("write_checkpoint")
        if write:
            self._write(path, report)
        elif checkpoint is None:
            self.stderr.write(
                f"No checkpoint at {path} yet: removal of the newest entries would go unseen. "
                "Record one with `strehe audit checkpoint`."
            )
        else:
            self.stdout.write(f"It reaches {name}.")

    def _write(self, path: Path, report: ChainReport) -> Checkpoint:
        written = checkpoint_write(
            path, seq=report.head_seq, head_hash=report.head_hash, count=report.checked
        )
        self.stdout.write(
            f"Checkpoint written to {path}: {written.count} entries, up to entry {written.seq}. "
            "Keep a copy off this machine too."
        )
        return written
