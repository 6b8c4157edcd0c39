"""A contact about a person who has a case is linked to that case instead of opening another."""

import pytest

from strehe.cases.models import Case, TimelineEntry
from strehe.cases.services import case_open
from tests.helpline.flow import logged_contact, person, screened, url


@pytest.mark.django_db
def test_linking_attaches_the_contact_and_its_screening_to_the_existing_case(
    login_as, staff, agencies
):
    existing = case_open(
        actor=None, owner_agency=agencies["helpline"], given_name="Arbër", family_name="Krasniqi"
    )
    contact = logged_contact(staff["operator_olta"])
    screening = screened(contact, staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(given_name="Arber", link_to=existing.code),
    )

    assert response.status_code == 302
    assert response.url == url("cases:detail", code=existing.code)
    assert Case.objects.count() == 1
    contact.refresh_from_db()
    screening.refresh_from_db()
    assert contact.case == existing
    assert screening.case == existing
    assert set(existing.timeline.values_list("kind", flat=True)) == {
        TimelineEntry.Kind.OPENED,
        TimelineEntry.Kind.CONTACT,
        TimelineEntry.Kind.SCREENING,
    }


@pytest.mark.django_db
def test_a_case_the_user_may_not_see_cannot_be_linked(login_as, staff, agencies):
    hidden = case_open(
        actor=None, owner_agency=agencies["elsewhere"], given_name="Arbër", family_name="Krasniqi"
    )
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk), person(link_to=hidden.code)
    )

    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.case is None
