"""The order of case stages and the recovery and reflection period: rules without side effects."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .codes import TraffickingStatus
from .models import Case, ReflectionPeriodRule, Stage

# The Kosovo procedures move a case forward one stage at a time; any open case may be closed.
NEXT_STAGE: dict[str, str] = {
    Stage.IDENTIFICATION: Stage.RISK_AND_REFERRAL,
    Stage.RISK_AND_REFERRAL: Stage.INITIAL_ASSISTANCE,
    Stage.INITIAL_ASSISTANCE: Stage.LONG_TERM_ASSISTANCE,
    Stage.LONG_TERM_ASSISTANCE: Stage.REINTEGRATION,
}

# Staff are warned this many days before the reflection period ends.
REFLECTION_WARNING_DAYS = 7


def stages_reachable_from(stage: str) -> list[str]:
    """The stages a case in `stage` may move to next, in the order to offer them."""
    if stage == Stage.CLOSED:
        return []
    return [*([NEXT_STAGE[stage]] if stage in NEXT_STAGE else []), Stage.CLOSED]


def _stage_label(code: str) -> str:
    return str(Stage(code).label) if code in Stage.values else code


def stage_move_problem(case: Case, to_stage: str) -> str | None:
    """What keeps `case` from moving to `to_stage`, said as what to do; None if nothing does.

    Consent is not checked here: it may be overridden with a reason, which is the service's to
    record (services.stages.case_move_stage). Closing needs a reason, which the form asks for.
    """
    if case.stage == Stage.CLOSED:
        return _("The case is already closed.")
    if to_stage == Stage.CLOSED:
        return None
    if NEXT_STAGE.get(case.stage) != to_stage:
        return _(
            "A case in “%(from)s” cannot move to “%(to)s”: stages are taken one at a time."
        ) % {
            "from": _stage_label(case.stage),
            "to": _stage_label(to_stage),
        }
    if to_stage == Stage.RISK_AND_REFERRAL:
        latest = case.identification_decisions.order_by(
            "-decided_on", "-recorded_at", "-pk"
        ).first()
        if latest is None or latest.status == TraffickingStatus.NOT_A_VICTIM:
            return _(
                "Record an identification decision (presumed or identified victim) first, on "
                "the Identification page of the case."
            )
    if to_stage == Stage.INITIAL_ASSISTANCE and not case.risk_assessments.exists():
        return _("Record a risk assessment first, on the Risk assessment page of the case.")
    return None


def reflection_rule_on(day: datetime.date) -> ReflectionPeriodRule:
    """The rule in force on `day`: the newest one that took effect on or before it."""
    rule = ReflectionPeriodRule.objects.filter(effective_from__lte=day).last()
    if rule is None:
        raise ValidationError(
            {
                "on": _(
                    "No reflection-period rule is in force on %(day)s. An administrator loads "
                    "them with the reference data."
                )
                % {"day": day.isoformat()}
            }
        )
    return rule


def reflection_end(start: datetime.date) -> datetime.date:
    """The last day of a period that starts on `start`, under the rule in force on `start`.

    The first day counts: a 30-day period starting on 1 March ends on 30 March. A start so late
    that the end falls beyond the calendar (9999-12-31) is refused like any other bad date; the
    form and the model bound the start long before that (strehe.core.validation).
    """
    days = reflection_rule_on(start).days
    try:
        return start + datetime.timedelta(days=days - 1)
    except OverflowError:
        raise ValidationError(
            {
                "on": _(
                    "This start is too late: the reflection period would end after the year 9999."
                )
            }
        ) from None


def reflection_days_left(end: datetime.date | None, today: datetime.date) -> int | None:
    """Days from `today` to the last day of the period (0 on the last day); None without one."""
    return None if end is None else (end - today).days


def reflection_warning(end: datetime.date | None, today: datetime.date) -> bool:
    """Whether the case should warn that its reflection period is about to end."""
    left = reflection_days_left(end, today)
    return left is not None and 0 <= left <= REFLECTION_WARNING_DAYS
