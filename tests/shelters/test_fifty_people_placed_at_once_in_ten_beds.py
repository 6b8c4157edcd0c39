"""Acceptance: 50 threads place 50 different people in a shelter with 10 free beds at the same
moment; exactly 10 succeed, 40 are told "shelter full", and occupancy is 10.

Each thread has its own database connection, so this runs the real race on SQLite (BEGIN
IMMEDIATE and its busy timeout) and on PostgreSQL (row lock of the conditional UPDATE) alike.
"""

import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from strehe.directory.models import Shelter
from strehe.shelters.models import Placement
from strehe.shelters.services import SHELTER_FULL, placement_create
from tests.shelters.helpers import person_case

PEOPLE = 50
BEDS = 10


def error_codes(error: ValidationError) -> set[str]:
    return {e.code for errors in error.error_dict.values() for e in errors if e.code}


@pytest.mark.django_db(transaction=True)
def test_fifty_people_at_once_fill_ten_beds_and_no_more(staff, agencies, shelter_of_agency):
    sokol = staff["social_worker_sokol"]
    cases = [person_case(owner=agencies["social"], worker=sokol) for _ in range(PEOPLE)]
    shelter_id = shelter_of_agency.pk
    start = threading.Barrier(PEOPLE)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def place(case) -> None:  # type: ignore[no-untyped-def]
        try:
            shelter = Shelter.objects.get(pk=shelter_id)
            start.wait(timeout=60)
            try:
                placement_create(actor=sokol, case=case, shelter=shelter)
                outcome = "placed"
            except ValidationError as error:
                outcome = "shelter full" if SHELTER_FULL in error_codes(error) else repr(error)
            except Exception as error:  # every other outcome is counted, and fails the test
                outcome = f"{type(error).__name__}: {error}"
            with lock:
                outcomes[outcome] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=place, args=(case,)) for case in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    shelter_of_agency.refresh_from_db()
    open_placements = Placement.objects.filter(shelter_id=shelter_id, checked_out_at=None).count()
    others = {k: v for k, v in outcomes.items() if k not in ("placed", "shelter full")}
    print(
        f"\n{connection.vendor}: {PEOPLE} placed at once in {BEDS} beds: "
        f"{outcomes['placed']} placed, {outcomes['shelter full']} shelter full, "
        f"occupancy {shelter_of_agency.occupied}, open placements {open_placements}, "
        f"other outcomes {others}"
    )
    assert outcomes == Counter({"placed": BEDS, "shelter full": PEOPLE - BEDS})
    assert shelter_of_agency.occupied == BEDS
    assert open_placements == BEDS
