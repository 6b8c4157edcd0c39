import pytest
from django.urls import reverse

from strehe.audit.models import AuditEntry


def view_entries(case):
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, target_type="cases.case", target_id=str(case.pk)
    )


@pytest.mark.django_db
def test_viewing_a_case_detail_writes_exactly_one_view_entry(login_as, records_of):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")

    response = client.get(reverse("cases:detail", kwargs={"code": case.code}))

    assert response.status_code == 200
    assert "GivenOwnadvocatearta" in response.content.decode()
    entries = list(view_entries(case))
    assert len(entries) == 1
    assert entries[0].actor_username == "advocate_arta"
    assert entries[0].target_label == case.code
    assert entries[0].ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_the_api_detail_also_writes_one_view_entry(login_as, records_of):
    case = records_of("investigator_ilir").own_agency
    client = login_as("investigator_ilir")

    response = client.get(f"/api/v1/cases/{case.code}/")

    assert response.status_code == 200
    assert response.json()["person"]["given_name"] == "GivenAgencyinvestigatorilir"
    assert view_entries(case).count() == 1


@pytest.mark.django_db
def test_a_refused_case_writes_no_view_entry_and_answers_404(login_as, records_of):
    case = records_of("advocate_arta").other_agency
    client = login_as("advocate_arta")

    response = client.get(reverse("cases:detail", kwargs={"code": case.code}))

    assert response.status_code == 404
    assert view_entries(case).count() == 0


@pytest.mark.django_db
def test_lists_show_codes_but_no_names(login_as, records_of):
    records = records_of("social_worker_sokol")
    client = login_as("social_worker_sokol")

    page = client.get(reverse("cases:list")).content.decode()
    api = client.get("/api/v1/cases/").content.decode()

    for body in (page, api):
        assert records.own.code in body
        assert "GivenOwn" not in body
        assert "Narrative of" not in body
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count() == 0
