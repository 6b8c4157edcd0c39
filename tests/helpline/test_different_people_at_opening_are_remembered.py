""" "These are different people" at the duplicate warning is remembered: the new case does not
show the other one as a possible duplicate afterwards."""

import datetime

import pytest

from strehe.cases.models import Case, PersonDistinction
from strehe.cases.selectors import case_possible_duplicates
from strehe.cases.services import case_open
from tests.helpline.flow import logged_contact, person, url

BORN = datetime.date(2004, 3, 1)


@pytest.mark.django_db
def test_different_people_confirmed_at_opening_are_not_shown_again(login_as, staff, agencies):
    shown = case_open(
        actor=None,
        owner_agency=agencies["helpline"],
        given_name="Arbër",
        family_name="Krasniqi",
        birth_date=BORN,
    )
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(given_name="Arber", different_from=shown.code),
    )

    assert response.status_code == 302
    new = Case.objects.exclude(pk=shown.pk).get()
    assert PersonDistinction.objects.filter(ended_at__isnull=True).count() == 1
    assert case_possible_duplicates(user=staff["operator_olta"], case=new) == []
    assert new.timeline.filter(kind="different_person").exists()
