"""Writing checked HTCDS records (strehe.interchange.htcds) as persons, cases and decisions.

Fast and polite: rows are written in batches, each batch in its own transaction with ONE audit
entry, so the audit chain's lock (audit.services._lock_chain) is held for one batch at a time and
other staff keep working during a long import. On PostgreSQL a batch is written with COPY (see
_inserted), elsewhere with bulk_create; either way every value is prepared by its field's
get_db_prep_save, as save does, which is where the encrypted columns encrypt.

Imported persons have no name (the profile carries none): their lookup hash is a keyed hash of
the source and the record's id, so that they never match each other, nor anyone, by name.
"""

import datetime
import hashlib
import hmac
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone
from psycopg import sql

from strehe.accounts.models import Agency
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.cases.codes import EventKind
from strehe.cases.models import (
    AccessGrant,
    Case,
    CaseCodeCounter,
    ClosingReason,
    IdentificationDecision,
    Person,
    Stage,
    TimelineEntry,
    TraffickingEvent,
)

from .htcds import VictimRecord
from .models import ImportedRecord, ImportRun

BATCH_SIZE = 1000
CLOSING_REASON_OF_STATUS = {
    "Closed": ClosingReason.OTHER,
    "ClosedReferred": ClosingReason.TRANSFERRED,
}


@dataclass
class ImportResult:
    imported: int
    already_imported: int


def already_imported(source: str, refs: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(refs), BATCH_SIZE):
        chunk = refs[start : start + BATCH_SIZE]
        found |= set(
            ImportedRecord.objects.filter(source=source, external_id__in=chunk).values_list(
                "external_id", flat=True
            )
        )
    return found


def _codes_reserved(year: int, count: int) -> list[str]:
    """`count` consecutive case codes of `year`, taken under the counter's row lock at once."""
    CaseCodeCounter.objects.bulk_create([CaseCodeCounter(year=year)], ignore_conflicts=True)
    counter = CaseCodeCounter.objects.select_for_update().get(year=year)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    prefix = settings.STREHE_CASE_CODE_PREFIX
    return [f"{prefix}-{year}-{number:05d}" for number in range(first, first + count)]


def _imported_lookup_hash(source: str, ref: str) -> str:
    return hmac.new(
        settings.LOOKUP_HASH_KEY.encode("utf-8"),
        f"imported|{source}|{ref}".encode(),
        hashlib.sha256,
    ).hexdigest()


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _inserted(model: type[models.Model], objs: Iterable[models.Model]) -> None:
    """Insert new `objs` of `model` and give them their ids, as bulk_create does.

    On PostgreSQL through COPY, with the ids taken from the table's sequence first: the values
    are the ones bulk_create would send (each field's pre_save and get_db_prep_save, so the
    encrypted columns encrypt here as everywhere), without building an INSERT of thousands of
    parameters, which took a third of the import's time."""
    objs = list(objs)
    if not objs:
        return
    meta = model._meta
    fields = meta.concrete_fields
    # A value the database computes (db_default, a generated column) cannot travel by COPY.
    computed = any(field.db_default is not NOT_PROVIDED or field.generated for field in fields)
    if connection.vendor != "postgresql" or computed:
        model.objects.bulk_create(objs)  # type: ignore[attr-defined]
        return
    with connection.cursor() as cursor:
        # The connection itself, not django.db.connection, which looks it up on every use.
        database = cursor.db
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],  # type: ignore[union-attr]
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj._prepare_related_fields_for_save(operation_name="bulk_create")  # type: ignore[attr-defined]
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = database.alias
        copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(meta.db_table),
            sql.SQL(", ").join(sql.Identifier(field.column) for field in fields),
        )
        with cursor.cursor.copy(copy) as stream:
            for obj in objs:
                stream.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(obj, True), database)
                        for field in fields
                    ]
                )


