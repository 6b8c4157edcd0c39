"""A call-back is shown on its contact's page, to those who may see the contact; the page to
add one is for those who may act on it (403 for other roles, 404 for a contact not theirs);
done and undone from the contact page."""

import datetime

import pytest
from django.utils import timezone

from strehe.helpline.followups import contact_follow_up_add
from strehe.helpline.models import ContactFollowUp
from tests.helpline.desk import logged, operator_elsewhere
from tests.helpline.flow import url
from tests.staff import verified_client


@pytest.mark.django_db
def test_added_on_the_page_shown_to_the_agency_and_hidden_from_others(staff, agencies, login_as):
    contact = logged(staff["operator_olta"])
    elsewhere = operator_elsewhere(agencies)
    olta = login_as("operator_olta")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    me = staff["operator_olta"].pk
    form = olta.get(url("helpline:follow_up", contact_id=contact.pk)).content.decode()
    # The form offers the user themselves first.
    assert f'<option value="{me}" selected>' in form

    added = olta.post(
        url("helpline:follow_up", contact_id=contact.pk),
        {
            "note": "Call back about the shelter",
            "due_on": tomorrow.isoformat(),
            "due_time": "10:00",
            "assignee": me,
        },
    )
    page = url("helpline:detail", contact_id=contact.pk)

    assert added.status_code == 302
    assert ContactFollowUp.objects.get().assignee == staff["operator_olta"]
    assert "Call back about the shelter" in olta.get(page).content.decode()
    colleague = login_as("colleague_helpline").get(page).content.decode()
    assert "Call back about the shelter" in colleague
    assert login_as("coordinator_drita").get(page).status_code == 200
    other = verified_client(elsewhere)
    assert other.get(page).status_code == 404
    assert other.get(url("helpline:follow_up", contact_id=contact.pk)).status_code == 404
    assert (
        login_as("investigator_ilir")
        .get(url("helpline:follow_up", contact_id=contact.pk))
        .status_code
        == 403
    )
    assert (
        login_as("coordinator_drita")
        .post(
            url("helpline:follow_up", contact_id=contact.pk),
            {"note": "Call", "due_on": tomorrow.isoformat()},
        )
        .status_code
        == 403
    )
    assert ContactFollowUp.objects.count() == 1


@pytest.mark.django_db
def test_done_and_undone_from_the_contact_page(staff, login_as):
    contact = logged(staff["operator_olta"])
    follow_up = contact_follow_up_add(
        actor=staff["operator_olta"],
        contact=contact,
        due_on=timezone.localdate(),
        note="Call back",
    )
    client = login_as("colleague_helpline")
    status = url("helpline:follow_up_status", contact_id=contact.pk)

    done = client.post(status, {"follow_up": follow_up.pk, "done": "1"})
    follow_up.refresh_from_db()
    assert (done.status_code, follow_up.done_by) == (302, staff["colleague_helpline"])
    undone = client.post(status, {"follow_up": follow_up.pk, "done": "0"})
    follow_up.refresh_from_db()
    assert (undone.status_code, follow_up.done_at) == (302, None)


@pytest.mark.django_db
def test_a_call_back_of_another_contact_cannot_be_marked_through_this_one(staff, login_as):
    olta = staff["operator_olta"]
    one, other = logged(olta), logged(olta)
    follow_up = contact_follow_up_add(
        actor=olta, contact=other, due_on=timezone.localdate(), note="Call back"
    )

    through_one = url("helpline:follow_up_status", contact_id=one.pk)
    response = login_as("operator_olta").post(through_one, {"follow_up": follow_up.pk, "done": "1"})

    assert response.status_code == 200
    assert "follow_up" in response.context["form"].errors
    follow_up.refresh_from_db()
    assert follow_up.done_at is None
