"""Risk and referral → initial assistance: a risk assessment and the person's consent to
assistance first; the reflection period's end follows the rule in force on its first day."""

import datetime

import pytest
from django.core.management import call_command

from strehe.audit.models import AuditEntry
from strehe.cases.models import Stage, TimelineEntry
from tests.cases.workflow import (
    CONSENT_FIRST,
    assess_risk,
    consent_to,
    counts,
    new_audit_entries,
    post,
    reflection_rules,
    reload,
    to_risk_and_referral,
    url,
)


@pytest.fixture
def case_in_referral(staff, records_of):
    reflection_rules()
    case = records_of("advocate_arta").own
    to_risk_and_referral(case, staff["advocate_arta"])
    return case


@pytest.mark.django_db
def test_without_a_risk_assessment_the_move_is_refused(staff, case_in_referral, login_as):
    consent_to(case_in_referral, staff["advocate_arta"])
    client = login_as("advocate_arta")
    before = counts(case_in_referral)

    _status, page = post(
        client, "cases:stage", case_in_referral, {"to_stage": "initial_assistance"}
    )

    assert "Record a risk assessment first, on the Risk assessment page of the case." in page
    assert reload(case_in_referral).stage == Stage.RISK_AND_REFERRAL
    assert reload(case_in_referral).reflection_ends_on is None
    assert counts(case_in_referral) == before


@pytest.mark.django_db
def test_without_consent_to_assistance_the_move_is_refused(staff, case_in_referral, login_as):
    assess_risk(case_in_referral, staff["advocate_arta"], staff)
    client = login_as("advocate_arta")
    before = counts(case_in_referral)

    _status, page = post(
        client, "cases:stage", case_in_referral, {"to_stage": "initial_assistance"}
    )

    assert CONSENT_FIRST in page
    assert reload(case_in_referral).stage == Stage.RISK_AND_REFERRAL
    assert counts(case_in_referral) == before


@pytest.mark.django_db
def test_with_both_the_case_moves_with_one_timeline_line_and_audit_entries_for_it_and_reminder(
    staff, case_in_referral, login_as
):
    assess_risk(case_in_referral, staff["advocate_arta"], staff)
    consent_to(case_in_referral, staff["advocate_arta"])
    client = login_as("advocate_arta")
    timeline_before, audit_before = counts(case_in_referral)

    status, _page = post(
        client, "cases:stage", case_in_referral, {"to_stage": "initial_assistance"}
    )

    assert status == 302
    assert reload(case_in_referral).stage == Stage.INITIAL_ASSISTANCE
    assert TimelineEntry.objects.filter(case=case_in_referral).count() == timeline_before + 1
    # The move, and the follow-up that reminds of the reflection period's end.
    audit, reminder = new_audit_entries(audit_before)
    assert audit.action == AuditEntry.Action.CHANGE
    assert sorted(audit.fields) == ["reflection_ends_on", "reflection_starts_on", "stage"]
    assert reminder.action == AuditEntry.Action.CREATE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end"),
    [
        # 30 days under the 2008 rule: the first day counts.
        (datetime.date(2012, 6, 1), datetime.date(2012, 6, 30)),
        (datetime.date(2012, 12, 31), datetime.date(2013, 1, 29)),
        # 90 days from 2013 on.
        (datetime.date(2013, 1, 1), datetime.date(2013, 3, 31)),
        (datetime.date(2013, 6, 1), datetime.date(2013, 8, 29)),
    ],
)
def test_the_reflection_end_follows_the_rule_in_force_on_the_first_day(
    staff, records_of, login_as, start, end
):
    call_command("loadreference", verbosity=0)
    case = records_of("advocate_arta").own
    to_risk_and_referral(case, staff["advocate_arta"])
    assess_risk(case, staff["advocate_arta"], staff)
    consent_to(case, staff["advocate_arta"])

    status, _page = post(
        login_as("advocate_arta"),
        "cases:stage",
        case,
        {"to_stage": "initial_assistance", "on": start.isoformat()},
    )

    assert status == 302
    case = reload(case)
    assert (case.reflection_starts_on, case.reflection_ends_on) == (start, end)
    line = TimelineEntry.objects.filter(case=case, kind="stage").order_by("-pk").first()
    assert line.data["reflection_ends_on"] == end.isoformat()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2013-02-30", "Enter a valid date."),
        ("2001-06-01", "No reflection-period rule is in force on 2001-06-01."),
    ],
)
def test_a_start_that_is_no_date_or_has_no_rule_is_refused_on_its_field(
    staff, case_in_referral, login_as, start, message
):
    assess_risk(case_in_referral, staff["advocate_arta"], staff)
    consent_to(case_in_referral, staff["advocate_arta"])
    client = login_as("advocate_arta")
    before = counts(case_in_referral)

    response = client.post(
        url("cases:stage", case_in_referral), {"to_stage": "initial_assistance", "on": start}
    )

    [error] = response.context["form"].errors["on"]
    assert error.startswith(message)
    assert reload(case_in_referral).stage == Stage.RISK_AND_REFERRAL
    assert counts(case_in_referral) == before


@pytest.mark.django_db
def test_the_start_date_is_asked_only_for_the_move_into_initial_assistance(
    case_in_referral, records_of, login_as
):
    client = login_as("advocate_arta")
    in_referral = client.get(url("cases:stage", case_in_referral)).context["form"]
    in_identification = client.get(
        url("cases:stage", records_of("advocate_arta").own_agency)
    ).context["form"]

    assert "on" in in_referral.fields
    assert "on" not in in_identification.fields
