"""loadreference creates what is missing and keeps what staff corrected in the admin; only
--overwrite puts the files' values back."""

import pytest
from django.core.management import call_command

from strehe.directory.models import OpeningHours, Service, Shelter
from strehe.portal.models import ContentPage


@pytest.fixture
def edited(db):
    call_command("loadreference", verbosity=0)
    shelter = Shelter.objects.order_by("slug").first()
    page = ContentPage.objects.order_by("slug").first()
    with_hours = Service.objects.filter(opening_hours__isnull=False).distinct()
    service = with_hours.order_by("slug").first()
    original = {
        "capacity": shelter.capacity,
        "title": page.title,
        "sections": page.sections.count(),
        "hours": service.opening_hours.count(),
    }
    Shelter.objects.filter(pk=shelter.pk).update(capacity=shelter.capacity + 7)
    ContentPage.objects.filter(pk=page.pk).update(title="Corrected by the coordinator")
    page.sections.order_by("-position").first().delete()
    service.opening_hours.all().delete()
    return shelter, page, service, original


def test_a_second_run_keeps_the_edits_of_the_admin(edited):
    shelter, page, service, original = edited

    call_command("loadreference", verbosity=0)

    assert Shelter.objects.get(pk=shelter.pk).capacity == original["capacity"] + 7
    assert ContentPage.objects.get(pk=page.pk).title == "Corrected by the coordinator"
    assert page.sections.count() == original["sections"] - 1
    assert OpeningHours.objects.filter(service=service).count() == 0


def test_overwrite_puts_the_files_values_back(edited):
    shelter, page, service, original = edited

    call_command("loadreference", "--overwrite", verbosity=0)

    assert Shelter.objects.get(pk=shelter.pk).capacity == original["capacity"]
    assert ContentPage.objects.get(pk=page.pk).title == original["title"]
    assert page.sections.count() == original["sections"]
    assert OpeningHours.objects.filter(service=service).count() == original["hours"]


def test_a_row_removed_in_the_admin_comes_back(db):
    call_command("loadreference", verbosity=0)
    shelters = Shelter.objects.count()
    Shelter.objects.order_by("slug").first().delete()

    call_command("loadreference", verbosity=0)

    assert Shelter.objects.count() == shelters
