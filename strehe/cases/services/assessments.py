"""The formal decisions on a case: identification of the person, and risk assessments."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.directory.models import Organisation

from ..codes import DecisionOrganisation
from ..models import Case, IdentificationDecision, RiskAssessment, TimelineEntry
from ..policies import case_policy
from ..procedures import assessment_refusal, assessment_roles_missing
from ..selectors import assessor_candidates
from ._acts import act_recorded

# Who takes the identification decision, in HTCDS terms, by the kind of the deciding agency.
DECISION_ORGANISATION_OF_KIND: dict[str, str] = {
    Organisation.Kind.POLICE_UNIT: DecisionOrganisation.POLICE,
    Organisation.Kind.PROSECUTION: DecisionOrganisation.COURT_OR_PROSECUTION,
    Organisation.Kind.VICTIM_ADVOCATES: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.SOCIAL_WORK_CENTRE: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.HELPLINE: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.NGO: DecisionOrganisation.NGO,
    Organisation.Kind.SHELTER: DecisionOrganisation.NGO,
}


def decision_organisation_of(agency: Agency) -> str:
    return DECISION_ORGANISATION_OF_KIND.get(agency.organisation.kind, DecisionOrganisation.OTHER)


@transaction.atomic
def identification_record(
    *,
    actor: User,
    case: Case,
    status: str,
    decided_on: datetime.date | None = None,
    grounds: str = "",
) -> IdentificationDecision:
    """Record the identification decision of the actor's agency on the person of `case`."""
    case_policy.require(actor, Permission.RECORD_IDENTIFICATION, case)
    if actor.agency is None:
        raise PermissionDenied
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The decision cannot be dated in the future.")})
    decision = IdentificationDecision(
        case=case,
        recorded_by=actor,
        status=status,
        agency=actor.agency,
        organisation_type=decision_organisation_of(actor.agency),
        decided_on=decided_on,
        grounds=grounds.strip() or None,
    )
    decision.full_clean()
    decision.save()
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.IDENTIFICATION,
        target=decision,
        action=AuditEntry.Action.CREATE,
        fields=["status", "organisation_type", "decided_on", "grounds"],
        data={"status": status, "organisation_type": decision.organisation_type},
    )
    return decision


@transaction.atomic
def risk_assessment_record(
    *,
    actor: User,
    case: Case,
    level: str,
    reasons: str,
    assessors: Iterable[User],
    assessed_on: datetime.date | None = None,
) -> RiskAssessment:
    """Record a risk assessment made together by the actor and `assessors`, each of whom must
    be able to see the case and record assessments (procedures.assessment_roles_required)."""
    case_policy.require(actor, Permission.RECORD_RISK_ASSESSMENT, case)
    assessed_on = assessed_on or timezone.localdate()
    assessors = list({user.pk: user for user in [*assessors, actor]}.values())
    candidates = assessor_candidates(case)
    errors: dict[str, list[str]] = {}
    if candidates.filter(pk__in=[user.pk for user in assessors]).count() != len(assessors):
        errors.setdefault("assessors", []).append(
            _("Choose assessors who may record risk assessments and can see this case.")
        )
    is_child = case.person.is_child_on(assessed_on)
    if assessed_on > timezone.localdate():
        errors.setdefault("assessed_on", []).append(
            _("The assessment cannot be dated in the future.")
        )
    missing = assessment_roles_missing({user.role for user in assessors}, is_child=is_child)
    if missing:
        reachable = set(candidates.values_list("role", flat=True))
        errors.setdefault("assessors", []).append(
            assessment_refusal(missing, is_child=is_child, roles_with_access=reachable)
        )
    if not reasons.strip():
        errors.setdefault("reasons", []).append(_("Say why this level was chosen."))
    if errors:
        raise ValidationError(errors)
    assessment = RiskAssessment(
        case=case,
        recorded_by=actor,
        level=level,
        assessed_on=assessed_on,
        reasons=reasons.strip(),
        with_child_rule=is_child,
    )
    assessment.full_clean()
    assessment.save()
    assessment.assessors.set(assessors)
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.RISK,
        target=assessment,
        action=AuditEntry.Action.CREATE,
        fields=["level", "assessed_on", "reasons", "assessors"],
        data={"level": level},
    )
    return assessment
