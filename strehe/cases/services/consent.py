"""The person's consents: recording, withdrawing, and the rule that acts need them.

Withdrawing a consent ends, in the same transaction, every access grant that rests on it.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry

from ..models import AccessGrant, Case, Consent, ConsentOverride, ConsentScope, TimelineEntry
from ..policies import case_policy
from ._acts import act_recorded, field_errors_renamed
from ._grants import grants_end


@transaction.atomic
def consent_record(
    *,
    actor: Any,
    case: Case,
    scope: str,
    given_on: datetime.date | None = None,
    agency: Agency | None = None,
) -> Consent:
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    return consent_create(actor=actor, case=case, scope=scope, given_on=given_on, agency=agency)


def consent_create(
    *,
    actor: Any,
    case: Case,
    scope: str,
    given_on: datetime.date | None = None,
    agency: Agency | None = None,
) -> Consent:
    """Store a consent with its timeline line and audit entry; the caller checked the actor."""
    given_on = given_on or timezone.localdate()
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("Consent cannot be dated in the future.")})
    if scope == ConsentScope.SHARING and agency is None:
        raise ValidationError({"agency": _("Name the agency the person agreed to share with.")})
    if scope != ConsentScope.SHARING:
        agency = None
    if consent_in_force(case=case, scope=scope, agency=agency, on=given_on):
        # One consent in force per scope (and agency): what a withdrawal ends is then clear.
        raise ValidationError(
            {"scope": _("This consent is already recorded and in force; nothing to add.")}
        )
    consent = Consent(case=case, recorded_by=actor, scope=scope, agency=agency, given_on=given_on)
    consent.full_clean()
    consent.save()
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.CONSENT,
        target=consent,
        action=AuditEntry.Action.CREATE,
        fields=["scope", "agency", "given_on"],
        data={"scope": scope, "agency": agency.pk if agency else None},
    )
    return consent


@transaction.atomic
def consent_withdraw(
    *, actor: Any, consent: Consent, withdrawn_on: datetime.date | None = None
) -> Consent:
    """Record that the person withdrew a consent, and end every grant that rested on it."""
    case_policy.require(actor, Permission.MANAGE_CASE, consent.case)
    consent = Consent.objects.select_for_update().select_related("case").get(pk=consent.pk)
    withdrawn_on = withdrawn_on or timezone.localdate()
    if consent.withdrawn_on is not None:
        raise ValidationError({"withdrawn_on": _("This consent was already withdrawn.")})
    if withdrawn_on < consent.given_on:
        raise ValidationError(
            {"withdrawn_on": _("Consent cannot be withdrawn before it was given.")}
        )
    if withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("A withdrawal cannot be dated in the future.")})
    consent.withdrawn_on = withdrawn_on
    consent.save(update_fields=["withdrawn_on"])
    act_recorded(
        actor=actor,
        case=consent.case,
        kind=TimelineEntry.Kind.CONSENT_WITHDRAWN,
        target=consent,
        fields=["withdrawn_on"],
        data={"scope": consent.scope, "agency": consent.agency_id},
    )
    grants_end(
        actor=actor,
        grants=AccessGrant.objects.filter(consent=consent),
        cause=AccessGrant.EndCause.CONSENT_WITHDRAWN,
    )
    return consent


def consent_in_force_for(
    *, case: Case, scope: str, agency: Agency | None = None, on: datetime.date | None = None
) -> Consent | None:
    """The person's consent for `scope` (with `agency`, for sharing) that holds on `on`."""
    on = on or timezone.localdate()
    consents = Consent.objects.filter(case=case, scope=scope).order_by("-given_on", "-pk")
    if scope == ConsentScope.SHARING:
        consents = consents.filter(agency=agency)
    return next((consent for consent in consents if consent.is_in_force_on(on)), None)


def consent_in_force(
    *, case: Case, scope: str, agency: Agency | None = None, on: datetime.date | None = None
) -> bool:
    return consent_in_force_for(case=case, scope=scope, agency=agency, on=on) is not None


def consent_required(
    *,
    actor: Any,
    case: Case,
    scope: str,
    action: str,
    agency: Agency | None = None,
    override_reason: str = "",
) -> Consent | ConsentOverride:
    """The consent an act rests on, or the override that lets it go ahead without one.

    Only a user whose role has OVERRIDE_CONSENT may go ahead without consent, and only by giving
    a reason; the override is kept, put on the timeline and audited. Call inside the transaction
    of the act, so that a refused act leaves nothing behind.
    """
    consent = consent_in_force_for(case=case, scope=scope, agency=agency)
    if consent is not None:
        return consent
    if not actor.has_role_permission(Permission.OVERRIDE_CONSENT):
        raise ValidationError(
            {
                "override_reason": _(
                    "The person has not consented to this. Record their consent first "
                    "(Consents, on the case page)."
                )
            }
        )
    if not override_reason.strip():
        raise ValidationError(
            {
                "override_reason": _(
                    "The person has not consented to this. To go ahead anyway, give the reason."
                )
            }
        )
    override = ConsentOverride(
        case=case,
        recorded_by=actor,
        scope=scope,
        agency=agency,
        action=action,
        reason=override_reason.strip(),
    )
    try:
        override.full_clean()
    except ValidationError as error:
        raise field_errors_renamed(error, {"reason": "override_reason"}) from None
    override.save()
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.CONSENT_OVERRIDE,
        target=override,
        action=AuditEntry.Action.CREATE,
        fields=["scope", "agency", "action", "reason"],
        data={"scope": scope, "action": action, "agency": agency.pk if agency else None},
        note=override_reason.strip(),
    )
    return override
