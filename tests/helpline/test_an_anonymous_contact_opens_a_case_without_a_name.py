"""An anonymous caller's case opens without a name; a person known only by an alias opens under
it. The case page shows "Name unknown", and the duplicate check still works: nameless persons
are not all "the same person", an alias finds a person recorded under it, and a birth date
alone finds those born that day."""

import datetime

import pytest
from django.utils import translation

from strehe.cases.models import Case
from strehe.cases.selectors import possible_duplicates
from strehe.cases.services import case_open
from strehe.helpline.services import contact_create
from tests.helpline.flow import CALL, person, url

ANONYMOUS_CALL = {**CALL, "caller_type": "anonymous"}


def nameless(**changes):
    return person(given_name="", family_name="", birth_date="", citizenships=[], **changes)


@pytest.mark.django_db
def test_an_anonymous_contact_opens_a_case_with_no_name(staff, login_as, capsys):
    contact = contact_create(actor=staff["operator_olta"], **ANONYMOUS_CALL)
    client = login_as("operator_olta")

    response = client.post(url("helpline:open_case", contact_id=contact.pk), nameless())

    case = Case.objects.get()
    assert response.status_code == 302
    assert (case.person.given_name, case.person.family_name) == ("", "")
    assert case.person.lookup_hash == ""
    assert not case.person.name_tokens.exists()
    contact.refresh_from_db()
    assert contact.case == case
    with translation.override("en"):
        page = client.get(url("cases:detail", code=case.code)).content.decode()
    assert "Name unknown" in page
    with capsys.disabled():
        print(f"\nnameless case opened from an anonymous contact: {case.code}")


@pytest.mark.django_db
def test_a_second_nameless_case_is_not_held_back_as_a_duplicate_of_the_first(staff, login_as):
    client = login_as("operator_olta")
    for _ in range(2):
        contact = contact_create(actor=staff["operator_olta"], **ANONYMOUS_CALL)
        response = client.post(url("helpline:open_case", contact_id=contact.pk), nameless())
        assert response.status_code == 302

    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_a_person_known_only_by_an_alias_opens_under_it(staff, login_as):
    contact = contact_create(actor=staff["operator_olta"], **ANONYMOUS_CALL)

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk), nameless(aliases="Lulja\nLule e Vogël")
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert [alias.name for alias in case.person.aliases.all()] == ["Lulja", "Lule e Vogël"]


@pytest.mark.django_db
def test_the_open_case_page_warns_of_a_person_recorded_under_the_same_alias(staff, login_as):
    existing = case_open(
        actor=staff["operator_olta"],
        owner_agency=staff["operator_olta"].agency,
        aliases=["Lule e Vogël"],
    )
    contact = contact_create(actor=staff["operator_olta"], **ANONYMOUS_CALL)

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk), nameless(aliases="lule e vogel")
    )

    assert response.status_code == 200
    assert [match.code for match in response.context["duplicates"]] == [existing.code]
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_without_a_name_a_birth_date_finds_those_born_that_day(staff, agencies):
    born = datetime.date(2001, 6, 15)
    same_day = case_open(
        actor=None,
        owner_agency=agencies["helpline"],
        given_name="Ana",
        family_name="Leka",
        birth_date=born,
    )
    case_open(actor=None, owner_agency=agencies["helpline"], birth_date=datetime.date(2001, 6, 16))
    case_open(actor=None, owner_agency=agencies["helpline"])

    found = possible_duplicates(
        user=staff["operator_olta"], given_name="", family_name="", birth_date=born
    )
    nothing_to_compare = possible_duplicates(
        user=staff["operator_olta"], given_name="", family_name="", birth_date=None
    )

    assert [(match.code, match.exact) for match in found] == [(same_day.code, False)]
    assert nothing_to_compare == []
