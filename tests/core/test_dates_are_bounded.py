"""Dates are plausible whichever way they arrive: birth dates from 1900, what happened from 1990
and not in the future, a planned reflection start at most two years ahead. Never a 500."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from strehe.cases.codes import EventKind, TraffickingStatus
from strehe.cases.models import Case, Stage, TraffickingEvent
from strehe.cases.services import (
    case_move_stage,
    case_open,
    identification_record,
    trafficking_event_add,
)
from strehe.cases.stages import reflection_end
from strehe.core.validation import validate_birth_date, validate_past_date, validate_plan_date
from tests.cases.workflow import (
    assess_risk,
    consent_to,
    make_adult,
    reflection_rules,
    to_risk_and_referral,
    url,
)

D = datetime.date


def days_from_today(days: int) -> D:
    # Computed when the test runs, not when it is collected: a run may cross local midnight.
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("validator", "good", "bad"),
    [
        (validate_birth_date, [D(1900, 1, 1), 0], [D(1, 1, 1), D(1899, 12, 31), D(3000, 1, 1)]),
        (validate_past_date, [D(1990, 1, 1), 0], [D(1989, 12, 31), 1]),
        (validate_plan_date, [D(1990, 1, 1), 365], [D(1, 1, 1), 3 * 365, D(9999, 12, 31)]),
    ],
)
def test_each_bound_accepts_its_range_and_refuses_the_rest(validator, good, bad):
    """Whole numbers in the lists are days from today."""

    def day_of(value: D | int) -> D:
        return days_from_today(value) if isinstance(value, int) else value

    for day in good:
        validator(day_of(day))
    for day in bad:
        with pytest.raises(ValidationError):
            validator(day_of(day))


@pytest.mark.django_db
@pytest.mark.parametrize("birth_date", [D(1, 1, 1), D(1899, 12, 31), D(3000, 1, 1)])
def test_opening_a_case_refuses_an_implausible_birth_date(staff, agencies, birth_date):
    with pytest.raises(ValidationError) as refused:
        case_open(
            actor=staff["investigator_ilir"],
            owner_agency=agencies["police"],
            given_name="Teuta",
            family_name="Rota",
            birth_date=birth_date,
        )

    assert "birth_date" in refused.value.message_dict
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_events_and_decisions_before_1990_are_refused(records_of, staff):
    case = records_of("investigator_ilir").own
    police = staff["investigator_ilir"]

    with pytest.raises(ValidationError) as event:
        trafficking_event_add(
            actor=police, case=case, kind=EventKind.TRANSIT, country="RS", ended_on=D(1, 1, 1)
        )
    with pytest.raises(ValidationError) as decision:
        identification_record(
            actor=police, case=case, status=TraffickingStatus.PRESUMED, decided_on=D(1989, 12, 31)
        )

    assert "ended_on" in event.value.message_dict
    assert "decided_on" in decision.value.message_dict
    assert not TraffickingEvent.objects.exists()


@pytest.mark.django_db
def test_reflection_end_refuses_a_start_at_the_end_of_the_calendar():
    reflection_rules()

    with pytest.raises(ValidationError) as refused:
        reflection_end(D(9999, 12, 31))

    assert "on" in refused.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("start", ["9999-12-31", "3000-01-01", "0001-01-01"])
def test_the_stage_page_answers_a_far_reflection_start_with_a_field_error(
    records_of, staff, login_as, start
):
    reflection_rules()
    police = staff["investigator_ilir"]
    case = records_of("investigator_ilir").own
    make_adult(case, police)
    to_risk_and_referral(case, police)
    assess_risk(case, police, staff)
    consent_to(case, police)

    response = login_as("investigator_ilir").post(
        url("cases:stage", case), {"to_stage": Stage.INITIAL_ASSISTANCE, "on": start}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["on"]
    assert Case.objects.get(pk=case.pk).stage == Stage.RISK_AND_REFERRAL


@pytest.mark.django_db
def test_the_stage_service_refuses_a_reflection_start_beyond_two_years(records_of, staff):
    reflection_rules()
    police = staff["investigator_ilir"]
    case = records_of("investigator_ilir").own
    make_adult(case, police)
    to_risk_and_referral(case, police)
    assess_risk(case, police, staff)
    consent_to(case, police)

    for start in (D(9999, 12, 31), D(3000, 1, 1)):
        with pytest.raises(ValidationError):
            case_move_stage(actor=police, case=case, to_stage=Stage.INITIAL_ASSISTANCE, on=start)

    assert Case.objects.get(pk=case.pk).stage == Stage.RISK_AND_REFERRAL
