"""Reading the public site leaves no cookie, no cache entry and no request to another host."""

import re

import pytest

from .conftest import LANGUAGES
from .public_urls import public_urls

QUICK_EXIT = 'id="quick-exit" class="quick-exit" href="https://www.google.com/"'


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_without_cookies_or_caching(client, reference, language):
    urls = public_urls(language)
    assert len(urls) > 50

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "no-store" in response["Cache-Control"], url
        assert "script-src 'self'" in response["Content-Security-Policy"], url
        assert f'<html lang="{language}">' in response.content.decode(), url


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_the_quick_exit_and_no_inline_script_or_foreign_asset(
    client, reference, language
):
    for url in public_urls(language):
        html = client.get(url).content.decode()
        assert QUICK_EXIT in html, url
        assert re.findall(r"<script(?![^>]*\ssrc=)", html) == [], url
        assets = re.findall(r'(?:src|href)="([^"]+)"', html.replace(QUICK_EXIT, ""))
        foreign = [a for a in assets if re.match(r"(https?:)?//", a)]
        assert foreign == [], url


@pytest.mark.django_db
def test_the_bare_address_redirects_to_albanian_without_a_cookie(client, reference):
    response = client.get("/", headers={"accept-language": "de"})

    assert response.status_code == 302
    assert response["Location"] == "/sq/"
    assert response.cookies == {}


@pytest.mark.django_db
def test_the_language_switcher_links_to_the_same_page_and_choice(client, reference):
    html = client.get("/sq/get-help/?municipality=prizren").content.decode()

    assert 'href="/sr/get-help/?municipality=prizren" hreflang="sr"' in html
    assert 'href="/en/get-help/?municipality=prizren" hreflang="en"' in html
    assert ">Srpski<" in html


@pytest.mark.django_db
def test_an_unknown_municipality_is_a_field_error_not_a_failure(client, reference):
    response = client.get("/en/get-help/?municipality=atlantis")

    assert response.status_code == 200
    assert "We do not know this municipality" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_organisation_is_not_found(client, reference):
    assert client.get("/en/organisations/nobody/").status_code == 404


@pytest.mark.django_db
def test_a_post_to_a_public_page_is_refused(client, reference):
    assert client.post("/en/get-help/").status_code == 405


@pytest.mark.django_db
def test_serbian_pages_are_in_latin_script(client, reference):
    """Kosovo's institutions write Serbian in Latin; Django's own "sr" catalog is Cyrillic."""
    urls = [*public_urls("sr"), "/sr/get-help/?municipality=", "/sr/get-help/?municipality=x"]
    for url in urls:
        html = client.get(url).content.decode()
        assert re.findall(r"[\u0400-\u04FF]+", html) == [], url
