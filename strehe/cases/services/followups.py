"""Follow-ups: tasks on a case with a due date and an assignee; done and reopened.

Each act checks the actor through the case policy (MANAGE_CASE on a case they may see) and
writes a timeline line and an audit entry; the note stays in the follow-up, encrypted, and is
never copied to the timeline or the audit trail.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry

from ..models import Case, FollowUp, TimelineEntry
from ..policies import case_policy
from ._acts import act_recorded, created

FIELDS = ["kind", "due_on", "due_time", "assignee", "note"]
DONE_FIELDS = ["done_at", "done_by"]
# The reminder of the reflection period's end is due this many days before the last day: the
# same week in which the case page and My work start warning about it, so that the decision on
# long-term assistance (and the consent it needs) is taken while the period still runs.
REFLECTION_REMINDER_DAYS_BEFORE = 7


def _assignee_problem(case: Case, assignee: Any) -> str | None:
    """An assignee must be able to see the case and work on it, or the task would be lost."""
    if assignee is None:
        return None
    if not case_policy.users_with_access(case, Permission.KEEP_NOTES).filter(pk=assignee.pk):
        return _("Choose someone who may work on this case.")
    return None


def _line(*, actor: Any, follow_up: FollowUp, kind: str, action: str, fields: list[str]) -> None:
    act_recorded(
        actor=actor,
        case=follow_up.case,
        kind=kind,
        target=follow_up,
        action=action,
        fields=fields,
        data={"follow_up": follow_up.pk, "due_on": follow_up.due_on.isoformat()},
    )


@transaction.atomic
def follow_up_add(
    *,
    actor: Any,
    case: Case,
    due_on: datetime.date,
    due_time: datetime.time | None = None,
    assignee: Any = None,
    note: str = "",
) -> FollowUp:
    """Add a follow-up to `case`, due on `due_on` (a day in the past is allowed: the task was
    due already and is recorded late), assigned to someone who may work on the case, or to
    nobody yet."""
    case_policy.require(actor, Permission.KEEP_NOTES, case)
    if case.stage == Case.Stage.CLOSED:
        raise ValidationError({"due_on": _("The case is closed.")})
    if not note.strip():
        raise ValidationError({"note": _("Say what is to be done.")})
    problem = _assignee_problem(case, assignee)
    if problem:
        raise ValidationError({"assignee": problem})
    follow_up = FollowUp(
        case=case,
        recorded_by=actor,
        kind=FollowUp.Kind.TASK,
        due_on=due_on,
        due_time=due_time,
        assignee=assignee,
        note=note.strip(),
    )
    follow_up.full_clean()
    follow_up.save()
    _line(
        actor=actor,
        follow_up=follow_up,
        kind=TimelineEntry.Kind.FOLLOW_UP,
        action=AuditEntry.Action.CREATE,
        fields=FIELDS,
    )
    return follow_up


def _locked(follow_up: FollowUp) -> FollowUp:
    return FollowUp.objects.select_for_update().select_related("case").get(pk=follow_up.pk)


@transaction.atomic
def follow_up_done(*, actor: Any, follow_up: FollowUp) -> FollowUp:
    """Mark a follow-up done, saying who and when. Done already: nothing changes."""
    case_policy.require(actor, Permission.KEEP_NOTES, follow_up.case)
    follow_up = _locked(follow_up)
    if follow_up.is_done:
        return follow_up
    follow_up.done_at = timezone.now()
    follow_up.done_by = actor
    follow_up.save(update_fields=DONE_FIELDS)
    _line(
        actor=actor,
        follow_up=follow_up,
        kind=TimelineEntry.Kind.FOLLOW_UP_DONE,
        action=AuditEntry.Action.CHANGE,
        fields=DONE_FIELDS,
    )
    return follow_up


@transaction.atomic
def follow_up_reopen(*, actor: Any, follow_up: FollowUp) -> FollowUp:
    """Undo "done": the follow-up is open again. Open already: nothing changes."""
    case_policy.require(actor, Permission.KEEP_NOTES, follow_up.case)
    follow_up = _locked(follow_up)
    if not follow_up.is_done:
        return follow_up
    follow_up.done_at = None
    follow_up.done_by = None
    follow_up.save(update_fields=DONE_FIELDS)
    _line(
        actor=actor,
        follow_up=follow_up,
        kind=TimelineEntry.Kind.FOLLOW_UP_REOPENED,
        action=AuditEntry.Action.CHANGE,
        fields=DONE_FIELDS,
    )
    return follow_up


def reflection_follow_up_add(*, actor: Any, case: Case) -> FollowUp | None:
    """The reminder of the end of `case`'s reflection period; called by case_move_stage inside
    its transaction, after its checks, when the case enters initial assistance.

    Due REFLECTION_REMINDER_DAYS_BEFORE days before the last day (never before the first day),
    assigned to the case's assigned worker when they may work on it, else to nobody (the case's
    agency sees it on the case page). A case that has one already keeps it.
    """
    if case.reflection_ends_on is None or case.reflection_starts_on is None:
        return None
    if case.follow_ups.filter(kind=FollowUp.Kind.REFLECTION_END).exists():
        return None
    due_on = max(
        case.reflection_starts_on,
        case.reflection_ends_on - datetime.timedelta(days=REFLECTION_REMINDER_DAYS_BEFORE),
    )
    worker = case.assigned_worker
    assignee = worker if worker is not None and not _assignee_problem(case, worker) else None
    follow_up = FollowUp(
        case=case,
        recorded_by=actor if getattr(actor, "pk", None) else None,
        kind=FollowUp.Kind.REFLECTION_END,
        due_on=due_on,
        assignee=assignee,
    )
    follow_up.full_clean()
    follow_up.save()
    # Part of the stage move, whose timeline line already names the period's end: an audit
    # entry of its own, no second line.
    created(actor, follow_up, FIELDS)
    return follow_up
