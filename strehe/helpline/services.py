"""Writes of the helpline app.

contact_create is the single way a helpline contact is stored: the operators' form, the public
anonymous form and the API all call it, so the same checks apply whatever the entry point.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from strehe.accounts.models import User
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .models import Contact

# The field names a creation entry lists (never their values: a summary may identify the caller).
CONTACT_AUDITED_FIELDS = (
    "channel",
    "language",
    "caller_type",
    "topic",
    "outcome",
    "summary",
    "advice_and_referrals",
)


def contact_create(
    *,
    channel: str,
    language: str,
    caller_type: str,
    topic: str,
    outcome: str,
    summary: str = "",
    advice_and_referrals: str = "",
    anonymous: bool = True,
    recorded_by: User | None = None,
    contacted_at: datetime | None = None,
    within_opening_hours: bool | None = None,
    opening_hours_check: Callable[[datetime], bool] | None = None,
) -> Contact:
    """Validate and store one helpline contact; raise ValidationError and store nothing if bad.

    `within_opening_hours` is stored as given. When it is None and `opening_hours_check` is
    given (the directory's opening-hours engine), the check decides from the contact time;
    when neither is given the answer is stored as unknown (NULL).
    """
    when = contacted_at or timezone.now()
    if within_opening_hours is None and opening_hours_check is not None:
        within_opening_hours = opening_hours_check(when)
    contact = Contact(
        contacted_at=when,
        channel=channel,
        language=language,
        caller_type=caller_type,
        topic=topic,
        summary=summary.strip(),
        outcome=outcome,
        advice_and_referrals=advice_and_referrals.strip(),
        within_opening_hours=within_opening_hours,
        anonymous=anonymous,
        recorded_by=recorded_by,
    )
    contact.full_clean()
    with transaction.atomic():
        contact.save()
        filled = [name for name in CONTACT_AUDITED_FIELDS if getattr(contact, name)]
        audit_record(
            actor=recorded_by, action=AuditEntry.Action.CREATE, target=contact, fields=filled
        )
    return contact


@transaction.atomic
def contact_viewed(*, actor: User, contact: Contact, request: HttpRequest | None = None) -> None:
    """Record that `actor` read a contact: its summary may identify the caller."""
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=contact, request=request)
