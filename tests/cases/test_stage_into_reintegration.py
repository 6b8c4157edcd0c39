"""Long-term assistance → return or reintegration: the next stage, one entry of each kind."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import Stage, TimelineEntry
from tests.cases.workflow import (
    counts,
    new_audit_entries,
    post,
    reflection_rules,
    reload,
    to_long_term_assistance,
)


@pytest.mark.django_db
def test_a_case_in_long_term_assistance_moves_to_reintegration(staff, records_of, login_as):
    reflection_rules()
    case = to_long_term_assistance(records_of("advocate_arta").own, staff["advocate_arta"], staff)
    client = login_as("advocate_arta")
    timeline_before, audit_before = counts(case)

    status, _page = post(client, "cases:stage", case, {"to_stage": Stage.REINTEGRATION})

    assert status == 302
    assert reload(case).stage == Stage.REINTEGRATION
    assert TimelineEntry.objects.filter(case=case).count() == timeline_before + 1
    [audit] = new_audit_entries(audit_before)
    assert (audit.action, audit.fields) == (AuditEntry.Action.CHANGE, ["stage"])
