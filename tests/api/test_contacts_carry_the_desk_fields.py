"""A contact logged through the API carries the desk's fields as the helpline form does: time,
duration, the caller's age group, sex, municipality and phone (normalised, encrypted, found
again by its keyed hash); the form's limits give field errors and save nothing."""

import datetime

import pytest
from django.utils import timezone

from strehe.helpline.models import Contact
from tests.api.tokens import bearer, post_json, token_for
from tests.helpline.desk import logged, municipality
from tests.helpline.flow import CALL


def log(client, **fields):  # type: ignore[no-untyped-def]
    return post_json(client, "/api/v1/contacts/", {**CALL, **fields})


@pytest.mark.django_db
def test_the_desk_fields_are_stored_and_the_caller_recognised(staff):
    olta = staff["operator_olta"]
    earlier = logged(olta, hours_ago=3, caller_phone="044 123 456")
    prizren = municipality("Prizren")
    when = (timezone.now() - datetime.timedelta(hours=1)).replace(microsecond=0)
    api = bearer(token_for(olta))

    response = log(
        api,
        contacted_at=when.isoformat(),
        duration_minutes=25,
        caller_age_group="adult",
        caller_sex="female",
        municipality=prizren.slug,
        caller_phone="+383 44 123-456",
    )

    assert response.status_code == 201, response.json()
    contact = Contact.objects.get(pk=response.json()["id"])
    assert contact.contacted_at == when
    assert (contact.duration_minutes, contact.caller_age_group, contact.caller_sex) == (
        25,
        "adult",
        "female",
    )
    assert contact.municipality == prizren
    assert contact.lookup_hash == earlier.lookup_hash
    detail = api.get(f"/api/v1/contacts/{contact.pk}/").json()
    assert detail["caller_phone"] == earlier.caller_phone
    assert detail["municipality"] == "prizren"
    listed = api.get("/api/v1/contacts/").json()["results"]
    assert "caller_phone" not in listed[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"duration_minutes": 601}, "duration_minutes"),
        ({"duration_minutes": -1}, "duration_minutes"),
        ({"contacted_at": "2999-01-01T10:00:00Z"}, "contacted_at"),
        ({"contacted_at": "1989-12-31T10:00:00Z"}, "contacted_at"),
        ({"caller_phone": "not a number"}, "caller_phone"),
        ({"municipality": "atlantis"}, "municipality"),
        ({"caller_sex": "\u202e"}, "caller_sex"),
    ],
)
def test_the_forms_limits_are_field_errors(staff, fields, field):
    response = log(bearer(token_for(staff["operator_olta"])), **fields)

    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {field}
    assert not Contact.objects.exists()
