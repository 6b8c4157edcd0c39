"""A follow-up due yesterday, added on the case page, shows as overdue on the case page and on
the assignee's My work; one due today is listed without the mark; a done one is gone."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from strehe.cases.models import FollowUp
from strehe.cases.services import follow_up_add
from tests.cases.workflow import url


def today() -> datetime.date:
    # When the test runs, not when it is collected: a run may cross local midnight.
    return timezone.localdate()


def yesterday() -> datetime.date:
    return today() - datetime.timedelta(days=1)


def my_work(client) -> str:
    with translation.override("en"):
        return client.get(reverse("accounts:home")).content.decode()


def overdue_lines(page: str) -> list[str]:
    return re.findall(r'<li class="overdue">.*?</li>', page, flags=re.S)


@pytest.mark.django_db
def test_a_follow_up_due_yesterday_is_overdue_on_my_work_and_the_case_page(
    records_of, staff, login_as
):
    case = records_of("social_worker_sokol").own
    sokol = login_as("social_worker_sokol")
    form = sokol.get(url("cases:follow_up", case)).content.decode()
    me = staff["social_worker_sokol"].pk
    # The form offers the user themselves first.
    assert f'<option value="{me}" selected>' in form

    response = sokol.post(
        url("cases:follow_up", case),
        {"note": "Call back about the hearing", "due_on": yesterday().isoformat(), "assignee": me},
    )

    assert response.status_code == 302
    [follow_up] = FollowUp.objects.filter(case=case)
    assert follow_up.assignee_id == me
    [line] = overdue_lines(my_work(sokol))
    assert "Overdue" in line and case.code in line
    [on_case] = overdue_lines(sokol.get(url("cases:detail", case)).content.decode())
    assert "Call back about the hearing" in on_case


@pytest.mark.django_db
def test_one_due_today_is_listed_without_the_overdue_mark(records_of, staff, login_as):
    case = records_of("social_worker_sokol").own
    sokol = staff["social_worker_sokol"]
    follow_up_add(actor=sokol, case=case, due_on=today(), note="Visit", assignee=sokol)

    page = my_work(login_as("social_worker_sokol"))

    assert case.code in page
    assert overdue_lines(page) == []


@pytest.mark.django_db
def test_marked_done_it_leaves_my_work_and_undone_it_returns(records_of, staff, login_as):
    case = records_of("social_worker_sokol").own
    sokol = staff["social_worker_sokol"]
    follow_up = follow_up_add(
        actor=sokol, case=case, due_on=yesterday(), note="Call", assignee=sokol
    )
    client = login_as("social_worker_sokol")

    done = client.post(
        url("cases:follow_up_status", case), {"follow_up": follow_up.pk, "done": "1"}
    )
    after_done = overdue_lines(my_work(client))
    undone = client.post(
        url("cases:follow_up_status", case), {"follow_up": follow_up.pk, "done": "0"}
    )

    assert (done.status_code, undone.status_code) == (302, 302)
    assert after_done == []
    assert len(overdue_lines(my_work(client))) == 1


@pytest.mark.django_db
def test_someone_elses_follow_up_is_not_on_my_work(records_of, staff, login_as):
    case = records_of("social_worker_sokol").own_agency
    colleague = staff["colleague_social"]
    follow_up_add(actor=colleague, case=case, due_on=yesterday(), note="Call", assignee=colleague)

    assert overdue_lines(my_work(login_as("social_worker_sokol"))) == []
    assert len(overdue_lines(my_work(login_as("colleague_social")))) == 1
