"""Steps that take a test case along the procedures through the services, and page helpers."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from strehe.accounts.models import User
from strehe.audit.models import AuditEntry
from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import (
    Case,
    Consent,
    ConsentScope,
    ReflectionPeriodRule,
    RiskLevel,
    Stage,
    TimelineEntry,
)
from strehe.cases.policies import case_policy
from strehe.cases.services import (
    case_move_stage,
    case_update,
    consent_record,
    identification_record,
    risk_assessment_record,
)
from strehe.cases.services.access import share_start
from strehe.cases.services.consent import consent_create

# What a refused act that needs consent says, with where to record it.
CONSENT_FIRST = (
    "The person has not consented to this. Record their consent first (Consents, on the case page)."
)
ADULT_BIRTH_DATE = datetime.date(1990, 5, 1)
TODAY = timezone.localdate()
CHILD_BIRTH_DATE = TODAY.replace(year=TODAY.year - 15, day=1)


def url(name: str, case: Case) -> str:
    """The English page, so that tests can read the messages."""
    with translation.override("en"):
        return reverse(name, kwargs={"code": case.code})


def post(client: Client, name: str, case: Case, data: dict) -> tuple[int, str]:
    response = client.post(url(name, case), data)
    return response.status_code, response.content.decode()


def reflection_rules() -> None:
    """The two rules of the reference file: 30 days from 2008, 90 days from 2013."""
    ReflectionPeriodRule.objects.create(effective_from=datetime.date(2008, 1, 1), days=30)
    ReflectionPeriodRule.objects.create(effective_from=datetime.date(2013, 1, 1), days=90)


def reload(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def make_adult(case: Case, actor: User) -> None:
    case_update(actor=actor, case=case, changes={"birth_date": ADULT_BIRTH_DATE})


def identify(case: Case, actor: User) -> None:
    identification_record(actor=actor, case=case, status=TraffickingStatus.PRESUMED)


def to_risk_and_referral(case: Case, actor: User) -> Case:
    identify(case, actor)
    return case_move_stage(actor=actor, case=case, to_stage=Stage.RISK_AND_REFERRAL)


def share_with_agencies_of(case: Case, users: list[User]) -> None:
    """Share `case`, by the person's consent, with each agency of `users` that cannot see it
    yet; recorded by the system, as an import would (setup, not the act under test)."""
    for user in users:
        if not case_policy.may_view(user, case):
            consent_create(actor=None, case=case, scope=ConsentScope.SHARING, agency=user.agency)
            share_start(actor=None, case=case, agency=user.agency)


def assess_risk(case: Case, actor: User, staff: dict[str, User]) -> None:
    """A risk assessment by `actor` with the other assessing roles, valid for a child too.

    The others' agencies are given the case first, with consent: assessors must see it."""
    others = ["investigator_ilir", "advocate_arta", "social_worker_sokol"]
    share_with_agencies_of(case, [staff[name] for name in others])
    risk_assessment_record(
        actor=actor,
        case=case,
        level=RiskLevel.HIGH,
        reasons="The recruiter knows where her family lives.",
        assessors=[staff[name] for name in others if staff[name] != actor],
    )


def consent_to(
    case: Case, actor: User, scope: str = ConsentScope.ASSISTANCE, **kwargs: object
) -> Consent:
    return consent_record(actor=actor, case=case, scope=scope, **kwargs)  # type: ignore[arg-type]


def to_initial_assistance(case: Case, actor: User, staff: dict[str, User]) -> Case:
    to_risk_and_referral(case, actor)
    assess_risk(case, actor, staff)
    consent_to(case, actor)
    return case_move_stage(actor=actor, case=case, to_stage=Stage.INITIAL_ASSISTANCE)


def to_long_term_assistance(case: Case, actor: User, staff: dict[str, User]) -> Case:
    to_initial_assistance(case, actor, staff)
    return case_move_stage(actor=actor, case=case, to_stage=Stage.LONG_TERM_ASSISTANCE)


def counts(case: Case) -> tuple[int, int]:
    """Timeline entries of `case` and audit entries: a successful act adds one of each."""
    return TimelineEntry.objects.filter(case=case).count(), AuditEntry.objects.count()


def new_audit_entries(before: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.order_by("seq")[before:])
