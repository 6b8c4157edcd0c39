"""The staff statistics page (exact, or as published), its audited downloads, and the public
page: suppressed, no cookie, each chart with its data table."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from strehe.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

SEED = {
    "date_from": "2012-01-01",
    "date_to": "2012-08-31",
    "status": "identified",
    "decided_by": "Police",
    "by": "citizenship",
    "then_by": "age_band",
}


def test_statistician_sees_the_exact_figures(seed_2012, login_as):
    with translation.override("en"):
        response = login_as("statistician_besnik").get(reverse("statistics:home"), SEED)

    page = response.content.decode()
    assert response.status_code == 200
    assert "the police identified 56 victims of trafficking" in page
    assert "1 from Albania and 1 from Slovakia" in page
    assert "<svg" in page and "<table" in page


def test_the_published_view_suppresses_small_cells(seed_2012, login_as):
    with translation.override("en"):
        response = login_as("coordinator_drita").get(
            reverse("statistics:home"), SEED | {"public": "on"}
        )

    page = response.content.decode()
    assert "30 from Kosovo and 26 from other countries" in page
    assert "suppressed" in page
    assert "from Albania" not in page


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_downloads_are_audited(seed_2012, login_as, staff, export_format):
    before = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()
    with translation.override("en"):
        response = login_as("statistician_besnik").get(
            reverse("statistics:home"), SEED | {"format": export_format}
        )

    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).latest("seq")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == before + 1
    assert entry.actor == staff["statistician_besnik"]
    assert entry.detail["format"] == export_format
    assert entry.detail["public"] == 0
    if export_format == "csv":
        assert "citizenship,AL,Albania,,,1,no" in response.content.decode()
    else:
        sheet = load_workbook(io.BytesIO(response.content))["statistics"]
        rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
        assert ("citizenship", "XK", "Kosovo", None, None, 30, "no") in rows


def test_a_bad_download_request_is_refused_without_an_error_page(login_as):
    response = login_as("statistician_besnik").get(
        reverse("statistics:home"), {"date_from": "9999-99-99", "format": "exe"}
    )

    assert response.status_code == 400


def test_the_staff_page_refuses_absurd_input_with_field_errors(login_as):
    with translation.override("en"):
        response = login_as("statistician_besnik").get(
            reverse("statistics:home"),
            {"date_from": "2012-13-45", "date_to": "1" * 500, "by": "shoe_size", "status": "x"},
        )

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_public_page_is_suppressed_and_sets_no_cookie(seed_2012, client, language):
    with translation.override(language):
        url = reverse("public-statistics")
    response = client.get(url, {"year": "2012"})

    page = response.content.decode()
    assert response.status_code == 200
    assert response.cookies == {}
    assert page.count("<svg") == page.count('<table class="chart-data">') == 4
    shown = [int(n) for n in re.findall(r"<td>(\d+)</td>", page)]
    assert shown and [n for n in shown if 1 <= n <= 4] == []
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_public_page_without_any_figures(client):
    response = client.get("/en/statistics/")

    assert response.status_code == 200
    assert "No figures have been published yet." in response.content.decode()
