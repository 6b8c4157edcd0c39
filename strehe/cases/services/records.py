"""The case's own record: its fields and its person's, notes, trafficking events, and reads."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import Case, TimelineEntry, TraffickingEvent
from ..policies import case_policy
from ._acts import act_recorded, field_errors_renamed, locked
from .access import assignment_change

CASE_UPDATABLE_FIELDS = frozenset(
    {"narrative", "assigned_worker", "forms_of_exploitation", "methods_of_control"}
)
PERSON_UPDATABLE_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "birth_date",
        "estimated_age",
        "identity_number",
        "phone",
        "address",
        "sex",
        "citizenships",
        "languages",
    }
)


@transaction.atomic
def case_update(*, actor: Any, case: Case, changes: dict[str, Any]) -> list[str]:
    """Change fields of a case and its person; record the names of the fields that changed.

    Values never reach the audit trail, so an encrypted field stays encrypted everywhere. The
    stage is not among the fields: it moves only through case_move_stage and its rules. A new
    assigned worker ends the previous one's grant and gets one of their own.
    """
    unknown = set(changes) - CASE_UPDATABLE_FIELDS - PERSON_UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    case = locked(case)
    changed: list[str] = []
    for name, value in changes.items():
        record = case if name in CASE_UPDATABLE_FIELDS else case.person
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    person_changed = [name for name in changed if name in PERSON_UPDATABLE_FIELDS]
    case_changed = [name for name in changed if name in CASE_UPDATABLE_FIELDS]
    if person_changed:
        case.person.full_clean(exclude=["lookup_hash", "birth_date_hash"])
        case.person.save(update_fields=person_changed)
        audit_record(
            actor=actor, action=AuditEntry.Action.CHANGE, target=case.person, fields=person_changed
        )
    if case_changed:
        case.full_clean(exclude=["code"])
        case.save(update_fields=case_changed)
        audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=case, fields=case_changed)
    if "assigned_worker" in case_changed:
        assignment_change(actor=actor, case=case, worker=case.assigned_worker)
    return changed


@transaction.atomic
def case_viewed(*, actor: Any, case: Case) -> None:
    """Record that `actor` saw the personal data of `case` (detail page, API detail)."""
    case_policy.require(actor, Permission.VIEW_PERSONAL_DATA, case)
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=case)


@transaction.atomic
def case_note_add(*, actor: Any, case: Case, text: str) -> TimelineEntry:
    case_policy.require(actor, Permission.KEEP_NOTES, case)
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    try:
        return act_recorded(
            actor=actor,
            case=case,
            kind=TimelineEntry.Kind.NOTE,
            action=AuditEntry.Action.CREATE,
            fields=["note"],
            note=text.strip(),
        )
    except ValidationError as error:
        raise field_errors_renamed(error, {"note": "text"}) from None


@transaction.atomic
def trafficking_event_add(
    *,
    actor: Any,
    case: Case,
    kind: str,
    country: str,
    place: str = "",
    started_on: datetime.date | None = None,
    ended_on: datetime.date | None = None,
) -> TraffickingEvent:
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    event = TraffickingEvent(
        case=case,
        recorded_by=actor,
        kind=kind,
        country=country.upper(),
        place=place.strip(),
        started_on=started_on,
        ended_on=ended_on,
    )
    event.full_clean()
    event.save()
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.EVENT,
        target=event,
        action=AuditEntry.Action.CREATE,
        fields=["kind", "country", "place", "started_on", "ended_on"],
        data={"kind": kind, "country": event.country},
    )
    return event
