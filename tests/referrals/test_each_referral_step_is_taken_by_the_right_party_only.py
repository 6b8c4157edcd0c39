"""Each step of a referral is taken by its party only: the referring agency sends and revokes,
the receiving agency accepts, declines and completes. Anyone else is refused with
PermissionDenied and nothing is written; each step taken writes one timeline line and one
audit entry, and a step the state does not allow is a field error."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, TimelineEntry
from strehe.referrals.models import Referral
from strehe.referrals.services import (
    referral_accept,
    referral_complete,
    referral_decline,
    referral_revoke,
)
from tests.staff import NAMED_USERS

pytestmark = pytest.mark.django_db

STEPS = {
    "accept": lambda actor, referral: referral_accept(actor=actor, referral=referral),
    "decline": lambda actor, referral: referral_decline(
        actor=actor, referral=referral, reason="No places this month."
    ),
    "complete": lambda actor, referral: referral_complete(actor=actor, referral=referral),
    "revoke": lambda actor, referral: referral_revoke(
        actor=actor, referral=referral, reason="She moved to another town."
    ),
}
# Who may take each step: the receiving agency's social workers, or the referring advocates.
RIGHT_PARTY = {
    "accept": {"social_worker_sokol", "colleague_social"},
    "decline": {"social_worker_sokol", "colleague_social"},
    "complete": {"social_worker_sokol", "colleague_social"},
    "revoke": {"advocate_arta", "colleague_advocates"},
}


def snapshot() -> tuple:
    return (
        list(Referral.objects.values_list("pk", "state", "grant_id", "ended_at")),
        AccessGrant.objects.filter(basis="referral").count(),
        AccessGrant.objects.filter(ended_at__isnull=False).count(),
        TimelineEntry.objects.count(),
        AuditEntry.objects.count(),
    )


def referral_ready_for(step: str, setting, label: str) -> Referral:
    referral = setting.send(setting.case(label))
    if step == "complete":
        referral = referral_accept(actor=setting.receiver, referral=referral)
    return referral


def test_every_other_user_is_refused_each_step_and_nothing_is_written(referral_setting, capsys):
    refused = 0
    for step, take in STEPS.items():
        referral = referral_ready_for(step, referral_setting, f"Refused{step}")
        for username, user in referral_setting.staff.items():
            if username in RIGHT_PARTY[step]:
                continue
            before = snapshot()
            with pytest.raises(PermissionDenied):
                take(user, referral)
            assert snapshot() == before, f"{username} {step} wrote something"
            refused += 1
    with capsys.disabled():
        print(f"\nreferral steps refused to the wrong party: {refused}")
    assert refused == sum(len(referral_setting.staff) - len(r) for r in RIGHT_PARTY.values())
    assert set(NAMED_USERS) <= set(referral_setting.staff)


@pytest.mark.parametrize("step", list(STEPS))
def test_the_right_party_takes_the_step_with_a_timeline_line_and_an_audit_entry(
    referral_setting, step
):
    referral = referral_ready_for(step, referral_setting, f"Right{step}")
    actor = referral_setting.staff[sorted(RIGHT_PARTY[step])[-1]]
    lines = TimelineEntry.objects.filter(case=referral.case, kind="referral").count()
    audits = AuditEntry.objects.filter(target_type="referrals.referral", target_id=str(referral.pk))

    before = audits.count()
    done = STEPS[step](actor, referral)

    expected_state = {
        "accept": "accepted",
        "decline": "declined",
        "complete": "completed",
        "revoke": "revoked",
    }[step]
    assert done.state == expected_state
    assert TimelineEntry.objects.filter(case=referral.case, kind="referral").count() == lines + 1
    assert audits.count() == before + 1
    grant = AccessGrant.objects.filter(case=referral.case, basis="referral").first()
    if step == "accept":
        assert grant.in_force and grant.parts == ["identity", "risk"]
    elif step == "complete":
        assert not grant.in_force and grant.end_cause == "referral_completed"
    else:
        assert grant is None


def test_a_step_the_state_does_not_allow_is_a_field_error(referral_setting):
    referral = referral_setting.send(referral_setting.case("States"))
    with pytest.raises(ValidationError) as complete_early:
        referral_complete(actor=referral_setting.receiver, referral=referral)
    assert "referral" in complete_early.value.message_dict

    referral_decline(actor=referral_setting.receiver, referral=referral, reason="Full.")
    for step in ("accept", "decline", "complete"):
        with pytest.raises(ValidationError):
            STEPS[step](referral_setting.receiver, referral)
    with pytest.raises(ValidationError):
        STEPS["revoke"](referral_setting.sender, referral)


def test_a_revoked_accepted_referral_ends_its_grant(referral_setting):
    referral = referral_setting.send(referral_setting.case("Revoked"))
    referral_accept(actor=referral_setting.receiver, referral=referral)

    referral_revoke(actor=referral_setting.sender, referral=referral, reason="Wrong centre.")

    referral.refresh_from_db()
    assert referral.state == "revoked"
    assert referral.grant.end_cause == "referral_revoked"
    assert not referral.grant.in_force
