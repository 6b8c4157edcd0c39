"""Referring shares the case with another agency: it needs the person's consent to share with
that agency, or a reason given by a role that may go ahead without it (kept and audited)."""

import pytest
from django.core.exceptions import ValidationError

from strehe.audit.models import AuditEntry
from strehe.cases.models import ConsentOverride, TimelineEntry
from strehe.cases.services import consent_withdraw
from strehe.referrals.models import Referral
from strehe.referrals.selectors import referrals_incoming
from strehe.referrals.services import referral_accept, referral_send
from tests.referrals.setting import service_of
from tests.staff import open_test_case

pytestmark = pytest.mark.django_db


def test_without_consent_the_advocate_is_refused_and_nothing_is_sent(referral_setting):
    case = open_test_case(
        owner=referral_setting.agencies["advocates"], worker=referral_setting.sender, label="NoC"
    )
    with pytest.raises(ValidationError) as refused:
        referral_send(
            actor=referral_setting.sender,
            case=case,
            service=service_of(referral_setting.agencies["social"]),
            reason="Needs help.",
            urgency="routine",
            parts=["identity"],
        )
    assert "override_reason" in refused.value.message_dict
    assert Referral.objects.count() == 0


def test_police_may_go_ahead_without_consent_giving_a_reason(referral_setting):
    investigator = referral_setting.staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Override")

    referral = referral_send(
        actor=investigator,
        case=case,
        service=service_of(referral_setting.agencies["social"]),
        reason="Needs shelter tonight.",
        urgency="immediate",
        parts=["identity", "risk"],
        override_reason="Her life is in danger tonight.",
    )

    override = ConsentOverride.objects.get(case=case)
    assert referral.override == override and override.action == "refer"
    assert TimelineEntry.objects.filter(case=case, kind="consent_override").count() == 1
    assert AuditEntry.objects.filter(target_type="cases.consentoverride").count() == 1


def test_a_consent_withdrawn_before_acceptance_stops_the_acceptance(referral_setting):
    case = referral_setting.case("Withdrawn")
    referral = referral_setting.send(case)
    consent_withdraw(actor=referral_setting.sender, consent=referral.consent)

    with pytest.raises(ValidationError):
        referral_accept(actor=referral_setting.receiver, referral=referral)
    assert not case.grants.filter(basis="referral").exists()


def test_withdrawing_the_consent_after_acceptance_ends_the_referrals_grant(referral_setting):
    case = referral_setting.case("Later")
    referral = referral_accept(
        actor=referral_setting.receiver, referral=referral_setting.send(case)
    )
    consent_withdraw(actor=referral_setting.sender, consent=referral.consent)

    referral.grant.refresh_from_db()
    assert referral.grant.end_cause == "consent_withdrawn"
    assert list(referrals_incoming(referral_setting.receiver)) == []
