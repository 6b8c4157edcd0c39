"""A case the user may not see is not in the results, nor counted; the search is audited
with who searched and how many results, never with what was searched for."""

import datetime
import json
import re
from urllib.parse import quote_plus

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from strehe.cases.services import case_open


@pytest.fixture
def drita(staff, agencies):
    return case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Drita",
        family_name="Berisha",
        birth_date=datetime.date(1994, 3, 7),
    )


def without(page, query):
    """The page without the echo of the user's own query (search box, language links) and
    without the CSRF token of the header's logout form, which differs on every page."""
    for form in (quote_plus(query), query):
        page = page.replace(form, "")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def search(client, query):
    with translation.override("en"):
        response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Drita Berisha", "Дрита Бериша", "07.03.1994", "code"])
def test_a_user_of_another_agency_gets_no_result_and_no_count(login_as, drita, query):
    query = drita.code if query == "code" else query

    page = search(login_as("investigator_ilir"), query)

    answer = without(page, query)
    assert drita.code not in answer
    assert "Berisha" not in answer
    assert "No case you may see matches." in answer
    # The answer reads exactly as for a name nobody has.
    assert answer == without(search(login_as("investigator_ilir"), "Zzyzx"), "Zzyzx")


@pytest.mark.django_db
def test_the_national_view_finds_it(login_as, drita):
    assert drita.code in search(login_as("coordinator_drita"), "drita berisha")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["statistician_besnik", "administrator_agim"])
def test_roles_without_personal_data_are_refused(login_as, drita, username):
    with translation.override("en"):
        response = login_as(username).get(reverse("search:search"), {"q": "Berisha"})

    assert response.status_code == 403
    assert not AuditEntry.objects.filter(target_label="case search").exists()


@pytest.mark.django_db
def test_each_search_is_audited_with_its_count_and_never_its_text(login_as, staff, drita):
    search(login_as("advocate_arta"), "Dritë Berishaj 07.03.1994")
    search(login_as("investigator_ilir"), "Dritë Berishaj")

    entries = AuditEntry.objects.filter(target_label="case search").order_by("seq")
    assert [(e.actor_username, e.action, e.detail["results"]) for e in entries] == [
        ("advocate_arta", AuditEntry.Action.VIEW, 1),
        ("investigator_ilir", AuditEntry.Action.VIEW, 0),
    ]
    assert entries[0].detail["codes"] == drita.code
    stored = json.dumps([e.detail for e in entries]).lower()
    for fragment in ("drit", "berish", "1994", "07.03"):
        assert fragment not in stored


@pytest.mark.django_db
def test_an_empty_search_shows_the_form_and_audits_nothing(login_as):
    page = search(login_as("advocate_arta"), "")

    assert 'name="q"' in page
    assert not AuditEntry.objects.filter(target_label="case search").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("31.02.1994", "is not a date"),
        ("2999-01-01", ""),
        ("x" * 201, "at most 200 characters"),
        ("Drita\x00", "Null characters are not allowed."),
    ],
)
def test_bad_input_answers_with_a_field_error(login_as, drita, query, message):
    page = search(login_as("advocate_arta"), query)

    assert 'class="errorlist' in page
    assert message in page
    assert drita.code not in page
    assert not AuditEntry.objects.filter(target_label="case search").exists()
