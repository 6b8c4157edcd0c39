"""Beds are enforced by the database: the check constraint refuses an overbooked row even when
the code is bypassed; capacity cannot go below occupancy; a loaded row saved later (admin,
loader) never writes back a stale occupancy."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from strehe.directory.models import Shelter
from strehe.shelters.models import OccupancyChange
from strehe.shelters.services import placement_create, shelter_capacity_change
from tests.shelters.helpers import make_shelter, person_case

pytestmark = pytest.mark.django_db


def test_the_database_refuses_more_occupied_beds_than_beds(agencies):
    shelter = make_shelter(capacity=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Shelter.objects.filter(pk=shelter.pk).update(occupied=F("capacity") + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Shelter.objects.filter(pk=shelter.pk).update(occupied=-1)


def test_capacity_below_occupancy_is_refused(staff, agencies, shelter_of_agency):
    sokol, shpresa = staff["social_worker_sokol"], staff["shelter_staff_shpresa"]
    for _ in range(3):
        case = person_case(owner=agencies["social"], worker=sokol)
        placement_create(actor=sokol, case=case, shelter=shelter_of_agency)

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        shelter_capacity_change(actor=shpresa, shelter=shelter_of_agency, capacity=2)

    assert refused.value.message_dict == {
        "capacity": ["3 beds are occupied; the capacity cannot be lower."]
    }
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.capacity == 10
    shelter_capacity_change(actor=shpresa, shelter=shelter_of_agency, capacity=3)
    shelter_of_agency.refresh_from_db()
    assert (shelter_of_agency.capacity, shelter_of_agency.occupied) == (3, 3)
    assert OccupancyChange.objects.filter(shelter=shelter_of_agency).first().event == "capacity"


def test_only_the_shelter_staff_or_an_administrator_change_beds(staff, agencies):
    theirs = make_shelter(operator=agencies["elsewhere"])
    with pytest.raises(PermissionDenied):
        shelter_capacity_change(actor=staff["shelter_staff_shpresa"], shelter=theirs, capacity=3)
    with pytest.raises(PermissionDenied):
        shelter_capacity_change(actor=staff["coordinator_drita"], shelter=theirs, capacity=3)
    shelter_capacity_change(actor=staff["administrator_agim"], shelter=theirs, capacity=3)


def test_saving_a_stale_row_keeps_the_occupancy(staff, agencies, shelter_of_agency):
    stale = Shelter.objects.get(pk=shelter_of_agency.pk)
    sokol = staff["social_worker_sokol"]
    placement_create(
        actor=sokol,
        case=person_case(owner=agencies["social"], worker=sokol),
        shelter=shelter_of_agency,
    )

    stale.name = "Renamed in the admin"
    stale.save()

    shelter_of_agency.refresh_from_db()
    assert (shelter_of_agency.name, shelter_of_agency.occupied) == ("Renamed in the admin", 1)


def test_the_admin_form_refuses_capacity_below_occupancy(staff, agencies, shelter_of_agency):
    Shelter.objects.filter(pk=shelter_of_agency.pk).update(occupied=4)
    shelter_of_agency.capacity = 3

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        shelter_of_agency.full_clean()

    assert "4 beds are occupied" in str(refused.value)


def test_the_capacity_page_refuses_with_a_field_error(staff, agencies, login_as, shelter_of_agency):
    Shelter.objects.filter(pk=shelter_of_agency.pk).update(occupied=2)
    client = login_as("shelter_staff_shpresa")

    with translation.override("en"):
        url = reverse("shelters:capacity", kwargs={"shelter_id": shelter_of_agency.pk})
        response = client.post(url, {"capacity": "1"})
        huge = client.post(url, {"capacity": "9" * 40})
        other = login_as("worker_elsewhere").get(url)

    assert response.status_code == 200
    assert "2 beds are occupied" in response.content.decode()
    assert huge.status_code == 200
    assert other.status_code == 403
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.capacity == 10


def test_check_command_says_whether_counters_agree(staff, agencies, shelter_of_agency, capsys):
    sokol = staff["social_worker_sokol"]
    placement_create(
        actor=sokol,
        case=person_case(owner=agencies["social"], worker=sokol),
        shelter=shelter_of_agency,
    )
    call_command("checkoccupancy")
    assert "agree with their open placements" in capsys.readouterr().out

    Shelter.objects.filter(pk=shelter_of_agency.pk).update(occupied=5)
    with pytest.raises(Exception, match="disagree"):
        call_command("checkoccupancy")
    assert "counter says 5 beds occupied, 1 placements are open" in capsys.readouterr().out

    call_command("checkoccupancy", "--repair")
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.occupied == 1
    call_command("checkoccupancy")
