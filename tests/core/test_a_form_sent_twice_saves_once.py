"""Every staff form that creates something carries a one-time token: sent twice (a double click,
the page sent again after Back), it saves one record and leads where the first sending led."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.cases.codes import EventKind
from strehe.cases.models import (
    AccessGrant,
    Consent,
    ConsentScope,
    IdentificationDecision,
    RiskAssessment,
    TimelineEntry,
    TraffickingEvent,
)
from strehe.helpline.models import Contact
from strehe.screening.models import Screening
from tests.cases.workflow import (
    make_adult,
    reflection_rules,
    share_with_agencies_of,
)
from tests.helpline.flow import CALL, SCREENING_POST
from tests.staff import open_test_case, verified_client


def sent_twice(client: Client, url: str, data: dict[str, Any]) -> tuple[str, str, str]:
    """GET the page, then POST the same filled-in form twice with its token."""
    page = client.get(url)
    assert page.status_code == 200
    token = page.context["form"]["once"].value()
    assert token, "the form carries no one-time token"
    first = client.post(url, {**data, "once": token})
    second = client.post(url, {**data, "once": token})
    assert first.status_code == 302, first.content.decode()[:2000]
    assert second.status_code == 302
    return token, first["Location"], second["Location"]


def case_pages(staff, agencies) -> list[tuple[str, str, dict[str, Any], Callable[[], int]]]:
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Twice")
    make_adult(case, investigator)
    share_with_agencies_of(case, [staff["advocate_arta"]])
    notes = TimelineEntry.objects.filter(case=case, kind=TimelineEntry.Kind.NOTE)

    def count(model: type[Model]) -> Callable[[], int]:
        return lambda: model.objects.filter(case=case).count()  # type: ignore[attr-defined]

    return [
        ("cases:note", case.code, {"text": "Called back at noon."}, notes.count),
        (
            "cases:event",
            case.code,
            {"kind": EventKind.RECRUITMENT, "country": "AL"},
            count(TraffickingEvent),
        ),
        (
            "cases:consent",
            case.code,
            {"scope": ConsentScope.SHARING, "agency": agencies["shelter"].pk},
            count(Consent),
        ),
        (
            "cases:identification",
            case.code,
            {"status": "PossibleVictimOfTrafficking", "grounds": "Passport taken."},
            count(IdentificationDecision),
        ),
        (
            "cases:risk",
            case.code,
            {"level": "high", "reasons": "Threats.", "assessors": [staff["advocate_arta"].pk]},
            count(RiskAssessment),
        ),
    ]


@pytest.mark.django_db
def test_each_case_form_sent_twice_saves_one_record(staff, agencies, capsys):
    client = verified_client(staff["investigator_ilir"])
    checked = 0
    for name, code, data, count in case_pages(staff, agencies):
        with translation.override("en"):
            url = reverse(name, kwargs={"code": code})
        before = count()
        _token, first, second = sent_twice(client, url, data)
        assert count() == before + 1, name
        assert second == first, name
        checked += 1
    with capsys.disabled():
        print(f"\nsent twice, saved once: {checked} case forms")


@pytest.mark.django_db
def test_sharing_sent_twice_shares_once(staff, agencies):
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="ShareTwice")
    with translation.override("en"):
        url = reverse("cases:sharing", kwargs={"code": case.code})
    client = verified_client(investigator)

    sent_twice(client, url, {"agency": agencies["shelter"].pk, "override_reason": "Danger."})

    assert AccessGrant.objects.filter(case=case, basis__in=AccessGrant.SHARING).count() == 1


@pytest.mark.django_db
def test_a_second_sending_is_told_it_was_saved_once(staff):
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Told")
    client = verified_client(investigator)
    with translation.override("en"):
        url = reverse("cases:note", kwargs={"code": case.code})
        _token, first, _second = sent_twice(client, url, {"text": "Once."})
        shown = client.get(first).content.decode()

    assert "This form had been sent already; it was saved once." in shown


@pytest.mark.django_db
def test_a_refused_sending_does_not_spend_the_token(staff):
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Refused")
    client = verified_client(investigator)
    with translation.override("en"):
        url = reverse("cases:note", kwargs={"code": case.code})
    token = client.get(url).context["form"]["once"].value()

    refused = client.post(url, {"text": "   ", "once": token})
    corrected = client.post(url, {"text": "Now with text.", "once": token})

    assert refused.status_code == 200
    assert corrected.status_code == 302
    assert TimelineEntry.objects.filter(case=case, kind=TimelineEntry.Kind.NOTE).count() == 1


@pytest.mark.django_db
def test_helpline_forms_sent_twice_save_once(staff):
    reflection_rules()
    operator = staff["operator_olta"]
    client = verified_client(operator)
    with translation.override("en"):
        sent_twice(client, reverse("helpline:create"), {**CALL, "anonymous": ""})
        assert Contact.objects.count() == 1
        contact = Contact.objects.get()

        screen = reverse("helpline:screen", kwargs={"contact_id": contact.pk})
        sent_twice(client, screen, SCREENING_POST)
        assert Screening.objects.filter(contact=contact).count() == 1

        open_case = reverse("helpline:open_case", kwargs={"contact_id": contact.pk})
        data = {
            "given_name": "Besa",
            "family_name": "Twice",
            "estimated_age": "30",
            "sex": "unknown",
        }
        _token, first, second = sent_twice(client, open_case, data)
    contact.refresh_from_db()
    assert contact.case is not None
    assert contact.case.person.cases.count() == 1
    assert first == second
