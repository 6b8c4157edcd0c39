"""The "log a call" page takes the contact's time and duration and the caller's age group, sex,
municipality and phone number; bad input is a field error and saves nothing."""

import datetime

import pytest
from django.utils import timezone

from strehe.helpline.models import Contact
from tests.helpline.desk import municipality
from tests.helpline.flow import CALL, url


def posted(client, **changes):
    return client.post(url("helpline:create"), {**CALL, **changes})


@pytest.mark.django_db
def test_the_details_are_saved(login_as):
    prizren = municipality("Prizren")
    earlier = timezone.localtime() - datetime.timedelta(hours=3)

    response = posted(
        login_as("operator_olta"),
        contacted_at=earlier.strftime("%Y-%m-%dT%H:%M"),
        duration_minutes="25",
        caller_age_group="child",
        caller_sex="female",
        municipality=str(prizren.pk),
        caller_phone="044 123 456",
    )

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.contacted_at == earlier.replace(second=0, microsecond=0)
    assert (contact.duration_minutes, contact.caller_age_group, contact.caller_sex) == (
        25,
        "child",
        "female",
    )
    assert contact.municipality == prizren
    assert contact.caller_phone == "+38344123456"
    assert contact.lookup_hash


@pytest.mark.django_db
def test_left_out_the_details_are_not_known(login_as):
    response = posted(login_as("operator_olta"))

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.caller_age_group, contact.caller_sex) == ("unknown", "unknown")
    assert contact.municipality is None and contact.caller_phone is None
    assert contact.lookup_hash == ""
    assert contact.contacted_at > timezone.now() - datetime.timedelta(minutes=1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("duration_minutes", "601"),
        ("duration_minutes", "-1"),
        ("duration_minutes", "9" * 40),
        ("caller_age_group", "toddler"),
        ("caller_sex", "A" * 10_000),
        ("municipality", "9" * 40),
        ("caller_phone", "call me"),
        ("caller_phone", "12"),
        ("caller_phone", "4" * 100),
        ("contacted_at", "0001-01-01T00:00"),
        ("contacted_at", "9999-12-31T23:59"),
        ("contacted_at", "1989-12-31T23:00"),
        ("contacted_at", "2999-01-01T10:00"),
        ("contacted_at", "yesterday"),
    ],
)
def test_bad_input_is_a_field_error_and_saves_nothing(login_as, field, value):
    response = posted(login_as("operator_olta"), **{field: value})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {field}
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_invisible_characters_in_the_number_are_dropped(login_as):
    response = posted(login_as("operator_olta"), caller_phone="044\u202e123\u200b456")

    assert response.status_code == 302
    assert Contact.objects.get().caller_phone == "+38344123456"
