"""Initial → long-term assistance: the consent to assistance must still be in force."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import Consent, ConsentScope, Stage, TimelineEntry
from strehe.cases.services import consent_withdraw
from tests.cases.workflow import (
    CONSENT_FIRST,
    consent_to,
    counts,
    new_audit_entries,
    post,
    reflection_rules,
    reload,
    to_initial_assistance,
    url,
)

MOVE = {"to_stage": Stage.LONG_TERM_ASSISTANCE}


@pytest.fixture
def case_in_initial_assistance(staff, records_of):
    reflection_rules()
    case = records_of("advocate_arta").own
    return to_initial_assistance(case, staff["advocate_arta"], staff)


def withdraw_assistance_consent(case, actor):
    consent_withdraw(
        actor=actor, consent=Consent.objects.get(case=case, scope=ConsentScope.ASSISTANCE)
    )


@pytest.mark.django_db
def test_a_withdrawn_consent_stops_the_move(staff, case_in_initial_assistance, login_as):
    case = case_in_initial_assistance
    withdraw_assistance_consent(case, staff["advocate_arta"])
    client = login_as("advocate_arta")
    before = counts(case)

    _status, page = post(client, "cases:stage", case, MOVE)

    assert CONSENT_FIRST in page
    assert reload(case).stage == Stage.INITIAL_ASSISTANCE
    assert counts(case) == before


@pytest.mark.django_db
def test_the_police_must_give_a_reason_to_go_ahead_without_it(staff, records_of, login_as):
    reflection_rules()
    case = to_initial_assistance(
        records_of("investigator_ilir").own, staff["investigator_ilir"], staff
    )
    withdraw_assistance_consent(case, staff["investigator_ilir"])
    client = login_as("investigator_ilir")
    before = counts(case)

    response = client.post(url("cases:stage", case), {**MOVE, "override_reason": "  "})

    assert "override_reason" in response.context["form"].errors
    assert reload(case).stage == Stage.INITIAL_ASSISTANCE
    assert counts(case) == before


@pytest.mark.django_db
def test_with_consent_in_force_the_case_moves_with_one_timeline_and_one_audit_entry(
    staff, case_in_initial_assistance, login_as
):
    case = case_in_initial_assistance
    withdraw_assistance_consent(case, staff["advocate_arta"])
    consent_to(case, staff["advocate_arta"])
    client = login_as("advocate_arta")
    timeline_before, audit_before = counts(case)

    status, _page = post(client, "cases:stage", case, MOVE)

    assert status == 302
    assert reload(case).stage == Stage.LONG_TERM_ASSISTANCE
    assert TimelineEntry.objects.filter(case=case).count() == timeline_before + 1
    [audit] = new_audit_entries(audit_before)
    assert (audit.action, audit.fields) == (AuditEntry.Action.CHANGE, ["stage"])
