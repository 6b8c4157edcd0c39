"""`strehe synth` writes referrals and shelter placements as the services would leave them: no
shelter over its beds, counters that agree with the open placements, a referral grant in force
for exactly the accepted referrals, limited to the parts they share, and a consent under each."""

import io

import pytest
from django.core.management import call_command

from strehe.cases.models import AccessGrant
from strehe.directory.models import Shelter
from strehe.referrals.models import Referral
from strehe.shelters.models import Placement


@pytest.fixture
def register(settings):  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = True
    call_command("loadreference", verbosity=0)
    # Two beds in each shelter: far fewer than the stays synth would like to keep open.
    Shelter.objects.update(capacity=2)
    call_command("synth", cases=600, contacts=0, seed=5, first_year=2024, last_year=2025)


@pytest.mark.django_db
def test_no_shelter_is_overfilled_and_the_counters_agree(register):
    open_stays = Placement.objects.filter(checked_out_at=None)
    assert open_stays.exists()
    assert Placement.objects.exclude(checked_out_at=None).exists()
    for shelter in Shelter.objects.all():
        assert shelter.occupied == open_stays.filter(shelter=shelter).count() <= shelter.capacity
    out = io.StringIO()
    call_command("checkoccupancy", stdout=out)
    assert "agree with their open placements" in out.getvalue()


@pytest.mark.django_db
def test_only_accepted_referrals_hold_a_grant_in_force(register):
    referrals = Referral.objects.select_related("grant", "consent")
    assert {r.state for r in referrals} == set(Referral.State.values)
    for referral in referrals:
        assert referral.consent.agency_id == referral.receiving_agency_id
        in_force = referral.grant is not None and referral.grant.ended_at is None
        assert in_force == (referral.state == Referral.State.ACCEPTED)
        if referral.grant is not None:
            assert referral.grant.basis == AccessGrant.Basis.REFERRAL
            assert referral.grant.agency_id == referral.receiving_agency_id
            assert referral.grant.parts == referral.parts
    in_force = AccessGrant.objects.filter(basis=AccessGrant.Basis.REFERRAL, ended_at=None)
    assert in_force.count() == referrals.filter(state=Referral.State.ACCEPTED).count()
