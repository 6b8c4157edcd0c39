"""A receiving agency sees a summary without the person's name until it accepts; acceptance
opens the shared parts; a declined, revoked or completed referral leaves it nothing: every page
of the case and of the referral answers 404, and no page it was shown ever held the name."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.referrals.services import (
    referral_accept,
    referral_complete,
    referral_decline,
    referral_revoke,
)
from tests.referrals.setting import NOTE, PLACE, RISK_REASONS

pytestmark = pytest.mark.django_db


def urls(code: str) -> dict[str, str]:
    with translation.override("en"):
        return {
            "case": reverse("cases:detail", kwargs={"code": code}),
            "api": reverse("api:case", kwargs={"code": code}),
            "referrals": reverse("referrals:case", kwargs={"code": code}),
            "accept": reverse("referrals:accept", kwargs={"code": code}),
            "decline": reverse("referrals:decline", kwargs={"code": code}),
            "complete": reverse("referrals:complete", kwargs={"code": code}),
            "list": reverse("referrals:list"),
            "home": reverse("accounts:home"),
        }


def names_of(case) -> list[str]:
    return [case.person.given_name, case.person.family_name]


def test_before_acceptance_the_receiver_sees_a_summary_without_the_name(referral_setting, login_as):
    case = referral_setting.case("Summary")
    referral_setting.send(case)
    pages = urls(case.code)
    client = login_as("social_worker_sokol")

    shown = {name: client.get(pages[name]) for name in ("referrals", "list", "home")}

    assert {name: response.status_code for name, response in shown.items()} == {
        "referrals": 200,
        "list": 200,
        "home": 200,
    }
    assert client.get(pages["case"]).status_code == 404
    assert client.get(pages["api"]).status_code == 404
    summary = shown["referrals"].content.decode()
    assert case.code in summary and "Needs social assistance" in summary
    for text in (*names_of(case), NOTE, PLACE, RISK_REASONS, "Narrative of"):
        for name, response in shown.items():
            assert text not in response.content.decode(), f"{text!r} on {name}"
    assert case.code in shown["home"].content.decode()


def test_acceptance_opens_the_case_and_decline_never_does(referral_setting, login_as):
    accepted_case = referral_setting.case("Accepted")
    declined_case = referral_setting.case("Declined")
    referral_setting.send(accepted_case)
    referral_setting.send(declined_case)
    client = login_as("social_worker_sokol")

    accepted = client.post(
        urls(accepted_case.code)["accept"], {"referral": accepted_case.referrals.get().pk}
    )
    declined = client.post(
        urls(declined_case.code)["decline"],
        {"referral": declined_case.referrals.get().pk, "reason": "We have no room."},
    )

    assert accepted.status_code == 302 and declined.status_code == 302
    assert client.get(urls(accepted_case.code)["case"]).status_code == 200
    for name in ("case", "api", "referrals", "accept", "decline", "complete"):
        assert client.get(urls(declined_case.code)[name]).status_code == 404, name
    for name in ("list", "home"):
        assert declined_case.code not in client.get(urls(declined_case.code)[name]).content.decode()


@pytest.mark.parametrize(
    "ending", ["declined", "revoked before acceptance", "revoked", "completed"]
)
def test_an_ended_referral_leaves_the_receiver_with_404_everywhere(
    referral_setting, login_as, ending, capsys
):
    case = referral_setting.case("Ended")
    referral = referral_setting.send(case)
    receiver, sender = referral_setting.receiver, referral_setting.sender
    if ending == "declined":
        referral_decline(actor=receiver, referral=referral, reason="No room.")
    elif ending == "revoked before acceptance":
        referral_revoke(actor=sender, referral=referral, reason="Wrong centre.")
    else:
        referral_accept(actor=receiver, referral=referral)
        assert login_as("social_worker_sokol").get(urls(case.code)["case"]).status_code == 200
        if ending == "revoked":
            referral_revoke(actor=sender, referral=referral, reason="She moved.")
        else:
            referral_complete(actor=receiver, referral=referral)

    statuses = {}
    for username in ("social_worker_sokol", "colleague_social"):
        client = login_as(username)
        for name in ("case", "api", "referrals", "accept", "decline", "complete"):
            statuses[f"{username} {name}"] = client.get(urls(case.code)[name]).status_code

    with capsys.disabled():
        print(f"\n{ending}: {len(statuses)} receiver requests, all 404: {set(statuses.values())}")
    assert set(statuses.values()) == {404}, statuses
    # The sender still sees the case and the referral's end.
    sender_page = login_as("advocate_arta").get(urls(case.code)["referrals"])
    assert sender_page.status_code == 200