def _write_batch(
    *, run: ImportRun, agency: Agency, source: str, batch: Sequence[VictimRecord]
) -> None:
    now = timezone.now()
    persons = [
        Person(
            given_name="",
            family_name="",
            birth_date=record.birth_date,
            estimated_age=None if record.birth_date else record.age_at_identification,
            age_estimated_on=(
                record.identification_date
                if record.birth_date is None and record.age_at_identification is not None
                else None
            ),
            sex=record.sex,
            citizenships=record.citizenships,
            lookup_hash=_imported_lookup_hash(source, record.case_ref),
            birth_date_hash=Person.birth_date_hash_for(record.birth_date),
        )
        for record in batch
    ]
    _inserted(Person, persons)
    codes: dict[int, list[str]] = {}
    for year in sorted({r.identification_date.year for r in batch}):
        count = sum(1 for r in batch if r.identification_date.year == year)
        codes[year] = _codes_reserved(year, count)
    cases = []
    for record, person in zip(batch, persons, strict=True):
        closing = CLOSING_REASON_OF_STATUS.get(record.case_status, "")
        opened = _start_of(record.identification_date)
        cases.append(
            Case(
                code=codes[record.identification_date.year].pop(0),
                person=person,
                owner_agency=agency,
                stage=Stage.CLOSED if closing else Stage.IDENTIFICATION,
                closing_reason=closing,
                closed_at=now if closing else None,
                forms_of_exploitation=record.exploitation,
                methods_of_control=record.control,
                opened_at=opened,
            )
        )
    _inserted(Case, cases)
    _inserted(
        IdentificationDecision,
        [
            IdentificationDecision(
                case=case,
                status=record.status,
                organisation_type=record.organisation_type,
                agency=agency,
                decided_on=record.identification_date,
                recorded_at=now,
            )
            for record, case in zip(batch, cases, strict=True)
        ],
    )
    _inserted(
        AccessGrant,
        [
            AccessGrant(case=case, basis=AccessGrant.Basis.OWNER, agency=agency, granted_at=now)
            for case in cases
        ],
    )
    # One timeline line per case for the whole act of importing it, decision included.
    timeline = [
        TimelineEntry(
            case=case,
            kind=TimelineEntry.Kind.OPENED,
            recorded_at=now,
            data={
                "imported_from": source[:100],
                "import": run.pk,
                "status": record.status,
                "organisation_type": record.organisation_type,
            },
        )
        for record, case in zip(batch, cases, strict=True)
    ]
    _inserted(TimelineEntry, timeline)
    _inserted(
        TraffickingEvent,
        [
            TraffickingEvent(
                case=case,
                kind=EventKind.EXPLOITATION,
                country=record.location_of_exploitation,
                place="",
                recorded_at=now,
            )
            for record, case in zip(batch, cases, strict=True)
            if record.location_of_exploitation
        ],
    )
    _inserted(
        ImportedRecord,
        [
            ImportedRecord(run=run, source=source, external_id=record.case_ref, case=case)
            for record, case in zip(batch, cases, strict=True)
        ],
    )


def import_records(
    *,
    records: Sequence[VictimRecord],
    agency: Agency,
    source: str,
    file_name: str,
    file_sha256: str,
    rows_read: int,
    rows_invalid: int,
    progress: Callable[[int], Any] = lambda advance: None,
) -> tuple[ImportRun, ImportResult]:
    """Import `records` not imported before from `source`, in batches; each batch commits with
    one audit entry ("created N cases of import run R"). `progress(n)` is told of every row."""
    with transaction.atomic():
        run = ImportRun.objects.create(
            source=source,
            file_name=file_name[:255],
            file_sha256=file_sha256,
            rows_read=rows_read,
            rows_invalid=rows_invalid,
        )
        audit_record(
            actor=None,
            action=AuditEntry.Action.CREATE,
            target=run,
            fields=["source", "file_name", "file_sha256"],
            detail={"rows_read": rows_read, "rows_invalid": rows_invalid},
        )
    known = already_imported(source, [record.case_ref for record in records])
    new = [record for record in records if record.case_ref not in known]
    progress(len(records) - len(new))
    for start in range(0, len(new), BATCH_SIZE):
        batch = new[start : start + BATCH_SIZE]
        with transaction.atomic():
            _write_batch(run=run, agency=agency, source=source, batch=batch)
            audit_record(
                actor=None,
                action=AuditEntry.Action.CREATE,
                target_type="cases.case",
                target_label=f"import-{run.pk} batch {start // BATCH_SIZE + 1}",
                fields=["person", "case", "identification_decision", "access_grant"],
                detail={"import_run": run.pk, "cases": len(batch), "owner_agency": agency.pk},
            )
        progress(len(batch))
    with transaction.atomic():
        run.rows_imported = len(new)
        run.rows_already_imported = len(known)
        run.finished_at = timezone.now()
        run.save(update_fields=["rows_imported", "rows_already_imported", "finished_at"])
    return run, ImportResult(imported=len(new), already_imported=len(known))
