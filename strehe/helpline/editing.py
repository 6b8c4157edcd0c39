"""Correcting a logged helpline contact: a wrong topic or outcome, a summary written in haste.

A contact has no timeline of its own: the audit entry names the fields that changed (never
their values), and when the contact is part of a case, the case's timeline says that the
contact was corrected and which fields, in the same transaction.
"""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.cases.services import linked_record_corrected

from .models import Contact
from .policies import contact_policy

CONTACT_CORRECTABLE_FIELDS = (
    "channel",
    "language",
    "caller_type",
    "topic",
    "outcome",
    "summary",
    "advice_and_referrals",
)


@transaction.atomic
def contact_correct(*, actor: Any, contact: Contact, changes: Mapping[str, Any]) -> list[str]:
    """Correct fields of a contact the actor's agency logged; returns the fields that changed.

    Only a role that logs contacts corrects them (the national view reads them only). Bad input
    raises ValidationError naming the field, and nothing is saved.
    """
    unknown = set(changes) - set(CONTACT_CORRECTABLE_FIELDS)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    contact_policy.require(actor, Permission.LOG_CONTACT, contact)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    changed = []
    for name in CONTACT_CORRECTABLE_FIELDS:
        if name not in changes:
            continue
        value = changes[name]
        value = value.strip() if isinstance(value, str) else value
        if getattr(contact, name) != value:
            setattr(contact, name, value)
            changed.append(name)
    if not changed:
        return []
    contact.full_clean()
    contact.save(update_fields=changed)
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=contact, fields=changed)
    if contact.case_id is not None:
        linked_record_corrected(
            actor=actor,
            case=contact.case,  # type: ignore[arg-type]
            record="contact",
            record_id=contact.pk,
            fields=changed,
        )
    return changed
