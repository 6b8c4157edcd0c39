"""Reads of referrals, each through referral_policy (and so through the case policy)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from strehe.cases.codes import Exploitation
from strehe.cases.models import Case, RiskLevel
from strehe.cases.selectors import CASE_CODE_SHAPE, case_current_risk

from .models import Referral
from .policies import referral_policy

LIST_LIMIT = 200


def _with_related(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.select_related(
        "case",
        "service",
        "sending_agency__organisation",
        "receiving_agency__organisation",
        "sent_by",
    )


def referrals_incoming(user: Any) -> QuerySet[Referral]:
    """Referrals to `user`'s agency still running (waiting for an answer, or accepted)."""
    if user.agency_id is None:
        return Referral.objects.none()
    # An accepted referral whose grant ended otherwise (the person withdrew the consent it
    # rested on) no longer opens anything: it is not listed.
    running = Q(state=Referral.State.SENT) | Q(
        state=Referral.State.ACCEPTED, grant__ended_at__isnull=True
    )
    return _with_related(
        referral_policy.visible_to(user).filter(running, receiving_agency_id=user.agency_id)
    ).order_by("state", "answer_due_at", "pk")


def referrals_outgoing(user: Any) -> QuerySet[Referral]:
    """Referrals `user`'s agency sent, of cases they may see, newest first."""
    if user.agency_id is None:
        return Referral.objects.none()
    return _with_related(
        referral_policy.visible_to(user).filter(sending_agency_id=user.agency_id)
    ).order_by("-sent_at", "-pk")


def referrals_waiting_for_answer(user: Any) -> QuerySet[Referral]:
    """New referrals to `user`'s agency, not yet answered: My work lists them."""
    return referrals_incoming(user).filter(state=Referral.State.SENT)


def referrals_overdue(user: Any, now: datetime.datetime) -> QuerySet[Referral]:
    """Referrals `user` sent that are unanswered past the time their urgency allows."""
    return _with_related(
        referral_policy.visible_to(user).filter(
            sent_by_id=user.pk, state=Referral.State.SENT, answer_due_at__lt=now
        )
    ).order_by("answer_due_at", "pk")


def referral_case_get(*, user: Any, code: str) -> Case:
    """The case with `code` whose referral pages `user` may open; 404 otherwise."""
    if not CASE_CODE_SHAPE.fullmatch(code):
        raise Http404
    try:
        return referral_policy.cases_reachable(user).get(code=code)
    except Case.DoesNotExist:
        raise Http404 from None


@dataclass(frozen=True)
class ReferralSummary:
    """What a receiving agency sees before it accepts: nothing that identifies the person.

    No name, birth date, identity number, phone, address, narrative, place or note: the sex,
    the age in whole years, the stage, forms of exploitation by code and, if the sender shares
    the risk, the current risk level."""

    referral: Referral
    code: str
    stage: str
    sex: str
    age: int | None
    forms_of_exploitation: list[str]
    risk_level: str = ""
    parts: list[str] = field(default_factory=list)


def referral_summary(referral: Referral) -> ReferralSummary:
    case = referral.case
    person = case.person
    risk = case_current_risk(case) if referral.share_risk else None
    return ReferralSummary(
        referral=referral,
        code=case.code,
        stage=case.get_stage_display(),
        sex=person.get_sex_display(),
        age=person.age_on(timezone.localdate()),
        forms_of_exploitation=[
            str(Exploitation(code).label) if code in Exploitation.values else code
            for code in case.forms_of_exploitation
        ],
        risk_level=str(RiskLevel(risk.level).label) if risk else "",
        parts=referral.part_labels(),
    )


@dataclass(frozen=True)
class CaseReferrals:
    case: Case
    # Whether the user sees the case itself; if not, only summaries of referrals to them.
    sees_case: bool
    referrals: list[Referral]
    summaries: list[ReferralSummary]


def case_referrals(*, user: Any, code: str) -> CaseReferrals:
    """The referrals of a case `user` may see: all of them for those who see the case, else
    the summaries of those waiting for their agency's answer. 404 if neither."""
    case = referral_case_get(user=user, code=code)
    visible = _with_related(referral_policy.visible_to(user).filter(case=case)).select_related(
        "case__person", "answered_by", "ended_by"
    )
    sees_case = referral_policy.sees_case(user, Referral(case=case))
    if sees_case:
        return CaseReferrals(case=case, sees_case=True, referrals=list(visible), summaries=[])
    return CaseReferrals(
        case=case,
        sees_case=False,
        referrals=[],
        summaries=[referral_summary(referral) for referral in visible],
    )
