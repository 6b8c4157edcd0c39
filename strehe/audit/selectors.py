"""Reading the audit trail."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry
from .services import GENESIS_HASH, entry_hash


def entries_for_record(*, record: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        target_type=record._meta.label_lower, target_id=str(record.pk)
    ).order_by("-seq")


def views_of_record(*, record: models.Model) -> QuerySet[AuditEntry]:
    """Who has seen this record, newest first."""
    return entries_for_record(record=record).filter(action=AuditEntry.Action.VIEW)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None
    reason: str
    head_hash: str

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def _entries() -> Iterator[AuditEntry]:
    return AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)


def verify_chain() -> ChainReport:
    """Walk the chain in order; report the first entry that was changed, or follows a removal."""
    previous_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in _entries():
        if entry.seq != expected_seq:
            return ChainReport(
                checked, entry.seq, f"entry {expected_seq} is missing", previous_hash
            )
        if entry.prev_hash != previous_hash:
            return ChainReport(
                checked, entry.seq, "does not follow the entry before it", previous_hash
            )
        if entry_hash(entry) != entry.hash:
            return ChainReport(checked, entry.seq, "was changed after it was written", entry.hash)
        previous_hash = entry.hash
        expected_seq += 1
        checked += 1
    return ChainReport(checked, None, "", previous_hash)
