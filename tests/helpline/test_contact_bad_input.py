"""Bad helpline input is refused with field errors, and nothing is stored."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("channel", "pigeon"),
        ("language", "de"),
        ("caller_type", "journalist"),
        ("topic", "weather"),
        ("outcome", "solved"),
        ("channel", ""),
    ],
)
def test_an_unknown_code_is_a_field_error(operator, call, field, value):
    with pytest.raises(ValidationError) as raised:
        contact_create(actor=operator, **{**call, field: value})

    assert field in raised.value.message_dict
    assert Contact.objects.count() == 0


def test_a_time_in_the_future_is_refused(operator, call):
    tomorrow = timezone.now() + timedelta(days=1)

    with pytest.raises(ValidationError) as raised:
        contact_create(actor=operator, contacted_at=tomorrow, **call)

    assert "contacted_at" in raised.value.message_dict
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_a_public_contact_cannot_be_made_non_anonymous(call):
    with pytest.raises(ValidationError) as raised:
        contact_create(actor=None, anonymous=False, **call)

    assert "anonymous" in raised.value.message_dict
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_the_database_itself_refuses_a_non_anonymous_public_contact(call):
    with pytest.raises(IntegrityError):
        Contact.objects.create(anonymous=False, recorded_by=None, **call)


def test_the_database_itself_refuses_an_unknown_code(operator, call):
    with pytest.raises(IntegrityError):
        Contact.objects.create(recorded_by=operator, **{**call, "topic": "weather"})
