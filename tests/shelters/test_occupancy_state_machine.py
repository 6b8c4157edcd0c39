"""Acceptance: random placements, check-outs, transfers and capacity changes; after every step
each shelter's occupancy equals its open placements and never exceeds its beds.

The model is the plain count of who lives where; every refusal (full shelter, capacity below
occupancy, a person already placed) must leave the database as the model says.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from strehe.directory.models import Shelter
from strehe.shelters.models import Placement
from strehe.shelters.services import (
    placement_check_out,
    placement_create,
    placement_transfer,
    shelter_capacity_change,
)
from tests.shelters.helpers import make_shelter, person_case

SHELTERS = 3
PEOPLE = 6


@pytest.mark.django_db
def test_occupancy_always_equals_open_placements(staff, agencies):
    sokol = staff["social_worker_sokol"]
    admin = staff["administrator_agim"]

    class Occupancy(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            # Each run in its own transaction, rolled back at teardown.
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.shelters = [make_shelter(capacity=2) for _ in range(SHELTERS)]
            self.cases = [
                person_case(owner=agencies["social"], worker=sokol) for _ in range(PEOPLE)
            ]
            self.capacity = {s.pk: 2 for s in self.shelters}
            self.lives_in: dict[int, int] = {}  # case index -> shelter pk

        def occupied(self, shelter_pk: int) -> int:
            return sum(1 for pk in self.lives_in.values() if pk == shelter_pk)

        @rule(person=st.integers(0, PEOPLE - 1), shelter=st.integers(0, SHELTERS - 1))
        def place(self, person: int, shelter: int) -> None:
            target = self.shelters[shelter]
            expected_ok = (
                person not in self.lives_in and self.occupied(target.pk) < self.capacity[target.pk]
            )
            try:
                placement_create(actor=sokol, case=self.cases[person], shelter=target)
            except ValidationError:
                assert not expected_ok
            else:
                assert expected_ok
                self.lives_in[person] = target.pk

        @rule(person=st.integers(0, PEOPLE - 1))
        def check_out(self, person: int) -> None:
            placement = Placement.objects.filter(
                case=self.cases[person], checked_out_at=None
            ).first()
            assert (placement is not None) == (person in self.lives_in)
            if placement is None:
                return
            placement_check_out(actor=sokol, placement=placement, reason="moved_on")
            del self.lives_in[person]

        @rule(person=st.integers(0, PEOPLE - 1), shelter=st.integers(0, SHELTERS - 1))
        def transfer(self, person: int, shelter: int) -> None:
            placement = Placement.objects.filter(
                case=self.cases[person], checked_out_at=None
            ).first()
            if placement is None:
                return
            target = self.shelters[shelter]
            expected_ok = (
                target.pk != self.lives_in[person]
                and self.occupied(target.pk) < self.capacity[target.pk]
            )
            try:
                placement_transfer(actor=sokol, placement=placement, shelter=target)
            except ValidationError:
                assert not expected_ok
            else:
                assert expected_ok
                self.lives_in[person] = target.pk

        @rule(shelter=st.integers(0, SHELTERS - 1), capacity=st.integers(0, 4))
        def change_capacity(self, shelter: int, capacity: int) -> None:
            target = self.shelters[shelter]
            expected_ok = capacity >= self.occupied(target.pk)
            try:
                shelter_capacity_change(actor=admin, shelter=target, capacity=capacity)
            except ValidationError:
                assert not expected_ok
            else:
                assert expected_ok
                self.capacity[target.pk] = capacity

        def teardown(self) -> None:
            if hasattr(self, "atomic"):
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)

        @invariant()
        def occupancy_is_open_placements_and_within_beds(self) -> None:
            for shelter in Shelter.objects.filter(pk__in=self.capacity):
                open_placements = Placement.objects.filter(
                    shelter=shelter, checked_out_at=None
                ).count()
                assert shelter.occupied == open_placements == self.occupied(shelter.pk)
                assert shelter.occupied <= shelter.capacity == self.capacity[shelter.pk]

    run_state_machine_as_test(
        Occupancy,
        settings=settings(
            max_examples=25,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
