"""Every client mistake is a 4xx with one JSON shape: {"error", "detail", "fields"}; the
services' own refusals (a field rule, a permission) come out the same way and write nothing."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from strehe.api.errors import exception_handler
from strehe.cases.models import IdentificationDecision
from strehe.helpline.models import Contact
from tests.api.tokens import bearer, token_for


def shape_of(response) -> tuple[int, str, set[str]]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error", "detail", "fields"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    return response.status_code, body["error"], set(body["fields"])


@pytest.mark.django_db
def test_a_bad_field_names_the_field(staff, records_of):
    case = records_of("investigator_ilir").own
    api = bearer(token_for(staff["investigator_ilir"]))

    bad_status = api.post(
        f"/api/v1/cases/{case.code}/decisions/",
        {"status": "Maybe"},
        content_type="application/json",
    )
    future = api.post(
        f"/api/v1/cases/{case.code}/decisions/",
        {"status": "PossibleVictimOfTrafficking", "decided_on": "2999-01-01"},
        content_type="application/json",
    )

    assert shape_of(bad_status) == (400, "invalid", {"status"})
    assert shape_of(future) == (400, "invalid", {"decided_on"})
    assert IdentificationDecision.objects.count() == 0


@pytest.mark.django_db
def test_a_refused_act_is_403_and_an_invisible_case_404(staff, records_of):
    social = records_of("social_worker_sokol")
    api = bearer(token_for(staff["social_worker_sokol"]))
    body = {"status": "PossibleVictimOfTrafficking"}

    refused = api.post(
        f"/api/v1/cases/{social.own.code}/decisions/", body, content_type="application/json"
    )
    invisible = api.post(
        f"/api/v1/cases/{social.other_agency.code}/decisions/",
        body,
        content_type="application/json",
    )

    assert shape_of(refused) == (403, "permission_denied", set())
    assert shape_of(invisible) == (404, "not_found", set())
    assert IdentificationDecision.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        {},
        {"channel": "phone"},
        {
            "channel": "pigeon",
            "language": "sq",
            "caller_type": "possible_victim",
            "topic": "trafficking",
            "outcome": "advice_given",
        },
        {
            "channel": "phone",
            "language": "sq",
            "caller_type": "possible_victim",
            "topic": "trafficking",
            "outcome": "advice_given",
            "summary": "x" * 30_000,
        },
    ],
)
def test_a_bad_contact_is_refused_and_stores_nothing(staff, body):
    api = bearer(token_for(staff["operator_olta"]))

    response = api.post("/api/v1/contacts/", body, content_type="application/json")

    status, error, fields = shape_of(response)
    assert (status, error) == (400, "invalid") and fields
    assert Contact.objects.count() == 0


@pytest.mark.django_db
def test_a_good_contact_is_logged_for_the_operators_agency(staff):
    olta = staff["operator_olta"]
    response = bearer(token_for(olta)).post(
        "/api/v1/contacts/",
        {
            "channel": "phone",
            "language": "sq",
            "caller_type": "possible_victim",
            "topic": "trafficking",
            "outcome": "advice_given",
            "summary": "Synthetic.",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    contact = Contact.objects.get()
    assert contact.owner_agency == olta.agency and contact.summary == "Synthetic."


@pytest.mark.django_db
def test_an_id_beyond_the_database_is_404(staff):
    api = bearer(token_for(staff["operator_olta"]))

    response = api.get(f"/api/v1/contacts/{2**70}/")

    assert shape_of(response) == (404, "not_found", set())


def test_an_error_of_no_one_field_is_named_as_drf_names_it():
    response = exception_handler(
        ValidationError({NON_FIELD_ERRORS: ["The end is before the start."], "year": ["Bad."]}),
        {},
    )

    assert response is not None and response.status_code == 400
    assert response.data["fields"] == {
        "non_field_errors": ["The end is before the start."],
        "year": ["Bad."],
    }
