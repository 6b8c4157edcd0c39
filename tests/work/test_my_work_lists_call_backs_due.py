"""An operator's My work lists today's contacts of their agency and the call-backs due today or
overdue (assigned to them or to nobody), the overdue ones standing out; not those due later,
done, assigned to a colleague, or on contacts they may not see."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from strehe.helpline.followups import contact_follow_up_add, contact_follow_up_done
from tests.helpline.desk import logged, operator_elsewhere


def today() -> datetime.date:
    # When the test runs, not when it is collected: a run may cross local midnight.
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def call_backs(page: str) -> list[str]:
    section = page.partition('id="call-backs"')[2].partition("</section>")[0]
    return re.findall(r"<li[^>]*>.*?</li>", section, flags=re.S)


def detail(contact_id: int) -> str:
    with translation.override("en"):
        return reverse("helpline:detail", kwargs={"contact_id": contact_id})


def my_work(client) -> str:
    with translation.override("en"):
        return client.get(reverse("accounts:home")).content.decode()


@pytest.mark.django_db
def test_due_today_and_overdue_are_listed_and_overdue_stands_out(staff, agencies, login_as):
    olta, colleague = staff["operator_olta"], staff["colleague_helpline"]
    contact = logged(olta, hours_ago=0)
    older = logged(olta, hours_ago=48)

    def add(due_on, assignee=olta, on=contact):
        return contact_follow_up_add(
            actor=olta, contact=on, due_on=due_on, assignee=assignee, note="Call back"
        )

    overdue = add(days(-2), on=older)
    due_today = add(today())
    unassigned = add(today(), assignee=None)
    add(days(1))  # later
    add(today(), assignee=colleague)  # a colleague's
    contact_follow_up_done(actor=olta, follow_up=add(days(-1)))  # done
    elsewhere = operator_elsewhere(agencies)
    contact_follow_up_add(
        actor=elsewhere,
        contact=logged(elsewhere),
        due_on=days(-1),
        note="Call back",
    )

    page = my_work(login_as("operator_olta"))
    lines = call_backs(page)

    assert len(lines) == 3
    assert [line.startswith('<li class="overdue">') for line in lines] == [True, False, False]
    assert "Overdue" in lines[0]
    for follow_up, line in zip((overdue, due_today, unassigned), lines, strict=True):
        assert detail(follow_up.contact_id) in line
    assert "nobody assigned" in lines[2]
    # The note is encrypted and stays on the contact page, where reading it is logged.
    assert "Call back" not in page.partition('id="call-backs"')[2].partition("</section>")[0]
    # Today's contacts of the agency are listed beside them.
    todays = page.partition('id="contacts"')[2].partition("</section>")[0]
    assert detail(contact.pk) in todays
    assert detail(older.pk) not in todays


@pytest.mark.django_db
def test_roles_that_do_not_log_contacts_have_no_call_back_list(staff, login_as):
    olta = staff["operator_olta"]
    contact_follow_up_add(
        actor=olta, contact=logged(olta), due_on=days(-1), note="Call back", assignee=None
    )

    for username in ("coordinator_drita", "investigator_ilir", "social_worker_sokol"):
        assert 'id="call-backs"' not in my_work(login_as(username))
    assert len(call_backs(my_work(login_as("colleague_helpline")))) == 1
