"""What every act on a case writes: one timeline line and one audit entry, together.

Call inside the transaction of the act, after its checks, so that a refused act leaves neither.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import Case, TimelineEntry


def act_recorded(
    *,
    actor: Any,
    case: Case,
    kind: str,
    target: models.Model | None = None,
    action: str = AuditEntry.Action.CHANGE,
    fields: Iterable[str] = (),
    data: dict[str, Any] | None = None,
    note: str = "",
) -> TimelineEntry:
    """Append the timeline line of an act on `case` and its audit entry about `target`.

    `data` holds codes and ids only; free text that may identify someone goes to `note`, which is
    encrypted. The audit entry names `fields`, never their values.
    """
    entry = TimelineEntry(
        case=case, kind=kind, recorded_by=actor, data=data or {}, note=note or None
    )
    # The model's bounds (length, invisible characters) hold for every caller, not only forms.
    entry.full_clean()
    entry.save()
    audit_record(actor=actor, action=action, target=target or case, fields=fields)
    return entry


def field_errors_renamed(error: ValidationError, names: dict[str, str]) -> ValidationError:
    """A model's ValidationError with its fields named as the caller's form names them."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {names.get(field, field): messages for field, messages in error.message_dict.items()}
    )


def created(actor: Any, record: models.Model, fields: Iterable[str]) -> None:
    """The audit entry of a record created by an act (its timeline line is the act's)."""
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, target=record, fields=sorted(fields))


def locked(case: Case) -> Case:
    """The case row, locked until the transaction ends; call inside transaction.atomic."""
    return Case.objects.select_for_update().select_related("person").get(pk=case.pk)
