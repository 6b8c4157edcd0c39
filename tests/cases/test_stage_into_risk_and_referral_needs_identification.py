"""Identification → risk assessment and referral: only after a presumed or identified decision."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Stage, TimelineEntry
from strehe.cases.services import identification_record
from tests.cases.workflow import counts, new_audit_entries, post, reload

MOVE = {"to_stage": Stage.RISK_AND_REFERRAL}


@pytest.mark.django_db
def test_without_an_identification_decision_the_move_is_refused(records_of, login_as):
    case = records_of("investigator_ilir").own
    client = login_as("investigator_ilir")
    before = counts(case)

    status, page = post(client, "cases:stage", case, MOVE)

    assert status == 200
    assert (
        "Record an identification decision (presumed or identified victim) first, on the "
        "Identification page of the case." in page
    )
    assert reload(case).stage == Stage.IDENTIFICATION
    assert counts(case) == before


@pytest.mark.django_db
def test_a_not_a_victim_decision_does_not_open_the_next_stage(staff, records_of, login_as):
    case = records_of("investigator_ilir").own
    identification_record(
        actor=staff["investigator_ilir"], case=case, status=TraffickingStatus.NOT_A_VICTIM
    )
    client = login_as("investigator_ilir")
    before = counts(case)

    status, page = post(client, "cases:stage", case, MOVE)

    assert status == 200
    assert "Record an identification decision" in page
    assert reload(case).stage == Stage.IDENTIFICATION
    assert counts(case) == before


@pytest.mark.django_db
def test_after_a_presumed_victim_decision_the_case_moves_with_one_timeline_and_one_audit_entry(
    staff, records_of, login_as
):
    case = records_of("advocate_arta").own
    identification_record(
        actor=staff["advocate_arta"], case=case, status=TraffickingStatus.PRESUMED
    )
    client = login_as("advocate_arta")
    timeline_before, audit_before = counts(case)

    status, _page = post(client, "cases:stage", case, MOVE)

    assert status == 302
    assert reload(case).stage == Stage.RISK_AND_REFERRAL
    entries = TimelineEntry.objects.filter(case=case).count() - timeline_before
    assert entries == 1
    line = TimelineEntry.objects.filter(case=case).order_by("-pk").first()
    assert line.kind == TimelineEntry.Kind.STAGE
    assert line.data == {"from": Stage.IDENTIFICATION, "to": Stage.RISK_AND_REFERRAL}
    [audit] = new_audit_entries(audit_before)
    assert (audit.action, audit.target_type, audit.fields) == (
        AuditEntry.Action.CHANGE,
        "cases.case",
        ["stage"],
    )
