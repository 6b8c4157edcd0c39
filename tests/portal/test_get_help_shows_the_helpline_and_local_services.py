import datetime as dt
from zoneinfo import ZoneInfo

import pytest

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def at(monkeypatch):  # type: ignore[no-untyped-def]
    """Pin the instant the views see as timezone.now()."""

    def pin(*args: int) -> None:
        instant = dt.datetime(*args, tzinfo=BELGRADE)
        monkeypatch.setattr("strehe.portal.views.timezone.now", lambda: instant)

    return pin


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "open_text", "closed_text"),
    [
        ("en", "Open now, until 22:00", "Closed, opens Monday 08:00"),
        ("sq", "E hapur tani, deri në 22:00", "E mbyllur, hapet e hënë, ora 08:00"),
        ("sr", "Otvoreno sada, do 22:00", "Zatvoreno, otvara se: ponedeljak u 08:00"),
    ],
)
def test_the_helpline_state_is_shown_in_each_language(
    client, reference, at, language, open_text, closed_text
):
    at(2026, 11, 27, 21, 59)
    open_html = client.get(f"/{language}/get-help/").content.decode()
    at(2026, 11, 27, 22, 0)
    closed_html = client.get(f"/{language}/get-help/").content.decode()

    assert open_text in open_html and closed_text not in open_html
    assert closed_text in closed_html and open_text not in closed_html
    assert 'href="tel:080011112"' in open_html


@pytest.mark.django_db
def test_the_home_page_shows_the_helpline_state_too(client, reference, at):
    at(2026, 11, 30, 9, 0)

    assert "Open now, until 22:00" in client.get("/en/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "en",
            [
                "Centre for Social Work Prizren",
                "Kosovo Police \N{EN DASH} Regional Directorate Prizren, anti-trafficking unit",
                "Victims&#x27; Assistance and Advocacy Office \N{EN DASH} regional office Prizren",
            ],
        ),
        ("sr", ["Centar za socijalni rad Prizren", "Regionalna direkcija Prizren"]),
        ("sq", ["Qendra për Punë Sociale Prizren", "Drejtoria Rajonale Prizren"]),
    ],
)
def test_choosing_prizren_lists_the_services_serving_prizren(client, reference, language, names):
    html = client.get(f"/{language}/get-help/?municipality=prizren").content.decode()
    results = html[html.index('id="services-near"') : html.index('id="shelter-heading"')]

    for name in names:
        assert name in results
    assert "Gjilan" not in results


@pytest.mark.django_db
def test_an_organisation_page_lists_where_it_serves_and_its_services(client, reference):
    html = client.get("/en/organisations/vaao-headquarters/").content.decode()

    assert "0800 11112" in html
    assert "Source: Victims&#x27; Assistance and Advocacy Office" in html


@pytest.mark.django_db
def test_content_pages_are_the_edited_texts_with_their_sources(client, reference):
    from strehe.portal.models import ContentPage

    page = ContentPage.objects.get(slug="who-can-be-a-victim")
    page.title_en = "Who can become a victim (edited)"
    page.save()

    html = client.get("/en/who-can-be-a-victim/").content.decode()

    assert "<h1>Who can become a victim (edited)</h1>" in html
    assert "Source: Kosovo Police, January\N{EN DASH}August 2012." in html
    assert "30 were from Kosovo, 24 from Moldova" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "hours"),
    [
        ("en", "Monday\N{EN DASH}Friday 08:00\N{EN DASH}22:00"),
        ("sq", "e hënë\N{EN DASH}e premte 08:00\N{EN DASH}22:00"),
        ("sr", "ponedeljak\N{EN DASH}petak 08:00\N{EN DASH}22:00"),
    ],
)
def test_the_weekly_hours_join_days_that_share_hours(client, reference, language, hours):
    assert hours in client.get(f"/{language}/get-help/").content.decode()


@pytest.mark.django_db
def test_a_page_an_editor_adds_is_published_under_its_slug(client, reference):
    from strehe.portal.models import ContentPage

    ContentPage.objects.create(
        slug="forced-begging", title_sq="Lypja", title_sr="Prosjačenje", title_en="Begging"
    )

    assert "<h1>Prosjačenje</h1>" in client.get("/sr/pages/forced-begging/").content.decode()
    assert client.get("/sr/pages/nothing-here/").status_code == 404
