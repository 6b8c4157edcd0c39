"""Search finds a case by any spelling of the name, by its code and by the birth date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.services import case_open

BORN = datetime.date(1994, 3, 7)


@pytest.fixture
def drita(staff, agencies):
    return case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Drita",
        family_name="Berisha",
        birth_date=BORN,
    )


@pytest.fixture
def others(staff, agencies):
    """People the search must not bring up for Drita Berisha."""
    return [
        case_open(
            actor=staff["advocate_arta"],
            owner_agency=agencies["advocates"],
            given_name=given,
            family_name=family,
            birth_date=datetime.date(1990, 1, 1),
        )
        for given, family in [("Drita", "Krasniqi"), ("Besa", "Berisha"), ("Dren", "Berani")]
    ]


def search(client, query):
    with translation.override("en"):
        response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "Drita Berisha",
        "Дрита Бериша",
        "drita berisha",
        "Dritë Berishaj",
        "BERISHA drita",
        "Drita  Beriša",
        "berisha",
    ],
)
def test_every_spelling_of_the_name_finds_the_case(login_as, drita, others, query):
    page = search(login_as("advocate_arta"), query)

    assert drita.code in page
    assert "Drita Berisha" in page
    # Only those with both names: Drita Krasniqi and Besa Berisha are not Drita Berisha.
    expected_others = {"berisha": {"Besa"}}.get(query, set())
    shown = {case.person.given_name for case in others if case.code in page}
    assert shown == expected_others


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["1994-03-07", "07.03.1994", "7.3.1994", "07/03/1994"])
def test_the_birth_date_finds_the_case(login_as, drita, others, query):
    page = search(login_as("advocate_arta"), query)

    assert drita.code in page
    assert not any(case.code in page for case in others)


@pytest.mark.django_db
def test_name_and_birth_date_together_must_both_match(login_as, drita, others):
    client = login_as("advocate_arta")

    assert drita.code in search(client, "Berisha 07.03.1994")
    assert drita.code not in search(client, "Berisha 08.03.1994")


@pytest.mark.django_db
def test_the_code_finds_the_case_whole_lowercase_or_by_its_number(login_as, drita, others):
    client = login_as("advocate_arta")
    year_and_number = drita.code.split("-", 1)[1]
    number = int(drita.code.rsplit("-", 1)[1])

    for query in (drita.code, drita.code.lower(), year_and_number, str(number)):
        page = search(client, query)
        assert drita.code in page, query
        assert not any(case.code in page for case in others), query


@pytest.mark.django_db
def test_the_exact_spelling_is_listed_before_a_similar_one(login_as, staff, agencies, drita):
    similar = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Dritë",
        family_name="Berishaj",
    )

    page = search(login_as("advocate_arta"), "Dritë Berishaj")

    assert page.index(similar.code) < page.index(drita.code)
    rows = {
        code: row
        for row in page.split("<tr>")
        for code in (drita.code, similar.code)
        if code in row
    }
    assert "similar spelling" not in rows[similar.code]
    assert "similar spelling" in rows[drita.code]
