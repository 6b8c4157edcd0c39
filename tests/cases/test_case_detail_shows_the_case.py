"""The detail page shows the person and the state of the case, with labels rather than codes."""

import datetime

import pytest
from django.utils import timezone

from strehe.cases.codes import ControlMethod, EventKind, Exploitation
from strehe.cases.models import ConsentScope
from strehe.cases.services import (
    case_share,
    case_update,
    consent_record,
    consent_withdraw,
    trafficking_event_add,
)
from tests.cases.workflow import reflection_rules, to_initial_assistance, url


@pytest.mark.django_db
def test_the_detail_page_shows_person_risk_identification_consents_shares_and_events(
    staff, agencies, records_of, login_as
):
    reflection_rules()
    investigator = staff["investigator_ilir"]
    case = records_of("investigator_ilir").own
    case_update(
        actor=investigator,
        case=case,
        changes={
            "citizenships": ["AL", "XK"],
            "languages": ["sq", "rom"],
            "estimated_age": 16,
            "forms_of_exploitation": [Exploitation.FORCED_BEGGING],
            "methods_of_control": [ControlMethod.DEBT_BONDAGE],
        },
    )
    to_initial_assistance(case, investigator, staff)
    consent_record(
        actor=investigator, case=case, scope=ConsentScope.SHARING, agency=agencies["advocates"]
    )
    case_share(actor=investigator, case=case, agency=agencies["advocates"])
    withdrawn = consent_record(
        actor=investigator,
        case=case,
        scope=ConsentScope.DATA_RETENTION,
        given_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    consent_withdraw(actor=investigator, consent=withdrawn)
    trafficking_event_add(
        actor=investigator, case=case, kind=EventKind.RECRUITMENT, country="al", place="Durrës"
    )

    page = login_as("investigator_ilir").get(url("cases:detail", case)).content.decode()

    for text in (
        "AL, XK",
        "sq, rom",
        "About 16",
        "Forced begging",
        "Debt bondage",
        "High",
        "The recruiter knows where her family lives.",
        "social_worker_sokol",
        "Presumed victim",
        "Initial assistance and reflection period",
        "advocates office, since",
        "withdrawn on",
        "in force, given on",
        "Recruitment: AL, Durrës",
        "Moved from “Identification” to “Risk assessment and referral”.",
        "Shared with advocates office.",
        "Trafficking event recorded: Recruitment in AL.",
    ):
        assert text in page, text
    assert "ForcedBegging" not in page
