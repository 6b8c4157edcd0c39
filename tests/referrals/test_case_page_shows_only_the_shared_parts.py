"""A user whose only access to a case is an accepted referral sees the parts its sender shared
and nothing else, on the case page and in the API; a search by the person's name finds the case
only where the identity was shared. Those who see the case otherwise see every part."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.referrals.services import referral_accept
from tests.referrals.setting import NOTE, PLACE, RISK_REASONS

pytestmark = pytest.mark.django_db


def page(client, name: str, code: str, **query) -> str:
    with translation.override("en"):
        response = client.get(reverse(name, kwargs={"code": code}), query)
    assert response.status_code == 200
    return response.content.decode()


def test_identity_and_risk_shared_notes_narrative_and_events_not(referral_setting, login_as):
    case = referral_setting.case("Parts")
    referral_accept(actor=referral_setting.receiver, referral=referral_setting.send(case))
    client = login_as("social_worker_sokol")

    html = page(client, "cases:detail", case.code)
    api = client.get(reverse("api:case", kwargs={"code": case.code})).json()

    assert case.person.given_name in html and case.person.family_name in html
    assert RISK_REASONS in html
    for hidden in (NOTE, PLACE, "Narrative of"):
        assert hidden not in html, hidden
    assert api["person"]["given_name"] == case.person.given_name
    assert "narrative" not in api
    assert api["parts_shared"] == ["identity", "risk"]


def test_without_identity_the_name_is_nowhere_and_search_does_not_find_it(
    referral_setting, login_as
):
    case = referral_setting.case("Nameless")
    referral = referral_setting.send(case, parts=("narrative", "events", "notes"))
    referral_accept(actor=referral_setting.receiver, referral=referral)
    client = login_as("social_worker_sokol")

    html = page(client, "cases:detail", case.code)
    api = client.get(reverse("api:case", kwargs={"code": case.code})).json()
    with translation.override("en"):
        search = client.get(reverse("search:search"), {"q": case.person.given_name}).content

    for hidden in (case.person.given_name, case.person.family_name, RISK_REASONS):
        assert hidden not in html, hidden
    assert NOTE in html and PLACE in html and "Narrative of" in html
    assert "given_name" not in api["person"] and "family_name" not in api["person"]
    assert case.code not in search.decode()
    with translation.override("en"):
        by_code = client.get(reverse("search:search"), {"q": case.code}).content.decode()
    assert case.person.given_name not in by_code
    with translation.override("en"):
        found_by_sender = login_as("advocate_arta").get(
            reverse("search:search"), {"q": case.person.given_name}
        )
    assert case.code in found_by_sender.content.decode()


def test_the_owning_agency_and_the_national_view_see_every_part(referral_setting, login_as):
    case = referral_setting.case("Whole")
    referral_accept(actor=referral_setting.receiver, referral=referral_setting.send(case))

    for username in ("advocate_arta", "coordinator_drita"):
        html = page(login_as(username), "cases:detail", case.code)
        for shown in (case.person.given_name, NOTE, PLACE, "Narrative of", RISK_REASONS):
            assert shown in html, (username, shown)


def test_correction_pages_of_a_part_not_shared_are_refused(referral_setting, login_as):
    case = referral_setting.case("Corrections")
    referral_accept(actor=referral_setting.receiver, referral=referral_setting.send(case))
    client = login_as("social_worker_sokol")

    with translation.override("en"):
        statuses = {
            name: client.get(reverse(f"cases:{name}", kwargs={"code": case.code})).status_code
            for name in ("person", "narrative", "note_correct", "event_correct")
        }
        refused_post = client.post(
            reverse("cases:narrative", kwargs={"code": case.code}), {"narrative": "Rewritten."}
        ).status_code

    # Identity and risk were shared: the person's details may be corrected, nothing else.
    assert statuses == {"person": 200, "narrative": 403, "note_correct": 403, "event_correct": 403}
    assert refused_post == 403
    case.refresh_from_db()
    assert case.narrative.startswith("Narrative of")
