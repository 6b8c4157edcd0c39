"""Any open case may be closed, always with a reason, and with a note when the reason is other."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import ClosingReason, Stage, TimelineEntry
from tests.cases.workflow import counts, new_audit_entries, post, reload, url


@pytest.mark.django_db
def test_closing_without_a_reason_is_refused_on_the_reason_field(records_of, login_as):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    before = counts(case)

    response = client.post(url("cases:stage", case), {"to_stage": Stage.CLOSED})

    assert response.context["form"].errors["closing_reason"] == ["Choose why the case is closed."]
    assert reload(case).stage == Stage.IDENTIFICATION
    assert counts(case) == before


@pytest.mark.django_db
def test_other_reason_without_a_note_is_refused_on_the_note_field(records_of, login_as):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    before = counts(case)

    response = client.post(
        url("cases:stage", case),
        {"to_stage": Stage.CLOSED, "closing_reason": ClosingReason.OTHER, "note": " "},
    )

    assert response.context["form"].errors["note"] == ["Describe the reason for closing."]
    assert reload(case).stage == Stage.IDENTIFICATION
    assert counts(case) == before


@pytest.mark.django_db
def test_other_reason_with_a_note_closes_with_one_timeline_and_one_audit_entry(
    records_of, login_as
):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    timeline_before, audit_before = counts(case)

    status, _page = post(
        client,
        "cases:stage",
        case,
        {
            "to_stage": Stage.CLOSED,
            "closing_reason": ClosingReason.OTHER,
            "note": "She moved abroad with her family.",
        },
    )

    assert status == 302
    case = reload(case)
    assert (case.stage, case.closing_reason) == (Stage.CLOSED, ClosingReason.OTHER)
    assert case.closed_at is not None
    assert TimelineEntry.objects.filter(case=case).count() == timeline_before + 1
    line = TimelineEntry.objects.filter(case=case).order_by("-pk").first()
    assert line.note == "She moved abroad with her family."
    [audit] = new_audit_entries(audit_before)
    assert audit.action == AuditEntry.Action.CHANGE
    assert sorted(audit.fields) == ["closed_at", "closing_reason", "stage"]


@pytest.mark.django_db
def test_a_closed_case_offers_no_further_stage(records_of, login_as):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    post(client, "cases:stage", case, {"to_stage": "closed", "closing_reason": "declined"})
    before = counts(case)

    response = client.post(
        url("cases:stage", case), {"to_stage": "closed", "closing_reason": "declined"}
    )

    assert response.context["form"].fields["to_stage"].choices == []
    assert "to_stage" in response.context["form"].errors
    assert counts(case) == before
