"""Writes of call-backs: tasks on a helpline contact with a due date and an assignee; done and
reopened.

The contact counterpart of cases.services.followups. Each act checks the actor through the
contact policy (LOG_CONTACT on a contact they may see: the people who do the helpline's work)
and writes an audit entry naming the fields, never the note, in the same transaction.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .models import Contact, ContactFollowUp
from .policies import contact_policy

# Acting on a call-back is helpline work: the roles that log contacts, on contacts they see.
FOLLOW_UP_PERMISSION = Permission.LOG_CONTACT
FIELDS = ["due_on", "due_time", "assignee", "note"]
DONE_FIELDS = ["done_at", "done_by"]


def assignee_candidates(contact: Contact) -> Any:
    """Who a call-back on `contact` may be assigned to: those who may act on it."""
    return contact_policy.users_with_access(contact, FOLLOW_UP_PERMISSION).order_by("username")


@transaction.atomic
def contact_follow_up_add(
    *,
    actor: Any,
    contact: Contact,
    due_on: datetime.date,
    due_time: datetime.time | None = None,
    assignee: Any = None,
    note: str = "",
) -> ContactFollowUp:
    """Add a call-back to `contact`, due on `due_on` (a past day is allowed: it is recorded
    late), assigned to someone who may act on the contact, or to nobody yet."""
    contact_policy.require(actor, FOLLOW_UP_PERMISSION, contact)
    if not note.strip():
        raise ValidationError({"note": _("Say what is to be done.")})
    if assignee is not None and not assignee_candidates(contact).filter(pk=assignee.pk).exists():
        raise ValidationError({"assignee": _("Choose someone who may work on this contact.")})
    follow_up = ContactFollowUp(
        contact=contact,
        recorded_by=actor,
        due_on=due_on,
        due_time=due_time,
        assignee=assignee,
        note=note.strip(),
    )
    follow_up.full_clean()
    follow_up.save()
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, target=follow_up, fields=FIELDS)
    return follow_up


def _locked(follow_up: ContactFollowUp) -> ContactFollowUp:
    return ContactFollowUp.objects.select_for_update().get(pk=follow_up.pk)


@transaction.atomic
def contact_follow_up_done(*, actor: Any, follow_up: ContactFollowUp) -> ContactFollowUp:
    """Mark a call-back done, saying who and when. Done already: nothing changes."""
    contact_policy.require(actor, FOLLOW_UP_PERMISSION, follow_up.contact)
    follow_up = _locked(follow_up)
    if follow_up.is_done:
        return follow_up
    follow_up.done_at = timezone.now()
    follow_up.done_by = actor
    follow_up.save(update_fields=DONE_FIELDS)
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=follow_up, fields=DONE_FIELDS)
    return follow_up


@transaction.atomic
def contact_follow_up_reopen(*, actor: Any, follow_up: ContactFollowUp) -> ContactFollowUp:
    """Undo "done": the call-back is open again. Open already: nothing changes."""
    contact_policy.require(actor, FOLLOW_UP_PERMISSION, follow_up.contact)
    follow_up = _locked(follow_up)
    if not follow_up.is_done:
        return follow_up
    follow_up.done_at = None
    follow_up.done_by = None
    follow_up.save(update_fields=DONE_FIELDS)
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=follow_up, fields=DONE_FIELDS)
    return follow_up
