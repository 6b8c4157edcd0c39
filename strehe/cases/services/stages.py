"""Moving a case through the stages of the procedures, or closing it."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.core.validation import validate_plan_date

from ..models import Case, ConsentScope, Stage, TimelineEntry
from ..policies import case_policy
from ..stages import reflection_end, stage_move_problem
from ._acts import act_recorded, locked
from .consent import consent_required
from .followups import reflection_follow_up_add


@transaction.atomic
def case_move_stage(
    *,
    actor: Any,
    case: Case,
    to_stage: str,
    on: datetime.date | None = None,
    closing_reason: str = "",
    note: str = "",
    override_reason: str = "",
) -> Case:
    """Move a case to its next stage, or close it, if the rule of that move holds.

    The order and the records each move needs are stages.stage_move_problem's; consent is
    checked here, because an authorised role may override it with a reason:
    - into initial assistance: the person consents to assistance; the reflection period starts
      on `on` (default today) and its end is fixed by the rule in force that day; a follow-up
      reminds of the end (followups.reflection_follow_up_add);
    - into long-term assistance: consent to assistance still holds;
    - closed: from any open stage, with a reason (and a note when the reason is "other").
    """
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    case = locked(case)
    on = on or timezone.localdate()
    from_stage = case.stage
    problem = stage_move_problem(case, to_stage)
    if problem:
        raise ValidationError({"to_stage": problem})
    if to_stage == Stage.CLOSED:
        if closing_reason not in Case.ClosingReason.values:
            raise ValidationError({"closing_reason": _("Choose why the case is closed.")})
        if closing_reason == Case.ClosingReason.OTHER and not note.strip():
            raise ValidationError({"note": _("Describe the reason for closing.")})
        case.closing_reason = closing_reason
        case.closed_at = timezone.now()
    if to_stage in (Stage.INITIAL_ASSISTANCE, Stage.LONG_TERM_ASSISTANCE):
        consent_required(
            actor=actor,
            case=case,
            scope=ConsentScope.ASSISTANCE,
            action="assistance",
            override_reason=override_reason,
        )
    if to_stage == Stage.INITIAL_ASSISTANCE:
        try:
            validate_plan_date(on)
        except ValidationError as error:
            raise ValidationError({"on": error.messages}) from None
        case.reflection_starts_on = on
        case.reflection_ends_on = reflection_end(on)
    case.stage = to_stage
    case.full_clean(exclude=["code"])
    case.save()
    data: dict[str, Any] = {"from": from_stage, "to": to_stage}
    changed = ["stage"]
    if to_stage == Stage.CLOSED:
        data["reason"] = closing_reason
        changed += ["closing_reason", "closed_at"]
    if to_stage == Stage.INITIAL_ASSISTANCE:
        data["reflection_ends_on"] = case.reflection_ends_on.isoformat()  # type: ignore[union-attr]
        changed += ["reflection_starts_on", "reflection_ends_on"]
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.STAGE,
        fields=changed,
        data=data,
        note=note.strip(),
    )
    if to_stage == Stage.INITIAL_ASSISTANCE:
        # The period's end is a deadline someone must act on, not only a date on the page.
        reflection_follow_up_add(actor=actor, case=case)
    return case
