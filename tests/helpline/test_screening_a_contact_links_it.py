"""Screening from a contact's page stores the screening on that contact and shows its guidance."""

import pytest

from strehe.screening.models import Screening
from tests.helpline.flow import SCREENING_POST, logged_contact, url


@pytest.mark.django_db
def test_the_screening_belongs_to_the_contact_and_its_guidance_is_shown(login_as, staff):
    contact = logged_contact(staff["operator_olta"])
    client = login_as("operator_olta")

    response = client.post(url("helpline:screen", contact_id=contact.pk), SCREENING_POST)

    screening = Screening.objects.get()
    assert screening.contact == contact
    assert screening.recorded_by == staff["operator_olta"]
    assert screening.case is None
    assert screening.palermo_indicates_victim is True
    detail = url("helpline:detail", contact_id=contact.pk)
    assert response.url == f"{detail}#screening-guidance"
    page = client.get(detail).content.decode()
    assert 'id="screening-guidance"' in page
    assert "Screening guidance" in page


@pytest.mark.django_db
def test_a_colleague_of_the_same_agency_may_screen_but_another_agency_may_not(login_as, staff):
    contact = logged_contact(staff["colleague_helpline"])

    own_agency = login_as("operator_olta").post(
        url("helpline:screen", contact_id=contact.pk), SCREENING_POST
    )
    other_agency = login_as("advocate_arta").post(
        url("helpline:screen", contact_id=contact.pk), SCREENING_POST
    )

    assert own_agency.status_code == 302
    assert other_agency.status_code == 404
    assert Screening.objects.count() == 1
