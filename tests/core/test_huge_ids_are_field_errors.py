"""An id too large for the database in a choice is an invalid choice on its field, not a 500
(SQLite's driver raises OverflowError for integers beyond 64 bits)."""

import pytest

from strehe.cases.models import RiskAssessment
from strehe.screening.models import Screening
from tests.cases.workflow import url
from tests.helpline.flow import logged_contact
from tests.helpline.flow import url as helpline_url

HUGE_IDS = ["9" * 30, str(2**63), str(-(2**64))]


@pytest.mark.django_db
@pytest.mark.parametrize("huge", HUGE_IDS)
def test_a_huge_assessor_id_is_an_invalid_choice(records_of, login_as, huge):
    case = records_of("investigator_ilir").own

    response = login_as("investigator_ilir").post(
        url("cases:risk", case), {"level": "high", "reasons": "Threats.", "assessors": [huge]}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["assessors"]
    assert not RiskAssessment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("huge", HUGE_IDS)
def test_a_huge_indicator_id_is_an_invalid_choice(staff, login_as, huge):
    contact = logged_contact(staff["advocate_arta"])

    response = login_as("advocate_arta").post(
        helpline_url("helpline:screen", contact_id=contact.pk),
        {"acts": ["recruitment"], "indicators_deceptive_recruitment": [huge]},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["indicators_deceptive_recruitment"]
    assert not Screening.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("huge", HUGE_IDS)
def test_a_huge_agency_id_is_an_invalid_choice(records_of, login_as, huge):
    case = records_of("investigator_ilir").own

    response = login_as("investigator_ilir").post(url("cases:sharing", case), {"agency": huge})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["agency"]
