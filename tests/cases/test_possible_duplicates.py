"""A new person who may already have a case is shown as a possible duplicate, by case code only."""

import datetime

import pytest

from strehe.cases.selectors import possible_duplicates
from strehe.cases.services import case_open

BORN = datetime.date(2004, 3, 1)


def open_case(staff, agencies, given, family, born, owner="police"):
    # Opened by the system (an import): the owner is not always the police.
    return case_open(
        actor=None,
        owner_agency=agencies[owner],
        given_name=given,
        family_name=family,
        birth_date=born,
    )


@pytest.mark.django_db
def test_arber_without_the_diaeresis_finds_arber_with_it(staff, agencies):
    existing = open_case(staff, agencies, "Arbër", "Krasniqi", BORN)

    found = possible_duplicates(
        user=staff["investigator_ilir"], given_name="Arber", family_name="Krasniqi", birth_date=BORN
    )

    assert [(match.code, match.exact, match.visible) for match in found] == [
        (existing.code, True, True)
    ]


@pytest.mark.django_db
def test_a_cyrillic_serbian_name_finds_its_latin_spelling(staff, agencies):
    existing = open_case(staff, agencies, "Miloš", "Petrović", BORN)

    found = possible_duplicates(
        user=staff["investigator_ilir"], given_name="Милош", family_name="Петровић", birth_date=BORN
    )

    assert [match.code for match in found] == [existing.code]


@pytest.mark.django_db
def test_a_slip_of_one_letter_is_a_fuzzy_match_on_the_same_birth_date(staff, agencies):
    existing = open_case(staff, agencies, "Arbër", "Krasniqi", BORN)

    found = possible_duplicates(
        user=staff["investigator_ilir"], given_name="Arbr", family_name="Krasniqi", birth_date=BORN
    )

    assert [(match.code, match.exact) for match in found] == [(existing.code, False)]


@pytest.mark.django_db
def test_another_birth_date_or_another_person_is_not_a_match(staff, agencies):
    open_case(staff, agencies, "Arbër", "Krasniqi", BORN)
    user = staff["investigator_ilir"]

    assert not possible_duplicates(
        user=user, given_name="Arbër", family_name="Krasniqi", birth_date=datetime.date(2004, 3, 2)
    )
    assert not possible_duplicates(
        user=user, given_name="Besa", family_name="Krasniqi", birth_date=BORN
    )


@pytest.mark.django_db
def test_a_match_the_user_may_not_see_is_reported_but_not_visible(staff, agencies):
    elsewhere = open_case(staff, agencies, "Arbër", "Krasniqi", BORN, owner="elsewhere")

    found = possible_duplicates(
        user=staff["advocate_arta"], given_name="Arber", family_name="Krasniqi", birth_date=BORN
    )

    assert [(match.code, match.visible) for match in found] == [(elsewhere.code, False)]
