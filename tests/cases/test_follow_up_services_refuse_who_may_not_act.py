"""The follow-up services check the actor themselves: one who may not work on the case is
refused, and nothing is written (no follow-up, no timeline line, no audit entry)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from strehe.audit.models import AuditEntry
from strehe.cases.models import FollowUp, TimelineEntry
from strehe.cases.services import follow_up_add, follow_up_done, follow_up_reopen

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def written() -> tuple[int, int, int, int]:
    return (
        FollowUp.objects.count(),
        FollowUp.objects.filter(done_at__isnull=False).count(),
        TimelineEntry.objects.count(),
        AuditEntry.objects.count(),
    )


# Another agency's worker, a role that may see but not work on cases, one that sees nothing, and
# the national view (sees everything, works on nothing).
REFUSED = ["worker_elsewhere", "shelter_staff_shpresa", "statistician_besnik", "coordinator_drita"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", REFUSED)
def test_adding_is_refused_and_writes_nothing(records_of, staff, username):
    case = records_of("advocate_arta").own
    before = written()

    with pytest.raises(PermissionDenied):
        follow_up_add(actor=staff[username], case=case, due_on=TOMORROW, note="Call back at 10")

    assert written() == before


@pytest.mark.django_db
@pytest.mark.parametrize("username", REFUSED)
def test_marking_done_and_reopening_are_refused_and_write_nothing(records_of, staff, username):
    case = records_of("advocate_arta").own
    arta = staff["advocate_arta"]
    open_one = follow_up_add(actor=arta, case=case, due_on=TOMORROW, note="Call back at 10")
    done_one = follow_up_done(
        actor=arta, follow_up=follow_up_add(actor=arta, case=case, due_on=TOMORROW, note="Visit")
    )
    before = written()

    with pytest.raises(PermissionDenied):
        follow_up_done(actor=staff[username], follow_up=open_one)
    with pytest.raises(PermissionDenied):
        follow_up_reopen(actor=staff[username], follow_up=done_one)

    assert written() == before


@pytest.mark.django_db
def test_a_worker_of_the_case_adds_marks_done_and_reopens_each_with_a_line(records_of, staff):
    case = records_of("advocate_arta").own
    arta = staff["advocate_arta"]

    follow_up = follow_up_add(
        actor=arta, case=case, due_on=TOMORROW, note="Accompany her to the prosecutor's office"
    )
    follow_up_done(actor=arta, follow_up=follow_up)
    done = FollowUp.objects.get(pk=follow_up.pk)
    follow_up_reopen(actor=arta, follow_up=follow_up)
    reopened = FollowUp.objects.get(pk=follow_up.pk)

    assert (done.done_by, done.done_at is not None) == (arta, True)
    assert (reopened.done_by, reopened.done_at) == (None, None)
    kinds = list(case.timeline.order_by("pk").values_list("kind", flat=True))[-3:]
    assert kinds == ["follow_up", "follow_up_done", "follow_up_reopened"]
    # The note identifies people: it is not copied to the timeline.
    assert not case.timeline.filter(note__isnull=False).exists()


@pytest.mark.django_db
def test_the_assignee_must_be_someone_who_may_work_on_the_case(records_of, staff):
    case = records_of("advocate_arta").own
    before = written()

    with pytest.raises(Exception) as refused:
        follow_up_add(
            actor=staff["advocate_arta"],
            case=case,
            due_on=TOMORROW,
            note="Call back",
            assignee=staff["worker_elsewhere"],
        )

    assert "assignee" in refused.value.message_dict  # type: ignore[attr-defined]
    assert written() == before
