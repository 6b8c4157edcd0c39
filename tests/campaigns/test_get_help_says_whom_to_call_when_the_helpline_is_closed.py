"""With a fixed clock: on Saturday at 20:00 and on a public holiday the get-help page shows the
helpline closed, when it opens, the emergency numbers, and the services open day and night with
how to reach them."""

import datetime as dt

import pytest

from strehe.directory.models import PublicHoliday

from .conftest import LANGUAGES, next_weekday_at

OPENS_MONDAY = {
    "en": "Closed, opens Monday 08:00",
    "sq": "E mbyllur, hapet e hënë, ora 08:00",
    "sr": "Zatvoreno, otvara se: ponedeljak u 08:00",
}
OPENS_THURSDAY = {
    "en": "Closed, opens Thursday 08:00",
    "sq": "E mbyllur, hapet e enjte, ora 08:00",
    "sr": "Zatvoreno, otvara se: četvrtak u 08:00",
}
EMERGENCY = {"en": "Police", "sq": "Policia", "sr": "Policija"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_saturday_evening(client, reference, fixed_clock, language):
    fixed_clock(next_weekday_at(5, 20))

    html = client.get(f"/{language}/get-help/").content.decode()

    assert 'id="closed-heading"' in html
    assert OPENS_MONDAY[language] in html
    assert 'href="tel:192"' in html and EMERGENCY[language] in html
    assert 'href="tel:080011112"' in html
    assert html.count('class="open-now"') == 1  # the victim advocates, day and night
    # A day-and-night service without a number of its own says how to reach it.
    assert html.count("<li><strong>") >= 1


@pytest.mark.django_db
def test_saturday_evening_names_the_opening_time(client, reference, fixed_clock):
    fixed_clock(next_weekday_at(5, 20))

    html = client.get("/en/get-help/").content.decode()

    assert "Closed, opens Monday 08:00" in html
    assert "No direct number is listed: the police put you in touch at any hour" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_public_holiday_on_a_wednesday_closes_the_helpline_until_thursday(
    client, reference, fixed_clock, language
):
    noon = next_weekday_at(2, 12)
    PublicHoliday.objects.create(date=noon.date(), name="A holiday", illustrative=True)
    fixed_clock(noon)

    html = client.get(f"/{language}/get-help/").content.decode()
    home = client.get(f"/{language}/").content.decode()

    assert 'id="closed-heading"' in html and 'id="closed-heading"' in home
    assert 'href="tel:192"' in html
    assert OPENS_THURSDAY[language] in html


@pytest.mark.django_db
def test_a_working_day_at_noon_shows_the_helpline_open_and_no_closed_block(
    client, reference, fixed_clock
):
    fixed_clock(next_weekday_at(2, 12))

    html = client.get("/en/get-help/").content.decode()

    assert "Open now, until 22:00" in html
    assert 'id="closed-heading"' not in html


@pytest.mark.django_db
def test_emergency_numbers_and_holidays_are_reference_data_marked_illustrative(reference):
    from strehe.directory.models import EmergencyNumber

    assert EmergencyNumber.objects.filter(number="192", illustrative=True).exists()
    assert PublicHoliday.objects.filter(date=dt.date(2026, 2, 17)).exists()
    assert not PublicHoliday.objects.filter(source_en="").exists()


@pytest.mark.django_db
def test_a_day_and_night_service_without_a_number_says_how_to_reach_it(client, reference):
    html = client.get("/en/organisations/vaao-prishtine/").content.decode()

    assert "Open now, day and night" in html
    assert "the police put you in touch at any hour" in html
