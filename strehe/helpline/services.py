"""Writes of the helpline app: logging a contact, screening the caller, and turning a contact
into a case (or linking it to one that exists).

contact_create is the single way a helpline contact is stored: the operators' form, the public
anonymous form and the API all call it, so the same checks apply whatever the entry point. Every
service here checks the actor itself (helpline.policies, cases.policies).
"""

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import User
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.cases.models import Case, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services import case_open, case_records_attach, persons_distinguish
from strehe.directory.models import Municipality
from strehe.screening.models import Screening
from strehe.screening.services import screening_record

from .models import AgeGroup, Contact, Outcome, Sex
from .phones import PHONE_ERROR, NotAPhoneNumber, normalised_phone
from .policies import contact_policy

# The field names a creation entry lists (never their values: a summary may identify the caller).
CONTACT_AUDITED_FIELDS = (
    "channel",
    "language",
    "caller_type",
    "topic",
    "outcome",
    "summary",
    "advice_and_referrals",
    "duration_minutes",
    "municipality",
    "caller_phone",
)


def contact_create(
    *,
    actor: User | None,
    channel: str,
    language: str,
    caller_type: str,
    topic: str,
    outcome: str,
    summary: str = "",
    advice_and_referrals: str = "",
    anonymous: bool = True,
    contacted_at: datetime | None = None,
    within_opening_hours: bool | None = None,
    opening_hours_check: Callable[[datetime], bool] | None = None,
    duration_minutes: int | None = None,
    caller_age_group: str = AgeGroup.UNKNOWN,
    caller_sex: str = Sex.UNKNOWN,
    municipality: Municipality | None = None,
    caller_phone: str = "",
) -> Contact:
    """Validate and store one helpline contact; raise ValidationError and store nothing if bad.

    A contact logged by staff belongs to the actor's agency; `actor` None is the public form,
    whose contacts belong to no agency and are always anonymous.

    `within_opening_hours` is stored as given. When it is None and `opening_hours_check` is
    given (the directory's opening-hours engine), the check decides from the contact time;
    when neither is given the answer is stored as unknown (NULL).

    `caller_phone` is taken as typed and stored in its normalised international form, encrypted,
    with its keyed hash (helpline.phones), which is how later contacts from the number are found.
    """
    if actor is not None and (
        not actor.has_role_permission(Permission.LOG_CONTACT) or actor.agency_id is None
    ):
        raise PermissionDenied
    when = contacted_at or timezone.now()
    phone = caller_phone.strip()
    if phone:
        try:
            phone = normalised_phone(phone)
        except NotAPhoneNumber:
            raise ValidationError({"caller_phone": PHONE_ERROR}) from None
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
        duration_minutes=duration_minutes,
        caller_age_group=caller_age_group,
        caller_sex=caller_sex,
        municipality=municipality,
        caller_phone=phone or None,
        recorded_by=actor,
        owner_agency_id=actor.agency_id if actor is not None else None,
    )
    contact.full_clean()
    with transaction.atomic():
        contact.save()
        filled = [name for name in CONTACT_AUDITED_FIELDS if getattr(contact, name)]
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, target=contact, fields=filled)
    return contact


@transaction.atomic
def contact_viewed(*, actor: User, contact: Contact) -> None:
    """Record that `actor` read a contact: its summary may identify the caller."""
    contact_policy.require(actor, Permission.VIEW_PERSONAL_DATA, contact)
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=contact)


@transaction.atomic
def contact_number_searched(*, actor: User, contacts: list[Contact]) -> None:
    """Record that `actor` searched the contacts by a caller's number and which they were shown:
    whether a number called is itself a fact about a person. Never the number."""
    if not contact_policy.may_list(actor):
        raise PermissionDenied
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        target_type="helpline.contact",
        target_label="contact search by phone number",
        detail={
            "search": "caller phone",
            "results": len(contacts),
            "contacts": " ".join(str(contact.pk) for contact in contacts),
        },
    )


@transaction.atomic
def contact_screen(*, actor: User, contact: Contact, data: Mapping[str, Any]) -> Screening:
    """Screen the caller of `contact` against the legal definition and the ILO indicators."""
    contact_policy.require(actor, Permission.SCREEN, contact)
    return screening_record(actor=actor, data=data, contact=contact)


def _contact_for_case(actor: User, contact: Contact) -> Contact:
    """The contact, locked, once the actor may turn it into casework; refuse a second case."""
    contact_policy.require(actor, Permission.OPEN_CASE, contact)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.case_id is not None:
        raise ValidationError(_("This contact already belongs to a case."))
    return contact


def _attach(actor: User, case: Case, contact: Contact, screening: Screening | None) -> None:
    if screening is not None and screening.contact_id != contact.pk:
        raise ValidationError(_("This screening was not done on this contact."))
    records: list[tuple[Any, str]] = [(contact, TimelineEntry.Kind.CONTACT)]
    if screening is not None:
        records.append((screening, TimelineEntry.Kind.SCREENING))
    case_records_attach(actor=actor, case=case, records=records)
    # The contact log then says what came of the call without anyone editing it.
    contact.refresh_from_db(fields=["case"])
    if contact.outcome != Outcome.CASE_OPENED:
        contact.outcome = Outcome.CASE_OPENED
        contact.save(update_fields=["outcome"])


@transaction.atomic
def contact_open_case(
    *,
    actor: User,
    contact: Contact,
    screening: Screening | None,
    different_from: Iterable[str] = (),
    **person: Any,
) -> Case:
    """Open a case for the actor's agency from a contact (and its screening), linking both.

    `person` takes case_open's fields (names, birth date, sharing with consent...). The contact
    is locked, so two submissions at once open one case and the second is told so.
    `different_from`: codes of the possible duplicates the user confirmed to be other people;
    that is remembered for each such case the user may see (persons_distinguish), so they
    are not shown as possible duplicates of the new case again.
    """
    contact = _contact_for_case(actor, contact)
    if actor.agency is None:
        raise PermissionDenied
    case = case_open(actor=actor, owner_agency=actor.agency, **person)
    _attach(actor, case, contact, screening)
    # Only the cases the user may see: of the others they were shown the code alone.
    for other in case_policy.visible_to(actor).filter(code__in=sorted(set(different_from))):
        persons_distinguish(actor=actor, case=case, other=other)
    return case


@transaction.atomic
def contact_link_to_case(
    *, actor: User, contact: Contact, screening: Screening | None, case: Case
) -> Case:
    """Link a contact and its screening to an existing case instead of opening a duplicate."""
    contact = _contact_for_case(actor, contact)
    case_policy.require(actor, Permission.OPEN_CASE, case)
    _attach(actor, case, contact, screening)
    return case
