"""Reading a campaign day sets no cookie; the CSRF cookie comes only with the step a reader
chooses in order to write, and the footer says so."""

import pytest

from .conftest import LANGUAGES, reader


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_reading_the_campaign_sets_no_cookie(reference, language):
    client = reader()
    for url in (
        f"/{language}/campaigns/2012/",
        f"/{language}/campaigns/2012/day/6/",
        f"/{language}/campaigns/2012/day/5/",
        f"/{language}/campaigns/2012/feed/",
        f"/{language}/contact/sent/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "no-store" in response["Cache-Control"], url
    assert client.cookies == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/campaigns/2012/day/6/write-a-comment/", "/en/contact/", "/sq/contact/"]
)
def test_the_write_step_sets_only_the_csrf_cookie_for_the_browser_session(reference, url):
    response = reader().get(url)

    assert response.status_code == 200
    assert set(response.cookies) == {"csrftoken"}
    assert response.cookies["csrftoken"]["max-age"] == ""  # gone when the browser closes
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_day_page_links_to_the_write_step_instead_of_carrying_a_form(reference):
    html = reader().get("/en/campaigns/2012/day/6/").content.decode()

    assert "<form" not in html
    assert 'href="/en/campaigns/2012/day/6/write-a-comment/"' in html
    assert "Only if you" in html and "security cookie" in html  # the footer tells the truth
