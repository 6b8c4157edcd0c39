"""The identification page records the decision of an authorised role on a case it may see."""

import datetime

import pytest

from strehe.cases.codes import DecisionOrganisation, TraffickingStatus
from strehe.cases.models import IdentificationDecision
from tests.helpline.flow import url
from tests.staff import open_test_case


@pytest.mark.django_db
def test_the_investigator_records_a_presumed_victim_and_the_case_page_shows_it(
    login_as, staff, agencies
):
    case = open_test_case(owner=agencies["police"], worker=None, label="Ident")
    client = login_as("investigator_ilir")

    response = client.post(
        url("cases:identification", code=case.code),
        {
            "status": TraffickingStatus.PRESUMED,
            "decided_on": "2026-01-15",
            "grounds": "Recruited by deception.",
        },
    )

    decision = IdentificationDecision.objects.get(case=case)
    assert response.url == url("cases:detail", code=case.code)
    assert decision.status == TraffickingStatus.PRESUMED
    assert decision.decided_on == datetime.date(2026, 1, 15)
    assert decision.grounds == "Recruited by deception."
    assert decision.agency == agencies["police"]
    assert decision.organisation_type == DecisionOrganisation.POLICE
    assert decision.recorded_by == staff["investigator_ilir"]
    detail = client.get(url("cases:detail", code=case.code)).content.decode()
    assert "Presumed victim" in detail.split("<main")[1]
    assert f"<title>{case.code}</title>" in detail
    page = client.get(url("cases:identification", code=case.code)).content.decode()
    assert "Presumed victim" in page


@pytest.mark.django_db
# Shelter staff see a case only while its person lives in their shelter (tests/shelters).
@pytest.mark.parametrize("username", ["operator_olta", "social_worker_sokol"])
def test_roles_without_the_permission_are_refused(login_as, agencies, staff, username):
    agency = staff[username].agency
    case = open_test_case(owner=agency, worker=staff[username], label="Refused")

    response = login_as(username).post(
        url("cases:identification", code=case.code), {"status": TraffickingStatus.PRESUMED}
    )

    assert response.status_code == 403
    assert not IdentificationDecision.objects.exists()


@pytest.mark.django_db
def test_another_agencys_case_is_not_found(login_as, agencies):
    case = open_test_case(owner=agencies["elsewhere"], worker=None, label="Elsewhere")
    client = login_as("investigator_ilir")

    assert client.get(url("cases:identification", code=case.code)).status_code == 404
    response = client.post(
        url("cases:identification", code=case.code), {"status": TraffickingStatus.PRESUMED}
    )
    assert response.status_code == 404
    assert not IdentificationDecision.objects.exists()
