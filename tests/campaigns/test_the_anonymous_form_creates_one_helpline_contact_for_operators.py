"""The anonymous contact form creates exactly one helpline contact, in the helpline operators'
inbox only, and never echoes what was typed into a page a cache may keep."""

import pytest
from django.test import Client

from strehe.audit.models import AuditEntry
from strehe.helpline.models import Contact
from tests.staff import NAMED_USERS, verified_client

from .conftest import form_fields, reader

MESSAGE = "My cousin works in a bar in Ferizaj and they took her passport."
REACH_BACK = "Call 044 123 456 after 18:00"


def send(client: Client, **fields: str):  # type: ignore[no-untyped-def]
    page = client.get("/sr/contact/").content.decode()
    data = {
        **form_fields(page),
        "message": MESSAGE,
        "about": "trafficking",
        "reach_back": REACH_BACK,
        "language": "sr",
        "website": "",
    }
    data.update(fields)
    return client.post("/sr/contact/", data)


@pytest.mark.django_db
def test_one_contact_is_created_and_only_operators_and_the_national_view_see_it(
    reference, quick_forms, staff, capsys
):
    client = reader()
    response = send(client)
    again = client.post(
        "/sr/contact/", {**form_fields(client.get("/sr/contact/").content.decode())}
    )
    contact = Contact.objects.get()

    assert response.status_code == 303
    assert response["Location"] == "/sr/contact/sent/"
    assert again.status_code == 200  # an empty form is refused, not a second contact
    assert Contact.objects.count() == 1
    assert (contact.channel, contact.language, contact.caller_type, contact.topic) == (
        "web_form",
        "sr",
        "anonymous",
        "trafficking",
    )
    assert contact.anonymous and contact.owner_agency is None and contact.recorded_by is None
    assert MESSAGE in contact.summary and REACH_BACK in contact.summary

    detail = f"/en/staff/helpline/{contact.pk}/"
    seen = {
        username: verified_client(staff[username]).get(detail).status_code == 200
        for username in NAMED_USERS
    }
    listed = {
        username: detail
        in verified_client(staff[username]).get("/en/staff/helpline/").content.decode()
        for username in NAMED_USERS
    }
    with capsys.disabled():
        print(f"\npublic contact: seen by {sorted(u for u, s in seen.items() if s)}")
    # Operators answer the inbox; the coordinators' national view sees every contact anyway.
    assert {u for u, s in seen.items() if s} == {"operator_olta", "coordinator_drita"}
    assert {u for u, s in listed.items() if s} == {"operator_olta", "coordinator_drita"}
    created = AuditEntry.objects.get(action="create", target_type="helpline.contact")
    assert created.ip_address is None and created.actor is None


@pytest.mark.django_db
def test_the_confirmation_repeats_nothing_typed_and_is_not_stored(reference, quick_forms):
    client = reader()
    response = send(client)
    sent = client.get(response["Location"])
    html = sent.content.decode()

    assert "no-store" in sent["Cache-Control"]
    assert "cousin" not in html and "044 123 456" not in html
    assert 'href="tel:080011112"' in html  # the helpline number, tappable


@pytest.mark.django_db
def test_a_refused_form_is_shown_again_only_on_a_page_that_is_never_stored(reference, quick_forms):
    response = send(reader(), about="")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_a_filled_honeypot_creates_no_contact(reference, quick_forms):
    response = send(reader(), website="http://spam.example")

    assert response.status_code == 200
    assert Contact.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"message": "x" * 1_000_000},
        {"message": "\u202eevil\u0000"},
        {"about": "not_related"},
        {"language": "de"},
        {"reach_back": "y" * 5000},
    ],
)
def test_bad_input_is_a_field_error_never_a_500(reference, quick_forms, fields):
    response = send(reader(), **fields)

    assert response.status_code == 200
    assert Contact.objects.count() == 0
