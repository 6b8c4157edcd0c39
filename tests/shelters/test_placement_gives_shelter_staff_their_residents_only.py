"""A placement lets the shelter's staff see the case (their resident) until check-out; nothing
else of their agency's opens for them; each step writes its timeline line and audit entry."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from strehe.cases.models import AccessGrant, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.shelters.models import Placement
from strehe.shelters.services import (
    placement_check_in,
    placement_check_out,
    placement_create,
    placement_transfer,
)
from tests.shelters.helpers import make_shelter, person_case

pytestmark = pytest.mark.django_db


def test_placement_opens_the_case_to_the_shelter_staff_and_check_out_closes_it(
    staff, agencies, shelter_of_agency
):
    sokol, shpresa = staff["social_worker_sokol"], staff["shelter_staff_shpresa"]
    case = person_case(owner=agencies["social"], worker=sokol)
    assert not case_policy.may_view(shpresa, case)

    placement = placement_create(actor=sokol, case=case, shelter=shelter_of_agency)

    assert case_policy.may_view(shpresa, case)
    assert case_policy.may_view(staff["colleague_shelter"], case)
    assert placement.grant.basis == AccessGrant.Basis.PLACEMENT
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.occupied == 1

    placement_check_in(actor=shpresa, placement=placement)
    placement_check_out(actor=shpresa, placement=placement, reason="moved_on", note="Found a flat")

    assert not case_policy.may_view(shpresa, case)
    placement.refresh_from_db()
    assert placement.grant.end_cause == AccessGrant.EndCause.CHECKED_OUT
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.occupied == 0
    events = [e.data["event"] for e in case.timeline.filter(kind=TimelineEntry.Kind.PLACEMENT)]
    assert sorted(events) == ["checked_in", "checked_out", "placed"]


def test_shelter_staff_do_not_see_their_agency_cases_that_are_not_residents(staff, agencies):
    shpresa = staff["shelter_staff_shpresa"]
    owned = person_case(owner=agencies["shelter"], worker=shpresa)

    assert not case_policy.may_view(shpresa, owned)


def test_a_person_has_at_most_one_open_placement(staff, agencies, shelter_of_agency):
    sokol = staff["social_worker_sokol"]
    case = person_case(owner=agencies["social"], worker=sokol)
    placement_create(actor=sokol, case=case, shelter=shelter_of_agency)
    other = make_shelter()

    with translation.override("en"), pytest.raises(ValidationError, match="already lives in"):
        placement_create(actor=sokol, case=case, shelter=other)

    assert Placement.objects.filter(person=case.person, checked_out_at=None).count() == 1
    other.refresh_from_db()
    assert other.occupied == 0


def test_transfer_moves_bed_and_access_in_one_step(staff, agencies, shelter_of_agency):
    sokol, shpresa = staff["social_worker_sokol"], staff["shelter_staff_shpresa"]
    case = person_case(owner=agencies["social"], worker=sokol)
    first = placement_create(actor=sokol, case=case, shelter=shelter_of_agency)
    elsewhere = make_shelter(operator=agencies["elsewhere"])

    second = placement_transfer(actor=sokol, placement=first, shelter=elsewhere)

    first.refresh_from_db()
    assert first.check_out_reason == Placement.CheckOutReason.TRANSFERRED
    assert second.transferred_from == first
    assert not case_policy.may_view(shpresa, case)
    assert case_policy.may_view(staff["worker_elsewhere"], case)
    shelter_of_agency.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (shelter_of_agency.occupied, elsewhere.occupied) == (0, 1)


def test_a_transfer_to_a_full_shelter_changes_nothing(staff, agencies, shelter_of_agency):
    sokol = staff["social_worker_sokol"]
    case = person_case(owner=agencies["social"], worker=sokol)
    first = placement_create(actor=sokol, case=case, shelter=shelter_of_agency)
    full = make_shelter(capacity=0)

    with translation.override("en"), pytest.raises(ValidationError, match="full"):
        placement_transfer(actor=sokol, placement=first, shelter=full)

    first.refresh_from_db()
    assert first.is_open
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.occupied == 1


def test_who_may_not_place_or_check_out_is_refused_and_nothing_is_written(
    staff, agencies, shelter_of_agency
):
    sokol = staff["social_worker_sokol"]
    case = person_case(owner=agencies["social"], worker=sokol)
    for username in ("shelter_staff_shpresa", "coordinator_drita", "operator_olta"):
        with pytest.raises(PermissionDenied):
            placement_create(actor=staff[username], case=case, shelter=shelter_of_agency)
    # A worker of another agency who may not see the case.
    with pytest.raises(PermissionDenied):
        placement_create(actor=staff["worker_elsewhere"], case=case, shelter=shelter_of_agency)
    placement = placement_create(actor=sokol, case=case, shelter=shelter_of_agency)
    other_shelter_staff = staff["worker_elsewhere"]
    with pytest.raises(PermissionDenied):
        placement_check_in(actor=other_shelter_staff, placement=placement)
    with pytest.raises(PermissionDenied):
        placement_check_out(actor=staff["coordinator_drita"], placement=placement, reason="left")

    assert Placement.objects.count() == 1
    placement.refresh_from_db()
    assert placement.is_open and placement.checked_in_at is None
