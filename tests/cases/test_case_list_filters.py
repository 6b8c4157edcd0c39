"""The case list filters by stage, current risk, owning agency and assigned worker, and still
lists only the cases the user may see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.models import RiskLevel, Stage
from strehe.cases.services import risk_assessment_record
from tests.cases.workflow import share_with_agencies_of, to_risk_and_referral


def listed(client, **query):
    with translation.override("en"):
        response = client.get(reverse("cases:list"), query)
    assert response.status_code == 200
    return {row["case"].code for row in response.context["rows"]}


def assess(case, staff, level, assessed_on=None):
    share_with_agencies_of(case, [staff["advocate_arta"], staff["social_worker_sokol"]])
    risk_assessment_record(
        actor=staff["investigator_ilir"],
        case=case,
        level=level,
        reasons="Reasons.",
        assessors=[staff["advocate_arta"], staff["social_worker_sokol"]],
        assessed_on=assessed_on,
    )


@pytest.fixture
def records(staff, records_of):
    return records_of("investigator_ilir")


@pytest.mark.django_db
def test_by_stage(staff, records, login_as):
    to_risk_and_referral(records.own_agency, staff["investigator_ilir"])
    client = login_as("investigator_ilir")

    assert listed(client, stage=Stage.RISK_AND_REFERRAL) == {records.own_agency.code}
    assert listed(client, stage=Stage.IDENTIFICATION) == {records.own.code}
    assert listed(client) == {records.own.code, records.own_agency.code}


@pytest.mark.django_db
def test_by_current_risk_level_the_newest_assessment_counts(staff, records, login_as):
    assess(records.own, staff, RiskLevel.HIGH, datetime.date(2026, 1, 5))
    assess(records.own, staff, RiskLevel.LOW, datetime.date(2026, 2, 5))
    assess(records.own_agency, staff, RiskLevel.HIGH)
    client = login_as("investigator_ilir")

    assert listed(client, risk=RiskLevel.HIGH) == {records.own_agency.code}
    assert listed(client, risk=RiskLevel.LOW) == {records.own.code}
    assert listed(client, risk=RiskLevel.MEDIUM) == set()


@pytest.mark.django_db
def test_by_assigned_worker(staff, records, login_as):
    client = login_as("investigator_ilir")

    assert listed(client, assigned_worker=staff["investigator_ilir"].pk) == {records.own.code}
    assert listed(client, assigned_worker=staff["colleague_police"].pk) == {records.own_agency.code}


@pytest.mark.django_db
def test_filters_never_reach_cases_the_user_may_not_see(staff, agencies, records, login_as):
    client = login_as("investigator_ilir")

    assert listed(client, owner_agency=agencies["police"].pk) == {
        records.own.code,
        records.own_agency.code,
    }
    assert listed(client, owner_agency=agencies["elsewhere"].pk) == set()
    # A worker of another agency is not even offered; asking for her narrows nothing.
    with translation.override("en"):
        form = client.get(reverse("cases:list")).context["filterset"].form
    offered = {user.username for user in form.fields["assigned_worker"].queryset}
    assert offered == {"investigator_ilir", "colleague_police"}
    assert listed(client, assigned_worker=staff["worker_elsewhere"].pk) == {
        records.own.code,
        records.own_agency.code,
    }


@pytest.mark.django_db
def test_the_coordinator_filters_the_national_view(staff, agencies, records, login_as):
    client = login_as("coordinator_drita")

    assert listed(client, owner_agency=agencies["elsewhere"].pk) == {records.other_agency.code}
    assert listed(client, assigned_worker=staff["worker_elsewhere"].pk) == {
        records.other_agency.code
    }


@pytest.mark.django_db
def test_the_list_shows_stage_current_risk_and_reflection_end(staff, records, login_as):
    assess(records.own, staff, RiskLevel.MEDIUM)
    client = login_as("investigator_ilir")

    with translation.override("en"):
        page = client.get(reverse("cases:list")).content.decode()

    assert '<td data-label="Current risk">Medium</td>' in page
    assert '<td data-label="Stage">Identification</td>' in page
    assert "Reflection period ends" in page
