"""Bad parameters to the statistics endpoints answer 400 in the one error shape, naming each
field, whatever is sent: impossible or absurd dates, huge numbers, unknown choices, odd Unicode.
Never a 500."""

import pytest
from django.test import Client

from tests.api.tokens import bearer, token_for

pytestmark = pytest.mark.django_db

GOOD = {"date_from": "2012-01-01", "date_to": "2012-12-31", "by": "citizenship"}

STAFF_CASES = {
    "no parameters": ({}, {"date_from", "date_to", "by"}),
    "impossible dates": (
        GOOD | {"date_from": "2012-13-45", "date_to": "0000-00-00"},
        {"date_from", "date_to"},
    ),
    "a huge year": (GOOD | {"date_to": "9" * 400 + "-01-01"}, {"date_to"}),
    "before records began": (GOOD | {"date_from": "1066-10-14"}, {"date_from"}),
    "in the future": (GOOD | {"date_to": "2999-01-01"}, {"date_to"}),
    "end before start": (GOOD | {"date_from": "2012-06-01", "date_to": "2012-01-01"}, {"date_to"}),
    "unknown dimension": (GOOD | {"by": "shoe_size"}, {"by"}),
    "the same dimension twice": (GOOD | {"then_by": "citizenship"}, {"then_by"}),
    "unknown status": (GOOD | {"status": "\u202eheadline"}, {"status"}),
    "unknown organisation": (GOOD | {"decided_by": "Police\x00"}, {"decided_by"}),
    "custom age bands": (GOOD | {"age_bands": "0-" + "9" * 5000}, {"age_bands"}),
    "unknown language": (GOOD | {"lang": "tlh"}, {"lang"}),
    "odd unicode": (GOOD | {"by": "\U0001f600\ufffd\u0301"}, {"by"}),
}


@pytest.mark.parametrize(("params", "fields"), STAFF_CASES.values(), ids=STAFF_CASES.keys())
def test_the_staff_endpoint_names_the_bad_fields(staff, params, fields):
    api = bearer(token_for(staff["statistician_besnik"]))

    response = api.get("/api/v1/statistics/", params)

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid"
    assert set(body["fields"]) == fields
    assert all(body["fields"][name] for name in fields)


PUBLIC_CASES = {
    "not a number": {"year": "twenty-twelve"},
    "a huge number": {"year": "9" * 5000},
    "a negative year": {"year": "-2012"},
    "a year without figures": {"year": "2011"},
    "odd unicode": {"year": "\uff12\uff10\uff11\uff12\u200b"},
    "unknown language": {"lang": "sr-Cyrl"},
}


@pytest.mark.parametrize("params", PUBLIC_CASES.values(), ids=PUBLIC_CASES.keys())
def test_the_public_endpoint_names_the_bad_field(params):
    response = Client().get("/api/v1/public/statistics/", params)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert set(response.json()["fields"]) == set(params)
