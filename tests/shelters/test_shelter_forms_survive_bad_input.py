"""The shelter pages answer bad input with a field error, never a 500 and never a saved value:
huge ids for a shelter, a 1 MB or right-to-left reason and note, huge and negative bed counts."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.shelters.models import Placement
from strehe.shelters.services import placement_create
from tests.shelters.helpers import person_case

pytestmark = pytest.mark.django_db

HUGE_IDS = ["9" * 40, str(2**63), str(-(2**63) - 1)]
ONE_MEGABYTE = "A" * 1_000_000
RTL_OVERRIDE = "Arb\u202eexe.gpj\u202c\u200b"


def test_bad_input_is_refused_on_a_field(staff, agencies, login_as, shelter_of_agency):
    sokol = staff["social_worker_sokol"]
    placed = person_case(owner=agencies["social"], worker=sokol)
    placement = placement_create(actor=sokol, case=placed, shelter=shelter_of_agency)
    unplaced = person_case(owner=agencies["social"], worker=sokol)
    social = login_as("social_worker_sokol")
    shelter = login_as("shelter_staff_shpresa")
    posts = []
    with translation.override("en"):
        place = reverse("shelters:place", kwargs={"code": unplaced.code})
        transfer = reverse("shelters:transfer", kwargs={"code": placed.code})
        check_out = reverse("shelters:check_out", kwargs={"code": placed.code})
        beds = reverse("shelters:capacity", kwargs={"shelter_id": shelter_of_agency.pk})
        for bad in [*HUGE_IDS, ONE_MEGABYTE, ""]:
            posts.append((social, place, {"shelter": bad}))
            posts.append((social, transfer, {"shelter": bad}))
        for bad in [ONE_MEGABYTE, RTL_OVERRIDE, ""]:
            posts.append((shelter, check_out, {"reason": bad}))
        posts.append((shelter, check_out, {"reason": "moved_on", "note": ONE_MEGABYTE}))
        for bad in [*HUGE_IDS, "-1", "501", "ten", ONE_MEGABYTE]:
            posts.append((shelter, beds, {"capacity": bad}))
        answers = [(url, data, client.post(url, data)) for client, url, data in posts]

    for url, data, response in answers:
        assert response.status_code == 200, (url, str(data)[:40])
        assert response.context["form"].errors, (url, str(data)[:40])
    placement.refresh_from_db()
    assert placement.is_open
    assert Placement.objects.count() == 1
    shelter_of_agency.refresh_from_db()
    assert (shelter_of_agency.capacity, shelter_of_agency.occupied) == (10, 1)


def test_a_note_with_an_override_is_saved_without_it(staff, agencies, login_as, shelter_of_agency):
    sokol = staff["social_worker_sokol"]
    case = person_case(owner=agencies["social"], worker=sokol)
    placement = placement_create(actor=sokol, case=case, shelter=shelter_of_agency)

    with translation.override("en"):
        response = login_as("shelter_staff_shpresa").post(
            reverse("shelters:check_out", kwargs={"code": case.code}),
            {"reason": "moved_on", "note": RTL_OVERRIDE},
        )

    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.check_out_note == "Arbexe.gpj"
