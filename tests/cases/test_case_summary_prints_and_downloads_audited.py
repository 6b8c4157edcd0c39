"""The printable case summary and its PDF: marked confidential, with who printed it; only for
those who may see the case; each printing audited (a view entry and an "exported" entry naming
the format); the PDF made on the server without fetching anything."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from strehe.audit.models import AuditEntry
from strehe.cases import views_print
from strehe.cases.services import case_note_add
from tests.staff import open_test_case, verified_client


@pytest.fixture
def case(staff, agencies):
    case = open_test_case(owner=agencies["advocates"], worker=staff["advocate_arta"], label="Print")
    case_note_add(actor=staff["advocate_arta"], case=case, text="Court hearing on Monday.")
    return case


def get(user, name, case):
    with translation.override("en"):
        return verified_client(user).get(reverse(name, kwargs={"code": case.code}))


def entries(case):
    return AuditEntry.objects.filter(target_type="cases.case", target_id=str(case.pk))


@pytest.mark.django_db
def test_the_print_view_is_marked_confidential_and_audited(staff, case):
    arta = staff["advocate_arta"]

    response = get(arta, "cases:print", case)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Confidential" in page and case.code in page
    assert "GivenPrint" in page and "Court hearing on Monday." in page
    assert "Printed by advocate_arta" in page
    assert "http://" not in page and "https://" not in page
    assert entries(case).filter(actor=arta, action="view").count() == 1
    assert list(entries(case).filter(action="export").values_list("detail", flat=True)) == [
        {"format": "print"}
    ]


@pytest.mark.django_db
def test_the_pdf_holds_the_summary_and_fetches_nothing(staff, case, monkeypatch):
    fetchers = []
    original = views_print.refusing_fetcher

    def spy():
        fetchers.append(original())
        return fetchers[-1]

    monkeypatch.setattr(views_print, "refusing_fetcher", spy)

    response = get(staff["coordinator_drita"], "cases:pdf", case)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{case.code}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    print(f"\ncase summary PDF: {len(response.content)} bytes, {len(text)} characters of text")
    assert case.code in text and "GivenPrint" in text and "CONFIDENTIAL" in text
    assert [fetcher.asked for fetcher in fetchers] == [[]]
    assert list(entries(case).filter(action="export").values_list("detail", flat=True)) == [
        {"format": "pdf"}
    ]
    assert entries(case).filter(actor=staff["coordinator_drita"], action="view").count() == 1


def test_the_fetcher_refuses_every_address():
    fetcher = views_print.refusing_fetcher()
    html = (
        '<link rel="stylesheet" href="https://example.invalid/x.css">'
        '<img src="http://127.0.0.1:9/tracker.png"><img src="file:///etc/passwd">'
        "<p>KS-2026-00001</p>"
    )

    pdf = views_print.summary_pdf(html, fetcher)

    assert pdf.startswith(b"%PDF")
    assert set(fetcher.asked) <= {
        "https://example.invalid/x.css",
        "http://127.0.0.1:9/tracker.png",
        "file:///etc/passwd",
    }
    assert fetcher.asked, "the page asked for something, and it was refused"
    assert b"root:" not in pdf


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["cases:print", "cases:pdf"])
@pytest.mark.parametrize("username", ["investigator_ilir", "statistician_besnik"])
def test_who_may_not_see_the_case_gets_404_and_nothing_is_audited(staff, case, name, username):
    response = get(staff[username], name, case)

    assert response.status_code == 404
    assert not entries(case).filter(action__in=["view", "export"]).exists()
