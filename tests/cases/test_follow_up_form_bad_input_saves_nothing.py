"""The follow-up page: an empty or wrong form says what is needed and saves nothing."""

import pytest

from strehe.cases.models import FollowUp
from strehe.cases.services import follow_up_add
from tests.cases.workflow import post


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "This field is required."),
        ({"note": "Call back", "due_on": "2026-13-45"}, "Enter a valid date."),
        ({"note": "Call back", "due_on": "1989-12-31"}, "1990"),
        ({"note": "Call back", "due_on": "2026-12-01", "due_time": "25:99"}, "Enter a valid time."),
        ({"note": "Call back", "due_on": "2026-12-01", "assignee": "99999999999999999999"}, ""),
    ],
)
def test_bad_input_is_a_field_error(records_of, login_as, data, message):
    case = records_of("advocate_arta").own

    status, page = post(login_as("advocate_arta"), "cases:follow_up", case, data)

    assert status == 200
    assert message in page
    assert not FollowUp.objects.exists()


@pytest.mark.django_db
def test_marking_a_follow_up_of_another_case_is_refused(records_of, staff, login_as):
    records = records_of("advocate_arta")
    other = follow_up_add(
        actor=staff["colleague_advocates"],
        case=records.own_agency,
        due_on=records.own_agency.opened_at.date(),
        note="Call",
    )

    status, _page = post(
        login_as("advocate_arta"), "cases:follow_up_status", records.own, {"follow_up": other.pk}
    )

    assert status == 200
    assert FollowUp.objects.get(pk=other.pk).done_at is None
