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
from strehe.shelters.services import placement_create
from tests.cases.workflow import reflection_rules, to_initial_assistance, url
from tests.shelters.helpers import make_shelter


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
        actor=investigator, case=case, scope=ConsentScope.SHARING, agency=agencies["shelter"]
    )
    case_share(actor=investigator, case=case, agency=agencies["shelter"])
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
        "Albania, Kosovo",
        "Albanian, Romany",
        "About 16",
        "Forced begging",
        "Debt bondage",
        "High",
        "The recruiter knows where her family lives.",
        "social_worker_sokol",  # the assigned worker, who has no name: by username
        "Presumed victim",
        "Initial assistance and reflection period",
        "advocates office, since",
        "shelter office, since",
        "withdrawn on",
        "in force, given on",
        "Recruitment: Albania, Durrës",
        "Moved from “Identification” to “Risk assessment and referral”.",
        "Shared with shelter office.",
        "Trafficking event recorded: Recruitment in Albania.",
    ):
        assert text in page, text
    assert "ForcedBegging" not in page


@pytest.mark.django_db
def test_action_links_are_shown_only_to_roles_that_may_act(staff, agencies, records_of, login_as):
    # Shelter staff see a case while its person lives in their shelter: they keep notes and
    # check out, and take no other act.
    case = records_of("social_worker_sokol").own
    shelter = make_shelter(operator=agencies["shelter"])
    placement_create(actor=staff["social_worker_sokol"], case=case, shelter=shelter)
    colleague_case = records_of("advocate_arta").own

    shelter_page = login_as("shelter_staff_shpresa").get(url("cases:detail", case))
    advocate_page = login_as("advocate_arta").get(url("cases:detail", colleague_case))

    assert shelter_page.status_code == 200
    assert "/stage/" not in shelter_page.content.decode()
    assert "/place/" not in shelter_page.content.decode()
    assert f"/{case.code}/notes/" in shelter_page.content.decode()
    assert f"/{case.code}/check-out/" in shelter_page.content.decode()
    for action in ("stage", "risk", "consents", "consents/withdraw", "sharing", "notes"):
        assert f"/{colleague_case.code}/{action}/" in advocate_page.content.decode(), action


@pytest.mark.django_db
def test_a_known_birth_date_is_shown_instead_of_an_age(staff, records_of, login_as):
    case = records_of("advocate_arta").own
    case_update(
        actor=staff["advocate_arta"],
        case=case,
        changes={"birth_date": datetime.date(1999, 4, 3)},
    )

    page = login_as("advocate_arta").get(url("cases:detail", case)).content.decode()

    assert "3 Apr 1999" in page
    assert "Estimated age" not in page
    assert "Unknown: treated as a child" not in page
