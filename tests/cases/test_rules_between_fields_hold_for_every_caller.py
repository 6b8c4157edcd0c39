"""Rules between fields live in the model or the service, so a direct call meets them too."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from strehe.cases.models import Case, Person
from strehe.cases.services import case_open, case_update
from tests.staff import open_test_case


@pytest.mark.django_db
def test_a_birth_date_and_an_estimated_age_together_are_refused_when_opening(staff, agencies):
    with pytest.raises(ValidationError) as refused:
        case_open(
            actor=staff["investigator_ilir"],
            owner_agency=agencies["police"],
            given_name="Lule",
            family_name="Both",
            birth_date=datetime.date(2000, 1, 1),
            estimated_age=25,
        )

    assert "estimated_age" in refused.value.message_dict
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_an_estimated_age_added_to_a_known_birth_date_is_refused(staff):
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Age")
    case_update(actor=investigator, case=case, changes={"birth_date": datetime.date(2001, 2, 3)})

    with pytest.raises(ValidationError) as refused:
        case_update(actor=investigator, case=case, changes={"estimated_age": 30})

    assert "estimated_age" in refused.value.message_dict
    assert Person.objects.get(pk=case.person_id).estimated_age is None


@pytest.mark.django_db
def test_consent_to_share_without_an_agency_is_refused(staff, agencies):
    with pytest.raises(ValidationError) as refused:
        case_open(
            actor=staff["investigator_ilir"],
            owner_agency=agencies["police"],
            given_name="Lule",
            family_name="Nowhere",
            sharing_consent=True,
        )

    assert "share_with" in refused.value.message_dict
    assert not Case.objects.exists()
