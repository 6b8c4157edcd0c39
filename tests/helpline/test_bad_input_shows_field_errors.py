"""Bad input on every page of the flow shows the errors at their fields and saves nothing."""

import datetime

import pytest
from django.utils import timezone

from strehe.cases.models import AccessGrant, Case, Consent, IdentificationDecision, Person
from strehe.helpline.models import Contact
from strehe.screening.models import Screening
from tests.helpline.flow import CALL, logged_contact, person, url
from tests.staff import open_test_case


def counts() -> dict[str, int]:
    models = [Contact, Screening, Person, Case, Consent, AccessGrant, IdentificationDecision]
    return {model.__name__: model.objects.count() for model in models}


def field_errors(response) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"caller_type": ""}, "caller_type"),
        ({"channel": "pigeon"}, "channel"),
        ({"topic": "<script>"}, "topic"),
    ],
)
def test_log_a_call(login_as, changes, field):
    before = counts()

    response = login_as("operator_olta").post(url("helpline:create"), {**CALL, **changes})

    assert response.status_code == 200
    assert list(field_errors(response)) == [field]
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"acts": ["kidnap"]}, "acts"),
        ({"means": ["magic"], "acts": ["recruitment"]}, "means"),
        ({"indicators_deceptive_recruitment": ["999999"]}, "indicators_deceptive_recruitment"),
    ],
)
def test_screening(login_as, staff, data, field):
    contact = logged_contact(staff["operator_olta"])
    before = counts()

    response = login_as("operator_olta").post(url("helpline:screen", contact_id=contact.pk), data)

    assert response.status_code == 200
    assert field in field_errors(response)
    assert counts() == before


# A week ahead rather than tomorrow: still in the future if the run crosses local midnight.
TOMORROW = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"given_name": "A" * 201}, "given_name"),  # names are optional, but bounded
        ({"birth_date": "2004-02-31"}, "birth_date"),
        ({"estimated_age": "20"}, "estimated_age"),  # and a birth date: one or the other
        ({"citizenships": ["QQ"]}, "citizenships"),
        ({"languages": ["klingon"]}, "languages"),
        ({"sharing_consent": "on"}, "share_with"),  # consent, but to share with nobody
        # Checked by the service (cases.services.case_open) and shown at the field:
        ({"birth_date": TOMORROW}, "birth_date"),
        ("share without consent", "sharing_consent"),
    ],
)
def test_open_a_case(login_as, staff, agencies, changes, field):
    contact = logged_contact(staff["operator_olta"])
    if changes == "share without consent":
        changes = {"share_with": str(agencies["police"].pk)}
    before = counts()

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk), person(**changes)
    )

    assert response.status_code == 200
    assert field in field_errors(response), field_errors(response)
    assert counts() == before
    contact.refresh_from_db()
    assert contact.case is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "Victim"}, "status"),
        ({"status": "PossibleVictimOfTrafficking", "decided_on": "yesterday"}, "decided_on"),
        # Checked by the service (cases.services.identification_record):
        ({"status": "PossibleVictimOfTrafficking", "decided_on": TOMORROW}, "decided_on"),
    ],
)
def test_identification(login_as, staff, agencies, data, field):
    case = open_test_case(owner=agencies["police"], worker=None, label="Bad")
    before = counts()

    response = login_as("investigator_ilir").post(url("cases:identification", code=case.code), data)

    assert response.status_code == 200
    assert field in field_errors(response), field_errors(response)
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "page", "required"),
    [
        ("operator_olta", "helpline:create", "caller_type"),
        ("operator_olta", "helpline:open_case", "sex"),  # names may be unknown
        ("investigator_ilir", "cases:identification", "status"),
    ],
)
def test_an_empty_post_is_refused_with_the_required_fields(
    login_as, staff, agencies, username, page, required
):
    contact = logged_contact(staff["operator_olta"])
    case = open_test_case(owner=agencies["police"], worker=None, label="Empty")
    arguments = {"code": case.code} if page.startswith("cases:") else {"contact_id": contact.pk}
    if page == "helpline:create":
        arguments = {}
    before = counts()

    response = login_as(username).post(url(page, **arguments), {})

    assert response.status_code == 200
    assert required in field_errors(response)
    assert counts() == before
