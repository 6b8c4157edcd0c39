"""The case list shows one page of cases at a time, newest first; the links to the other pages
keep the filters, and a page number out of range shows the last page rather than an error."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.views import CASE_LIST_PAGE_SIZE
from tests.staff import open_test_case


@pytest.mark.django_db
def test_pages_keep_the_filters_and_cover_every_case(staff, agencies, login_as):
    opened = {
        open_test_case(owner=agencies["police"], worker=None, label=f"Page{n}").code
        for n in range(CASE_LIST_PAGE_SIZE + 3)
    }
    client = login_as("investigator_ilir")
    with translation.override("en"):
        url = reverse("cases:list")

    first = client.get(url, {"stage": "identification"})
    second = client.get(url, {"stage": "identification", "page": "2"})
    beyond = client.get(url, {"stage": "identification", "page": "999999999999999999999"})

    first_codes = [row["case"].code for row in first.context["rows"]]
    second_codes = [row["case"].code for row in second.context["rows"]]
    assert len(first_codes) == CASE_LIST_PAGE_SIZE
    assert set(first_codes) | set(second_codes) == opened
    assert 'href="?stage=identification&amp;page=2"' in first.content.decode()
    assert beyond.status_code == 200
    assert [row["case"].code for row in beyond.context["rows"]] == second_codes
