"""Search finds a person by an alias, through the same blind index as the name, and follows
corrections: a corrected name or alias is found, the earlier one no longer is, and the exact
-match key (lookup hash) changes with the name."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.models import Person
from strehe.cases.services import case_open, person_update


def found_codes(client, query) -> list[str]:
    with translation.override("en"):
        response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return [result.case.code for result in response.context["results"]]


@pytest.fixture
def known_by_alias_only(staff, agencies):
    return case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        aliases=["Bukuroshja e Veriut"],
    )


@pytest.mark.django_db
def test_a_person_recorded_under_an_alias_only_is_found_by_it(
    known_by_alias_only, login_as, capsys
):
    client = login_as("advocate_arta")

    assert known_by_alias_only.person.has_name is False
    for query in ["Bukuroshja", "bukuroshja e veriut", "Букурошја", "VERIUT"]:
        assert found_codes(client, query) == [known_by_alias_only.code], query
    assert found_codes(client, "Drita") == []
    with capsys.disabled():
        print("\nalias search: 4 spellings of an alias found the case, another name did not")


@pytest.mark.django_db
def test_the_search_page_shows_name_unknown_and_the_alias(known_by_alias_only, login_as):
    with translation.override("en"):
        response = login_as("advocate_arta").get(reverse("search:search"), {"q": "Bukuroshja"})

    content = response.content.decode()
    assert "Name unknown" in content
    assert "Bukuroshja e Veriut" in content


@pytest.mark.django_db
def test_an_alias_added_later_is_found_and_a_removed_one_is_not(staff, agencies, login_as):
    case = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Drita",
        family_name="Berisha",
    )
    client = login_as("advocate_arta")
    person_update(actor=staff["advocate_arta"], case=case, changes={"aliases": ["Mira Hoxha"]})
    assert found_codes(client, "Mira Hoxha") == [case.code]
    assert found_codes(client, "Drita Berisha") == [case.code]

    person_update(actor=staff["advocate_arta"], case=case, changes={"aliases": []})

    assert found_codes(client, "Mira Hoxha") == []
    assert found_codes(client, "Drita Berisha") == [case.code]


@pytest.mark.django_db
def test_a_corrected_name_renews_the_lookup_hash_and_the_name_index(staff, agencies, login_as):
    case = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Drita",
        family_name="Berisha",
    )
    client = login_as("advocate_arta")
    old_hash = case.person.lookup_hash

    person_update(actor=staff["advocate_arta"], case=case, changes={"family_name": "Gashi"})

    person = Person.objects.get(pk=case.person_id)
    assert person.lookup_hash != old_hash
    assert person.lookup_hash == Person.lookup_hash_for(
        given_name="Drita", family_name="Gashi", birth_date=None
    )
    assert found_codes(client, "Drita Gashi") == [case.code]
    assert found_codes(client, "Berisha") == []
