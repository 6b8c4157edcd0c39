from html import escape

import pytest

from strehe.directory.models import Shelter

from .conftest import LANGUAGES
from .public_urls import public_urls


@pytest.mark.django_db
def test_no_public_page_in_any_language_contains_a_stored_shelter_address(client, reference):
    addresses = [a for a in Shelter.objects.values_list("address", flat=True) if a]
    assert len(addresses) == Shelter.objects.count()
    pages_read = 0

    for language in LANGUAGES:
        for url in public_urls(language):
            html = client.get(url).content.decode()
            pages_read += 1
            for address in addresses:
                assert address not in html, url
                assert escape(address) not in html, url

    assert pages_read == 3 * len(public_urls("en"))


@pytest.mark.django_db
def test_shelters_are_described_by_kind_and_region_on_get_help(client, reference):
    html = client.get("/en/get-help/").content.decode()

    assert (
        "Domestic-violence shelter that also accepts low-risk trafficking victims"
        " \N{EN DASH} region Prizren" in html
    )
    assert html.count("Shelter for victims of trafficking only") == 3
