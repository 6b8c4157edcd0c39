"""The risk page: a child's assessment needs a social worker, an adult's a police investigator and
a victim advocate; assessors are chosen among staff of agencies that can see the case."""

import pytest

from strehe.cases.models import ConsentScope, RiskAssessment
from strehe.cases.selectors import case_current_risk
from strehe.cases.services import case_share
from tests.cases.workflow import consent_to, make_adult, url


@pytest.fixture
def shared_case(staff, agencies, records_of):
    """The investigator's case, shared with the advocates and the social work centre."""
    investigator = staff["investigator_ilir"]
    case = records_of("investigator_ilir").own
    for key in ("advocates", "social"):
        consent_to(case, investigator, ConsentScope.SHARING, agency=agencies[key])
        case_share(actor=investigator, case=case, agency=agencies[key])
    return case


def assess(client, case, assessors, level="high"):
    return client.post(
        url("cases:risk", case),
        {
            "level": level,
            "reasons": "Threats by the recruiter.",
            "assessed_on": "",
            "assessors": [user.pk for user in assessors],
        },
    )


@pytest.mark.django_db
def test_a_childs_assessment_without_a_social_worker_is_refused(staff, shared_case, login_as):
    response = assess(login_as("investigator_ilir"), shared_case, [staff["advocate_arta"]])

    [message] = response.context["form"].errors["assessors"]
    assert message.startswith("A child's risk assessment needs a social worker as well.")
    assert RiskAssessment.objects.count() == 0


@pytest.mark.django_db
def test_an_adults_assessment_without_an_advocate_is_refused(staff, shared_case, login_as):
    make_adult(shared_case, staff["investigator_ilir"])

    response = assess(login_as("investigator_ilir"), shared_case, [staff["social_worker_sokol"]])

    [message] = response.context["form"].errors["assessors"]
    assert message.startswith("The assessment needs a police investigator and a victim advocate.")
    assert "Victim advocate" in message
    assert RiskAssessment.objects.count() == 0


@pytest.mark.django_db
def test_an_adults_assessment_without_the_police_is_refused(staff, shared_case, login_as):
    make_adult(shared_case, staff["investigator_ilir"])

    response = assess(login_as("advocate_arta"), shared_case, [staff["social_worker_sokol"]])

    [message] = response.context["form"].errors["assessors"]
    assert "Police investigator" in message
    assert RiskAssessment.objects.count() == 0


@pytest.mark.django_db
def test_a_childs_assessment_with_all_three_roles_is_the_current_risk(staff, shared_case, login_as):
    response = assess(
        login_as("investigator_ilir"),
        shared_case,
        [staff["advocate_arta"], staff["social_worker_sokol"]],
    )

    assert response.status_code == 302
    risk = case_current_risk(shared_case)
    assert risk.level == "high"
    assert risk.with_child_rule
    assert {user.username for user in risk.assessors.all()} == {
        "investigator_ilir",
        "advocate_arta",
        "social_worker_sokol",
    }


@pytest.mark.django_db
def test_only_staff_of_agencies_that_see_the_case_are_offered(staff, shared_case, login_as):
    response = login_as("investigator_ilir").get(url("cases:risk", shared_case))

    offered = {user.username for user in response.context["form"].fields["assessors"].queryset}
    assert offered == {
        "colleague_police",
        "advocate_arta",
        "colleague_advocates",
        "social_worker_sokol",
        "colleague_social",
    }

    refused = assess(
        login_as("investigator_ilir"),
        shared_case,
        [staff["advocate_arta"], staff["worker_elsewhere"]],
    )
    assert "assessors" in refused.context["form"].errors
    assert RiskAssessment.objects.count() == 0
