"""Call-back services refuse, writing nothing, an actor who may not act on the contact: a role
that does not log contacts (even the national view that sees it), an operator of another
agency; and an assignee who could not see the contact, or a call-back without a note."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from strehe.audit.models import AuditEntry
from strehe.helpline.followups import (
    contact_follow_up_add,
    contact_follow_up_done,
    contact_follow_up_reopen,
)
from strehe.helpline.models import ContactFollowUp
from tests.helpline.desk import logged, operator_elsewhere


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def contact(staff):
    return logged(staff["operator_olta"])


@pytest.mark.django_db
def test_the_operators_agency_adds_marks_done_and_reopens(staff, contact):
    colleague = staff["colleague_helpline"]
    follow_up = contact_follow_up_add(
        actor=staff["operator_olta"],
        contact=contact,
        due_on=tomorrow(),
        due_time=datetime.time(10, 0),
        assignee=colleague,
        note="Call back tomorrow 10:00",
    )

    done = contact_follow_up_done(actor=colleague, follow_up=follow_up)
    assert (done.done_by, done.is_done) == (colleague, True)
    reopened = contact_follow_up_reopen(actor=staff["operator_olta"], follow_up=follow_up)
    assert (reopened.done_by, reopened.done_at) == (None, None)
    entries = AuditEntry.objects.filter(target_type="helpline.contactfollowup")
    assert entries.count() == 3
    assert not any("Call back" in str(entry.detail) for entry in entries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", ["investigator_ilir", "coordinator_drita", "statistician_besnik", "elsewhere"]
)
def test_who_may_not_act_is_refused_and_nothing_is_written(staff, agencies, contact, username):
    actor = operator_elsewhere(agencies) if username == "elsewhere" else staff[username]
    follow_up = contact_follow_up_add(
        actor=staff["operator_olta"], contact=contact, due_on=tomorrow(), note="Call back"
    )
    audited = AuditEntry.objects.count()

    with pytest.raises(PermissionDenied):
        contact_follow_up_add(actor=actor, contact=contact, due_on=tomorrow(), note="Call")
    with pytest.raises(PermissionDenied):
        contact_follow_up_done(actor=actor, follow_up=follow_up)

    assert ContactFollowUp.objects.count() == 1
    assert ContactFollowUp.objects.get().done_at is None
    assert AuditEntry.objects.count() == audited


@pytest.mark.django_db
@pytest.mark.parametrize("assignee", ["advocate_arta", "investigator_ilir", "coordinator_drita"])
def test_the_assignee_must_be_able_to_act_on_the_contact(staff, contact, assignee):
    with pytest.raises(ValidationError) as refused:
        contact_follow_up_add(
            actor=staff["operator_olta"],
            contact=contact,
            due_on=tomorrow(),
            note="Call back",
            assignee=staff[assignee],
        )

    assert "assignee" in refused.value.message_dict
    assert ContactFollowUp.objects.count() == 0


@pytest.mark.django_db
def test_a_call_back_says_what_is_to_be_done(staff, contact):
    with pytest.raises(ValidationError) as refused:
        contact_follow_up_add(
            actor=staff["operator_olta"], contact=contact, due_on=tomorrow(), note="  "
        )

    assert "note" in refused.value.message_dict
    assert ContactFollowUp.objects.count() == 0
