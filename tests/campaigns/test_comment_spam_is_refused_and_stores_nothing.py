"""Spam is refused without a third party: a filled honeypot, a post faster than the minimum time
on the page, and the 6th post within the rate window each store nothing and say why. No table
holds a reader's address."""

import pytest
from django.apps import apps
from django.db import connection

from strehe.campaigns.models import Comment, PostThrottle

from .conftest import READER_ADDRESS, form_fields, post_comment, reader

DAY = "/en/campaigns/2012/day/6/"


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused(reference, quick_forms):
    response = post_comment(reader(), DAY, "Buy cheap watches", website="http://spam.example")

    assert response.status_code == 200
    assert "a field meant to stay empty was filled in" in response.content.decode()
    assert Comment.objects.count() == 0
    assert PostThrottle.objects.count() == 0


@pytest.mark.django_db
def test_a_post_faster_than_the_minimum_time_is_refused(reference, settings):
    settings.STREHE_PUBLIC_FORM_MIN_SECONDS = 60

    response = post_comment(reader(), DAY, "A thoughtful comment.")

    assert response.status_code == 200
    assert "sent too quickly after the page opened" in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_a_forged_start_time_is_refused(reference, quick_forms):
    response = post_comment(reader(), DAY, "A comment.", started="1")

    assert "This form has expired" in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_the_sixth_post_within_the_window_is_refused(reference, quick_forms, capsys):
    client = reader()
    statuses = [post_comment(client, DAY, f"Comment number {n}.").status_code for n in range(5)]
    sixth = post_comment(client, DAY, "Comment number 6.")

    with capsys.disabled():
        print(
            f"\nrate limit: {statuses.count(303)} posts accepted, the 6th got {sixth.status_code}"
        )
    assert statuses == [303] * 5
    assert sixth.status_code == 200
    assert "Too many messages were sent from your connection" in sixth.content.decode()
    assert Comment.objects.count() == 5
    # Another connection is not affected.
    other = post_comment(reader_from("198.51.100.9"), DAY, "From elsewhere.")
    assert other.status_code == 303


def reader_from(address: str):  # type: ignore[no-untyped-def]
    from django.test import Client

    return Client(REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_contact_form_shares_the_rate_limit(reference, quick_forms):
    client = reader()
    for n in range(5):
        post_comment(client, DAY, f"Comment {n}.")
    page = client.get("/en/contact/").content.decode()
    response = client.post(
        "/en/contact/",
        {**form_fields(page), "message": "Help", "about": "information", "language": "en"},
    )

    assert "Too many messages" in response.content.decode()


@pytest.mark.django_db
def test_no_table_holds_the_readers_address(reference, quick_forms, capsys):
    client = reader()
    post_comment(client, DAY, "A comment.")
    page = client.get("/en/contact/").content.decode()
    client.post(
        "/en/contact/",
        {
            **form_fields(page),
            "message": "Please call me",
            "about": "trafficking",
            "language": "en",
        },
    )

    tables = 0
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            columns = [
                f.column
                for f in model._meta.concrete_fields
                if f.get_internal_type()
                in {"CharField", "TextField", "GenericIPAddressField", "JSONField"}
            ]
            if not columns:
                continue
            tables += 1
            for column in columns:
                cursor.execute(f'SELECT "{column}" FROM "{table}"')  # noqa: S608 -- names from models
                if any(READER_ADDRESS in str(value) for (value,) in cursor.fetchall()):
                    found.append(f"{table}.{column}")
    with capsys.disabled():
        print(f"\nraw address search: {tables} tables searched, found in {found}")
    assert found == []
    assert PostThrottle.objects.count() == 2
