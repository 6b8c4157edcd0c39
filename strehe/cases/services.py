"""Writes on cases. Each runs in one transaction together with its audit entries."""

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from strehe.accounts.models import Agency
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .models import Case, CaseCodeCounter, Person

CASE_UPDATABLE_FIELDS = frozenset({"stage", "narrative", "assigned_worker"})
PERSON_UPDATABLE_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "birth_date",
        "identity_number",
        "phone",
        "address",
        "sex",
        "citizenship",
    }
)


def case_code_next(*, year: int) -> str:
    """Take the next case code of `year`, such as KS-2026-00042. Call inside a transaction.

    The counter row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction
    holds the write lock), so two concurrent openings never get the same number. The row of a new
    year is inserted with ON CONFLICT DO NOTHING first, so its creation cannot race either.
    """
    CaseCodeCounter.objects.bulk_create([CaseCodeCounter(year=year)], ignore_conflicts=True)
    counter = CaseCodeCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{settings.STREHE_CASE_CODE_PREFIX}-{year}-{counter.last_number:05d}"


@transaction.atomic
def case_open(
    *,
    actor: Any,
    owner_agency: Agency,
    given_name: str,
    family_name: str,
    birth_date: datetime.date | None = None,
    identity_number: str = "",
    phone: str = "",
    address: str = "",
    sex: str = Person.Sex.UNKNOWN,
    citizenship: str = "",
    stage: str = Case.Stage.SCREENING,
    narrative: str = "",
    assigned_worker: Any = None,
    request: HttpRequest | None = None,
) -> Case:
    """Open a case about a new person; the audit trail gets the names of the fields filled."""
    person = Person(
        given_name=given_name,
        family_name=family_name,
        birth_date=birth_date,
        identity_number=identity_number or None,
        phone=phone or None,
        address=address or None,
        sex=sex,
        citizenship=citizenship,
    )
    person.full_clean(exclude=["lookup_hash"])
    person.save()
    case = Case(
        code=case_code_next(year=timezone.localdate().year),
        person=person,
        owner_agency=owner_agency,
        assigned_worker=assigned_worker,
        stage=stage,
        narrative=narrative or None,
        opened_by=actor,
    )
    case.full_clean(exclude=["code"])
    case.save()
    filled_person = [name for name in PERSON_UPDATABLE_FIELDS if getattr(person, name)]
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        target=person,
        fields=filled_person,
        request=request,
    )
    filled_case = ["code", "person", "owner_agency", "stage"]
    filled_case += [name for name in ("narrative", "assigned_worker") if getattr(case, name)]
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        target=case,
        fields=filled_case,
        request=request,
    )
    return case


@transaction.atomic
def case_update(
    *, actor: Any, case: Case, changes: dict[str, Any], request: HttpRequest | None = None
) -> list[str]:
    """Change fields of a case and its person; record the names of the fields that changed.

    Values never reach the audit trail, so an encrypted field stays encrypted everywhere.
    """
    unknown = set(changes) - CASE_UPDATABLE_FIELDS - PERSON_UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    case = Case.objects.select_for_update().select_related("person").get(pk=case.pk)
    changed: list[str] = []
    for name, value in changes.items():
        record = case if name in CASE_UPDATABLE_FIELDS else case.person
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    person_changed = [name for name in changed if name in PERSON_UPDATABLE_FIELDS]
    case_changed = [name for name in changed if name in CASE_UPDATABLE_FIELDS]
    if person_changed:
        case.person.full_clean(exclude=["lookup_hash"])
        case.person.save(update_fields=person_changed)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CHANGE,
            target=case.person,
            fields=person_changed,
            request=request,
        )
    if case_changed:
        case.full_clean(exclude=["code"])
        case.save(update_fields=case_changed)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CHANGE,
            target=case,
            fields=case_changed,
            request=request,
        )
    return changed


@transaction.atomic
def case_viewed(*, actor: Any, case: Case, request: HttpRequest | None = None) -> None:
    """Record that `actor` saw the personal data of `case` (detail page, API detail)."""
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=case, request=request)
