"""A ciphertext copied out of the database and pasted into a form is stored as that text.

Encrypted fields decrypt only what they read from the database, never what a user typed: else a
database dump plus any staff login would read every encrypted value, with no view logged.
"""

import pytest
from django.db import connection

from strehe.cases.models import Case, Person, TimelineEntry
from strehe.cases.services import case_update
from strehe.core.crypto import EncryptedCharField, EncryptedTextField, encrypt_text
from strehe.helpline.models import Contact
from tests.cases.workflow import url
from tests.helpline.flow import CALL, logged_contact, person, screened
from tests.helpline.flow import url as helpline_url


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_ciphertext_pasted_into_a_note_is_shown_as_pasted(records_of, login_as):
    cases = records_of("advocate_arta")
    other_narrative = raw("cases_case", "narrative", cases.other_agency.pk)
    client = login_as("advocate_arta")

    response = client.post(url("cases:note", cases.own), {"text": other_narrative})

    assert response.status_code == 302
    note = TimelineEntry.objects.get(case=cases.own, kind=TimelineEntry.Kind.NOTE)
    assert note.note == other_narrative
    page = client.get(url("cases:detail", cases.own)).content.decode()
    assert other_narrative in page
    assert "Narrative of Other" not in page


@pytest.mark.django_db
def test_a_ciphertext_pasted_into_a_name_on_the_open_case_page_is_shown_as_pasted(
    records_of, login_as, staff
):
    other = records_of("operator_olta").other_agency
    other_given_name = raw("cases_person", "given_name", other.person_id)
    contact = logged_contact(staff["operator_olta"])
    screened(contact, staff["operator_olta"])
    client = login_as("operator_olta")

    response = client.post(
        helpline_url("helpline:open_case", contact_id=contact.pk),
        person(given_name=other_given_name),
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.case.person.given_name == other_given_name
    page = client.get(response.url).content.decode()
    assert other_given_name in page
    assert "GivenOther" not in page


@pytest.mark.django_db
def test_a_ciphertext_given_to_case_update_is_stored_as_given(records_of, staff):
    cases = records_of("advocate_arta")
    other_family_name = raw("cases_person", "family_name", cases.other_agency.person_id)

    case_update(
        actor=staff["advocate_arta"],
        case=cases.own,
        changes={"family_name": other_family_name, "narrative": other_family_name},
    )

    assert Person.objects.get(pk=cases.own.person_id).family_name == other_family_name
    assert Case.objects.get(pk=cases.own.pk).narrative == other_family_name


@pytest.mark.django_db
def test_a_ciphertext_pasted_into_a_contact_summary_is_shown_as_pasted(staff, login_as):
    earlier = logged_contact(staff["advocate_arta"])
    token = raw("helpline_contact", "summary", earlier.pk)
    client = login_as("advocate_arta")

    response = client.post(
        helpline_url("helpline:create"),
        {**CALL, "summary": token, "advice_and_referrals": token},
    )

    assert response.status_code == 302
    contact = Contact.objects.exclude(pk=earlier.pk).get()
    assert (contact.summary, contact.advice_and_referrals) == (token, token)
    page = client.get(response.url).content.decode()
    assert token in page
    assert CALL["summary"] not in page


@pytest.mark.parametrize("field", [EncryptedCharField(max_length=200), EncryptedTextField()])
def test_to_python_leaves_a_token_as_it_is(settings, field):
    token = encrypt_text("a secret")

    assert field.to_python(token) == token
    assert field.clean(token, None) == token
