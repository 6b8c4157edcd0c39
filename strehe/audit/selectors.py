"""Reading the audit trail."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import models
from django.db.models import QuerySet

from .checkpoint import Checkpoint
from .models import AuditEntry
from .services import GENESIS_HASH, entry_hash


def entries_for_record(*, record: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        target_type=record._meta.label_lower, target_id=str(record.pk)
    ).order_by("-seq")


def views_of_record(*, record: models.Model) -> QuerySet[AuditEntry]:
    """Who has seen this record, newest first."""
    return entries_for_record(record=record).filter(action=AuditEntry.Action.VIEW)


@dataclass
class ChainReport:
    """What `strehe audit verify` found: every problem, each a plain sentence."""

    checked: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _entries() -> Iterator[AuditEntry]:
    return AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"Entry {first} is missing"
    return f"Entries {first} to {last} are missing"


def verify_chain(
    checkpoint: Checkpoint | None = None, *, checkpoint_name: str = "the checkpoint"
) -> ChainReport:
    """Walk the whole chain in order and report every entry that was changed, removed or put out
    of order; then compare its end with `checkpoint`, which reveals removal of the newest entries
    or of the whole log. `checkpoint_name` says where the checkpoint came from, for the report.
    """
    report = ChainReport()
    previous_seq = 0
    previous_hash = GENESIS_HASH
    hash_at_checkpoint: str | None = None
    for entry in _entries():
        if entry.seq != previous_seq + 1:
            gap = _missing(previous_seq + 1, entry.seq - 1)
            if previous_seq == 0:
                report.problems.append(f"{gap}: the log starts at entry {entry.seq}.")
            else:
                report.problems.append(f"{gap}: entry {entry.seq} follows entry {previous_seq}.")
        elif entry.prev_hash != previous_hash:
            # An entry removed and its successors renumbered, or entries swapped or forged.
            before = f"entry {previous_seq}" if previous_seq else "the start of the log"
            report.problems.append(
                f"Entry {entry.seq} does not follow {before}: it was chained to another entry."
            )
        if entry_hash(entry) != entry.hash:
            report.problems.append(f"Entry {entry.seq} was changed after it was written.")
        if checkpoint is not None and entry.seq == checkpoint.seq:
            hash_at_checkpoint = entry.hash
        previous_seq, previous_hash = entry.seq, entry.hash
        report.checked += 1
    report.head_seq, report.head_hash = previous_seq, previous_hash
    if checkpoint is not None:
        report.problems += _against_checkpoint(
            report, checkpoint, hash_at_checkpoint, checkpoint_name
        )
    return report


def _against_checkpoint(
    report: ChainReport, checkpoint: Checkpoint, hash_there: str | None, name: str
) -> list[str]:
    recorded = f"{name} records {checkpoint.count} entries, up to entry {checkpoint.seq}"
    if checkpoint.seq == 0:
        return []
    if report.checked == 0:
        return [f"The log is empty, but {recorded}."]
    if report.head_seq < checkpoint.seq:
        return [f"The log ends at entry {report.head_seq}, but {recorded}."]
    if hash_there is None:
        return [f"Entry {checkpoint.seq} is not in the log, but {recorded}."]
    if hash_there != checkpoint.head_hash:
        return [
            f"Entry {checkpoint.seq} is not the one {name} records: the log was rewritten up to "
            "there."
        ]
    return []
