"""Writes of referrals: send, accept, decline, complete, revoke.

Each runs in one transaction, checks its actor itself (referral_policy, case_policy) and raises
PermissionDenied before writing anything when the actor is not the party who may take the step;
a step the referral's state does not allow is a ValidationError. Each writes a timeline line on
the case and an audit entry (cases.services._acts.act_recorded). The access grant of a referral
starts at acceptance and ends with completion or revocation, in the same transaction.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.cases.models import (
    AccessGrant,
    Case,
    CasePart,
    Consent,
    ConsentScope,
    Stage,
    TimelineEntry,
)
from strehe.cases.policies import case_policy
from strehe.cases.services import consent_required
from strehe.cases.services._acts import act_recorded, locked
from strehe.cases.services._grants import grant_start, grants_end
from strehe.directory.models import Service

from .models import Referral, Urgency, answer_hours
from .policies import referral_policy

State = Referral.State


def _recorded(*, actor: Any, referral: Referral, event: str, fields: list[str], **kw: Any) -> None:
    """The timeline line and audit entry of one step of `referral`."""
    act_recorded(
        actor=actor,
        case=referral.case,
        kind=TimelineEntry.Kind.REFERRAL,
        target=referral,
        fields=fields,
        data={"referral": referral.pk, "event": event, "agency": referral.receiving_agency_id},
        **kw,
    )


def _locked(referral: Referral) -> Referral:
    return Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)


def receiving_agency_of(service: Service) -> Agency | None:
    """The agency (an organisation with staff in the system) that offers `service`."""
    return Agency.objects.filter(organisation_id=service.organisation_id, is_active=True).first()


@transaction.atomic
def referral_send(
    *,
    actor: Any,
    case: Case,
    service: Service,
    reason: str,
    urgency: str,
    parts: list[str],
    override_reason: str = "",
) -> Referral:
    """Refer `case` to `service`, sharing `parts` (CasePart codes) once accepted.

    Needs the person's consent to share with the receiving agency, or the audited override by a
    role that may give one (cases.services.consent_required)."""
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    if actor.agency_id is None:
        raise PermissionDenied
    case = locked(case)
    if case.stage == Stage.CLOSED:
        raise ValidationError({"service": _("A closed case cannot be referred.")})
    agency = receiving_agency_of(service)
    if agency is None:
        raise ValidationError(
            {"service": _("This service's organisation has no staff in the system.")}
        )
    if agency.pk == actor.agency_id:
        raise ValidationError({"service": _("Choose a service of another agency.")})
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": _("Choose an urgency.")})
    unknown = set(parts) - set(CasePart.values)
    if unknown:
        raise ValidationError({"parts": _("Unknown part of a case.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the case is referred.")})
    if Referral.objects.filter(
        case=case, receiving_agency=agency, state__in=Referral.OPEN_STATES
    ).exists():
        raise ValidationError(
            {"service": _("The case is already referred to this agency and not yet ended.")}
        )
    basis = consent_required(
        actor=actor,
        case=case,
        scope=ConsentScope.SHARING,
        agency=agency,
        action="refer",
        override_reason=override_reason,
    )
    now = timezone.now()
    referral = Referral(
        case=case,
        sending_agency_id=actor.agency_id,
        receiving_agency=agency,
        service=service,
        reason=reason.strip(),
        urgency=urgency,
        sent_by=actor,
        sent_at=now,
        answer_due_at=now + datetime.timedelta(hours=answer_hours(urgency)),
        **{f"share_{part}": part in parts for part in Referral.PARTS},
    )
    if isinstance(basis, Consent):
        referral.consent = basis
    else:
        referral.override = basis
    referral.full_clean()
    referral.save()
    _recorded(
        actor=actor,
        referral=referral,
        event="sent",
        action=AuditEntry.Action.CREATE,
        fields=["receiving_agency", "service", "reason", "urgency", "parts"],
    )
    return referral


@transaction.atomic
def referral_accept(*, actor: Any, referral: Referral) -> Referral:
    """The receiving agency takes the referral: its staff see the shared parts of the case."""
    referral = _locked(referral)
    if not referral_policy.may_answer(actor, referral):
        raise PermissionDenied
    if referral.state != State.SENT:
        raise ValidationError(
            {"referral": _("Only a referral waiting for an answer can be accepted.")}
        )
    if referral.consent is not None and not referral.consent.is_in_force_on(timezone.localdate()):
        raise ValidationError(
            {"referral": _("The person has withdrawn their consent to this sharing.")}
        )
    referral.grant = grant_start(
        actor=actor,
        case=referral.case,
        basis=AccessGrant.Basis.REFERRAL,
        agency=referral.receiving_agency,
        consent=referral.consent,
        override=referral.override,
        parts=referral.parts,
    )
    referral.state = State.ACCEPTED
    referral.answered_by = actor
    referral.answered_at = timezone.now()
    referral.save(update_fields=["grant", "state", "answered_by", "answered_at"])
    _recorded(
        actor=actor,
        referral=referral,
        event="accepted",
        fields=["state", "answered_by", "answered_at", "grant"],
    )
    return referral


@transaction.atomic
def referral_decline(*, actor: Any, referral: Referral, reason: str) -> Referral:
    """The receiving agency says no, and why; it never had access and gets none."""
    referral = _locked(referral)
    if not referral_policy.may_answer(actor, referral):
        raise PermissionDenied
    if referral.state != State.SENT:
        raise ValidationError(
            {"referral": _("Only a referral waiting for an answer can be declined.")}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the referral is declined.")})
    referral.state = State.DECLINED
    referral.answered_by = actor
    referral.answered_at = timezone.now()
    referral.decline_reason = reason.strip()
    referral.full_clean()
    referral.save(update_fields=["state", "answered_by", "answered_at", "decline_reason"])
    _recorded(
        actor=actor,
        referral=referral,
        event="declined",
        fields=["state", "answered_by", "answered_at", "decline_reason"],
        note=reason.strip(),
    )
    return referral


def _end(*, actor: Any, referral: Referral, state: str, cause: str, note: str = "") -> None:
    """End the referral and its grant, if it has one in force."""
    if referral.grant_id is not None:
        grants_end(
            actor=actor,
            grants=AccessGrant.objects.filter(pk=referral.grant_id),
            cause=cause,
            note=note,
        )
    referral.state = state
    referral.ended_by = actor
    referral.ended_at = timezone.now()


@transaction.atomic
def referral_complete(*, actor: Any, referral: Referral) -> Referral:
    """The receiving agency has done what it was asked; its access ends."""
    referral = _locked(referral)
    if not referral_policy.may_answer(actor, referral):
        raise PermissionDenied
    if referral.state != State.ACCEPTED:
        raise ValidationError({"referral": _("Only an accepted referral can be completed.")})
    _end(
        actor=actor,
        referral=referral,
        state=State.COMPLETED,
        cause=AccessGrant.EndCause.REFERRAL_COMPLETED,
    )
    referral.save(update_fields=["state", "ended_by", "ended_at"])
    _recorded(actor=actor, referral=referral, event="completed", fields=["state", "ended_at"])
    return referral


@transaction.atomic
def referral_revoke(*, actor: Any, referral: Referral, reason: str) -> Referral:
    """The referring agency takes the referral back, before or after acceptance, saying why;
    the receiving agency's access ends at once."""
    referral = _locked(referral)
    if not referral_policy.may_revoke(actor, referral):
        raise PermissionDenied
    if referral.state not in Referral.OPEN_STATES:
        raise ValidationError({"referral": _("This referral has already ended.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the referral is revoked.")})
    _end(
        actor=actor,
        referral=referral,
        state=State.REVOKED,
        cause=AccessGrant.EndCause.REFERRAL_REVOKED,
        note=reason,
    )
    referral.revoke_reason = reason.strip()
    referral.full_clean()
    referral.save(update_fields=["state", "ended_by", "ended_at", "revoke_reason"])
    _recorded(
        actor=actor,
        referral=referral,
        event="revoked",
        fields=["state", "ended_by", "ended_at", "revoke_reason"],
        note=reason.strip(),
    )
    return referral


@transaction.atomic
def referrals_viewed(*, actor: Any, referrals: list[Referral]) -> None:
    """Record that `actor` read these referrals (their reasons are free text about a person)."""
    visible = set(referral_policy.visible_to(actor).values_list("pk", flat=True))
    if any(referral.pk not in visible for referral in referrals):
        raise PermissionDenied
    for referral in referrals:
        audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=referral)
