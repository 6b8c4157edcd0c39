"""The public statistics endpoint publishes exactly what the public statistics page does: the
same tables, labels, counts and suppressed cells, and the same sentence, in each language."""

import html
import re

import pytest

from tests.api.statistics_data import plant_small_group

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r"<figure.*?<h3>(.*?)</h3>.*?<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r'<th scope="row">(.*?)</th><td>(.*?)</td>')


def page_tables(page: str) -> list[tuple[str, list[tuple[str, int | None]]]]:
    return [
        (
            html.unescape(title),
            [
                (html.unescape(label), int(count) if count.isdigit() else None)
                for label, count in ROW.findall(body)
            ],
        )
        for title, body in FIGURE.findall(page)
    ]


def api_tables(data: dict) -> list[tuple[str, list[tuple[str, int | None]]]]:
    return [
        (table["label"], [(cell["label"], cell["count"]) for cell in table["cells"]])
        for table in data["tables"]
    ]


@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_the_endpoint_publishes_what_the_page_publishes(staff, client, language):
    plant_small_group()

    page = client.get(f"/{language}/statistics/", {"year": "2012"}).content.decode()
    response = client.get("/api/v1/public/statistics/", {"year": "2012", "lang": language})

    data = response.json()
    assert response.status_code == 200
    assert data["year"] == 2012 and data["language"] == language
    assert len(data["tables"]) == 4
    assert api_tables(data) == page_tables(page)
    lead = re.search(r'<p class="lead">(.*?)</p>', page, re.S)
    assert lead and data["narrative"] == html.unescape(lead.group(1))
    assert any(cell["suppressed"] for table in data["tables"] for cell in table["cells"])


def test_without_a_year_both_show_the_latest_year_with_figures(staff, client):
    plant_small_group()

    page = client.get("/en/statistics/").content.decode()
    data = client.get("/api/v1/public/statistics/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert data["year"] == 2012 and data["years"] == [2012]
    assert data["language"] == "en"
    assert api_tables(data) == page_tables(page)


def test_nothing_published_yet(client):
    response = client.get("/api/v1/public/statistics/")

    assert response.status_code == 200
    assert response.json()["year"] is None
    assert response.json()["tables"] == []
