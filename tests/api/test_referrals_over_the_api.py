"""A referral sent, read, accepted and completed through the API: the receiver reads a summary
without the reason until it accepts, acceptance opens the shared parts, completion closes them;
each read of a referral is logged, as on the referral pages."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant
from strehe.referrals.models import Referral
from tests.api.tokens import bearer, post_json, token_for
from tests.referrals.setting import REASON, service_of


@pytest.mark.django_db
def test_a_referral_goes_from_sent_to_completed(referral_setting, agencies):
    case = referral_setting.case()
    sender = bearer(token_for(referral_setting.sender))
    receiver = bearer(token_for(referral_setting.receiver))

    sent = post_json(
        sender,
        f"/api/v1/cases/{case.code}/referrals/",
        {
            "service": service_of(agencies["social"]).slug,
            "urgency": "urgent",
            "reason": REASON,
            "parts": ["identity", "risk"],
        },
    )
    assert sent.status_code == 201, sent.json()
    referral_id = sent.json()["id"]
    assert sent.json()["reason"] == REASON
    assert sent.json()["parts"] == ["identity", "risk"]

    # Before accepting: a summary, no reason, no name; the case itself stays closed to them.
    waiting = receiver.get(f"/api/v1/cases/{case.code}/referrals/")
    assert waiting.status_code == 200
    (row,) = waiting.json()
    assert row["reason"] is None
    assert row["summary"]["risk_level"]
    assert case.person.given_name not in waiting.content.decode()
    assert receiver.get(f"/api/v1/cases/{case.code}/").status_code == 404
    assert [r["id"] for r in receiver.get("/api/v1/referrals/").json()["results"]] == [referral_id]

    accepted = post_json(receiver, f"/api/v1/referrals/{referral_id}/accept/")
    assert accepted.status_code == 200
    assert accepted.json()["state"] == "accepted"
    assert accepted.json()["reason"] == REASON
    opened = receiver.get(f"/api/v1/cases/{case.code}/")
    assert opened.status_code == 200
    assert opened.json()["parts_shared"] == ["identity", "risk"]

    declined = post_json(receiver, f"/api/v1/referrals/{referral_id}/decline/", {"reason": "Late."})
    assert declined.status_code == 400
    assert Referral.objects.get(pk=referral_id).state == "accepted"

    completed = post_json(receiver, f"/api/v1/referrals/{referral_id}/complete/")
    assert completed.status_code == 200
    assert completed.json()["state"] == "completed"
    assert not AccessGrant.objects.filter(case=case, basis="referral", ended_at=None).exists()
    assert receiver.get(f"/api/v1/cases/{case.code}/").status_code == 404

    reads = AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, target_type="referrals.referral", target_id=str(referral_id)
    )
    assert reads.filter(actor=referral_setting.receiver).count() == 1


@pytest.mark.django_db
def test_a_revoke_needs_a_reason_and_only_the_sender_revokes(referral_setting):
    referral = referral_setting.send(referral_setting.case())
    sender = bearer(token_for(referral_setting.sender))
    receiver = bearer(token_for(referral_setting.receiver))

    no_reason = post_json(sender, f"/api/v1/referrals/{referral.pk}/revoke/")
    assert no_reason.status_code == 400
    assert set(no_reason.json()["fields"]) == {"reason"}
    assert (
        post_json(receiver, f"/api/v1/referrals/{referral.pk}/revoke/", {"reason": "x"}).status_code
        == 403
    )

    revoked = post_json(
        sender, f"/api/v1/referrals/{referral.pk}/revoke/", {"reason": "Wrong service."}
    )

    assert revoked.status_code == 200
    assert revoked.json()["revoke_reason"] == "Wrong service."
    # A revoked referral is no longer the receiver's to see.
    assert post_json(receiver, f"/api/v1/referrals/{referral.pk}/accept/").status_code == 404


@pytest.mark.django_db
def test_an_unknown_service_or_part_is_a_field_error(referral_setting):
    case = referral_setting.case()
    sender = bearer(token_for(referral_setting.sender))

    response = post_json(
        sender,
        f"/api/v1/cases/{case.code}/referrals/",
        {"service": "no-such-service", "urgency": "soon", "reason": "", "parts": ["soul"]},
    )

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"service", "urgency", "reason", "parts"}
    assert not Referral.objects.exists()


@pytest.mark.django_db
def test_the_list_shows_neither_reasons_nor_summaries(referral_setting):
    referral_setting.send(referral_setting.case())

    for user in (referral_setting.sender, referral_setting.receiver):
        (row,) = bearer(token_for(user)).get("/api/v1/referrals/").json()["results"]
        assert (row["reason"], row["summary"]) == (None, None)
