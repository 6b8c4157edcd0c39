"""Entering initial assistance creates the reminder of the reflection period's end: due a week
before the last day, assigned to the case's worker when they may work on it, else to nobody."""

import datetime

import pytest

from strehe.accounts.roles import Role
from strehe.cases.models import FollowUp
from tests.cases.workflow import (
    make_adult,
    reflection_rules,
    to_initial_assistance,
    to_risk_and_referral,
)
from tests.staff import make_user, open_test_case


@pytest.fixture(autouse=True)
def rules(db):
    reflection_rules()


@pytest.mark.django_db
def test_the_worker_gets_a_reminder_a_week_before_the_period_ends(records_of, staff):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    make_adult(case, arta)

    case = to_initial_assistance(case, arta, staff)

    [reminder] = FollowUp.objects.filter(case=case)
    assert reminder.kind == FollowUp.Kind.REFLECTION_END
    assert reminder.due_on == case.reflection_ends_on - datetime.timedelta(days=7)
    assert reminder.assignee == arta
    assert reminder.done_at is None


@pytest.mark.django_db
def test_a_case_without_a_worker_gets_an_unassigned_reminder(staff, agencies):
    arta = staff["advocate_arta"]
    case = open_test_case(owner=agencies["advocates"], worker=None, label="Nobody")
    make_adult(case, arta)

    case = to_initial_assistance(case, arta, staff)

    [reminder] = FollowUp.objects.filter(case=case)
    assert reminder.assignee is None


@pytest.mark.django_db
def test_a_worker_who_may_not_work_on_cases_is_not_assigned_the_reminder(staff, agencies):
    arta = staff["advocate_arta"]
    # Someone of the owning agency whose role sees cases but does not work on them.
    onlooker = make_user("onlooker_advocates", Role.SHELTER_STAFF, agencies["advocates"])
    case = open_test_case(owner=agencies["advocates"], worker=onlooker, label="Onlooker")
    make_adult(case, arta)

    case = to_initial_assistance(case, arta, staff)

    [reminder] = FollowUp.objects.filter(case=case)
    assert reminder.assignee is None


@pytest.mark.django_db
def test_other_stage_moves_create_no_reminder(records_of, staff):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own

    to_risk_and_referral(case, arta)

    assert not FollowUp.objects.filter(case=case).exists()
