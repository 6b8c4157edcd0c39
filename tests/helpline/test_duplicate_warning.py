"""Before a case is opened, a person who may already have one is shown, by code where hidden."""

import datetime

import pytest

from strehe.cases.models import Case
from strehe.cases.services import case_open
from tests.helpline.flow import logged_contact, person, url

BORN = datetime.date(2004, 3, 1)


def existing_case(agency, given: str, family: str) -> Case:
    return case_open(
        actor=None, owner_agency=agency, given_name=given, family_name=family, birth_date=BORN
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("existing", "entered"),
    [
        (("Arbër", "Krasniqi"), ("Arber", "Krasniqi")),
        (("Милош", "Петровић"), ("Miloš", "Petrović")),
    ],
)
def test_the_same_person_spelt_another_way_is_shown_and_nothing_is_opened(
    login_as, staff, agencies, existing, entered
):
    match = existing_case(agencies["helpline"], *existing)
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(given_name=entered[0], family_name=entered[1]),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert [d.code for d in response.context["duplicates"]] == [match.code]
    assert "This person may already have a case" in page
    assert f'name="link_to" value="{match.code}"' in page
    assert f'name="different_from" value="{match.code}"' in page
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_match_in_another_agency_shows_only_its_code(login_as, staff, agencies):
    hidden = existing_case(agencies["elsewhere"], "Arbër", "Krasniqi")
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk), person(given_name="Arber")
    )

    section = response.content.decode().split('id="duplicates-heading"')[1].split("</section>")[0]
    assert hidden.code in section
    assert url("cases:detail", code=hidden.code) not in section
    assert "link_to" not in section
    assert "Krasniqi" not in section
    assert "elsewhere" not in section
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_confirming_different_people_opens_a_new_case(login_as, staff, agencies):
    shown = existing_case(agencies["helpline"], "Arbër", "Krasniqi")
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(given_name="Arber", different_from=shown.code),
    )

    assert response.status_code == 302
    assert Case.objects.count() == 2
    contact.refresh_from_db()
    assert contact.case is not None
    assert contact.case.person.given_name == "Arber"


@pytest.mark.django_db
def test_a_match_the_user_was_not_shown_is_not_confirmed(login_as, staff, agencies):
    # Shown a match for Arbër Krasniqi, the operator changes the name to Miloš Petrović and
    # presses "different people": Miloš's match is new, so it is shown, not confirmed.
    shown = existing_case(agencies["helpline"], "Arbër", "Krasniqi")
    unseen = existing_case(agencies["helpline"], "Miloš", "Petrović")
    contact = logged_contact(staff["operator_olta"])

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(given_name="Милош", family_name="Петровић", different_from=shown.code),
    )

    assert response.status_code == 200
    assert [d.code for d in response.context["duplicates"]] == [unseen.code]
    assert Case.objects.count() == 2
