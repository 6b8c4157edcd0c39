"""The 2012 Kosovo campaign comes from the reference files: the days whose theme is known, Day 6
written for the project, and nothing invented for the other days."""

import pytest
from django.core.management import call_command

from strehe.campaigns.models import Campaign, CampaignDay

from .conftest import LANGUAGES

HEADINGS = {
    "en": "Day 6 // November 30, 2012",
    "sq": "Dita 6 // 30 nëntor 2012",
    "sr": "Dan 6 // 30. novembar 2012.",
}
THEMES = {
    5: "Transitional Justice",
    6: "Human Trafficking",
    7: "Women's Economic Security",
    8: "Child Marriage and Violence",
    9: "Violence against non-majority groups",
}


@pytest.mark.django_db
def test_only_the_days_the_source_names_are_loaded(reference):
    campaign = Campaign.objects.get(year=2012)
    days = {day.number: day.theme_en for day in campaign.days.all()}

    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2012-11-25",
        "2012-12-10",
    )
    assert days == THEMES
    assert all(day.theme_sq and day.theme_sr for day in campaign.days.all())


@pytest.mark.django_db
def test_the_index_is_a_calendar_of_sixteen_days_with_unknown_themes_left_unknown(
    client, reference
):
    html = client.get("/en/campaigns/2012/").content.decode()

    assert html.count('<span class="date">') == 16
    assert html.count("Theme not known") == 11
    assert 'href="/en/campaigns/2012/day/6/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_day_6_has_its_heading_neighbours_and_live_get_help_block(client, reference, language):
    html = client.get(f"/{language}/campaigns/2012/day/6/").content.decode()

    # Set in capitals by the stylesheet; Django writes Albanian months with a capital.
    assert HEADINGS[language].lower() in html.lower()
    assert f'href="/{language}/campaigns/2012/day/5/"' in html
    assert f'href="/{language}/campaigns/2012/day/7/"' in html
    # The get-help block is the directory's helpline, with its state now.
    assert 'href="tel:080011112"' in html
    assert 'id="get-help-heading"' in html


@pytest.mark.django_db
def test_a_day_the_source_does_not_name_does_not_exist(client, reference):
    assert client.get("/en/campaigns/2012/day/1/").status_code == 404
    assert client.get("/en/campaigns/2013/").status_code == 404


@pytest.mark.django_db
def test_a_draft_day_is_not_shown(client, reference):
    CampaignDay.objects.filter(number=7).update(status=CampaignDay.Status.DRAFT)

    assert client.get("/en/campaigns/2012/day/7/").status_code == 404
    html = client.get("/en/campaigns/2012/day/6/").content.decode()
    assert 'href="/en/campaigns/2012/day/8/"' in html


@pytest.mark.django_db
def test_loading_again_keeps_an_edited_day_unless_overwritten(reference):
    CampaignDay.objects.filter(number=6).update(theme_en="Edited by staff")

    call_command("loadreference", verbosity=0)
    assert CampaignDay.objects.get(number=6).theme_en == "Edited by staff"
    assert CampaignDay.objects.count() == 5

    call_command("loadreference", "--overwrite", verbosity=0)
    assert CampaignDay.objects.get(number=6).theme_en == "Human Trafficking"
