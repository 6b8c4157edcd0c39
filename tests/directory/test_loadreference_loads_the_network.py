import pytest

from strehe.directory.models import (
    District,
    Municipality,
    OpeningHours,
    Organisation,
    Service,
    Shelter,
)
from strehe.portal.models import ContentPage


@pytest.mark.django_db
def test_the_seven_districts_and_38_municipalities_are_loaded_in_albanian_and_serbian(reference):
    prizren = Municipality.objects.get(slug="drenas")

    assert District.objects.count() == 7
    assert Municipality.objects.count() == 38
    assert (prizren.name_sq, prizren.name_sr) == ("Drenas", "Glogovac")
    assert prizren.district.name_sr == "Priština"


@pytest.mark.django_db
def test_every_municipality_has_its_own_centre_for_social_work(reference):
    for municipality in Municipality.objects.all():
        centres = municipality.organisations.filter(kind=Organisation.Kind.SOCIAL_WORK_CENTRE)
        assert [c.name_en for c in centres] == [f"Centre for Social Work {municipality.name_sq}"]


@pytest.mark.django_db
def test_every_municipality_has_a_police_unit_and_victim_advocates(reference):
    for municipality in Municipality.objects.all():
        kinds = set(municipality.organisations.values_list("kind", flat=True))
        assert {Organisation.Kind.POLICE_UNIT, Organisation.Kind.VICTIM_ADVOCATES} <= kinds


@pytest.mark.django_db
def test_the_helpline_is_0800_11112_weekdays_8_to_22_free_confidential_anonymous(reference):
    helpline = Service.objects.get(is_helpline=True)

    assert [c.value for c in helpline.channels.all()] == ["0800 11112"]
    assert helpline.organisation.kind == Organisation.Kind.VICTIM_ADVOCATES
    assert helpline.free_of_charge and helpline.confidential and helpline.anonymous
    assert helpline.covers_trafficking and helpline.covers_domestic_violence
    assert helpline.time_zone == "Europe/Belgrade"
    hours = OpeningHours.objects.filter(service=helpline)
    assert sorted((h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in hours) == [
        (day, "08:00", "22:00") for day in range(5)
    ]


@pytest.mark.django_db
def test_the_2012_shelter_network_is_loaded_with_unknown_capacities_marked(reference):
    kinds = list(Shelter.objects.values_list("kind", flat=True))

    assert kinds.count(Shelter.Kind.TRAFFICKING_ONLY) == 3
    assert kinds.count(Shelter.Kind.DOMESTIC_VIOLENCE) == 5
    assert (
        Shelter.objects.filter(kind=Shelter.Kind.DOMESTIC_VIOLENCE)
        .values("region")
        .distinct()
        .count()
        == 5
    )
    network_2012 = Shelter.objects.exclude(kind=Shelter.Kind.HIGH_SECURITY)
    assert all(shelter.capacity_illustrative for shelter in network_2012)
    assert Shelter.objects.get(kind=Shelter.Kind.HIGH_SECURITY).capacity == 40


@pytest.mark.django_db
def test_the_public_texts_are_loaded_in_every_language(reference):
    page = ContentPage.objects.get(slug="what-is-trafficking")

    assert page.title_sq and page.title_sr and page.title_en
    assert page.sections.count() >= 5
    assert all(s.body_sq and s.body_sr and s.body_en for s in page.sections.all())
