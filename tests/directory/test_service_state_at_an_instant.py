"""The helpline's state is a pure function of (service, instant), right across DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from strehe.directory.hours import service_state
from strehe.directory.models import ServiceException

BELGRADE = ZoneInfo("Europe/Belgrade")
UTC = dt.UTC


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BELGRADE)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.django_db
def test_friday_at_21_59_the_helpline_is_open_until_22_00(weekday_helpline):
    state = service_state(weekday_helpline, local(2026, 11, 27, 21, 59))

    assert state.is_open
    assert state.until == local(2026, 11, 27, 22, 0)


@pytest.mark.django_db
def test_friday_at_22_00_the_helpline_is_closed_until_monday_08_00(weekday_helpline):
    state = service_state(weekday_helpline, local(2026, 11, 27, 22, 0))

    assert not state.is_open
    assert state.next_opening == local(2026, 11, 30, 8, 0)


@pytest.mark.django_db
def test_a_monday_that_is_a_dated_exception_is_closed_and_tuesday_opens(weekday_helpline):
    ServiceException.objects.create(service=weekday_helpline, date=dt.date(2026, 11, 30))

    state = service_state(weekday_helpline, local(2026, 11, 30, 10, 0))
    state_on_friday_night = service_state(weekday_helpline, local(2026, 11, 27, 23, 0))

    assert not state.is_open
    assert state.next_opening == local(2026, 12, 1, 8, 0)
    assert state_on_friday_night.next_opening == local(2026, 12, 1, 8, 0)


@pytest.mark.django_db
def test_a_dated_exception_with_short_hours_replaces_the_weekly_hours(weekday_helpline):
    ServiceException.objects.create(
        service=weekday_helpline, date=dt.date(2026, 12, 24), opens=dt.time(8), closes=dt.time(12)
    )

    assert service_state(weekday_helpline, local(2026, 12, 24, 11, 59)).until == local(
        2026, 12, 24, 12, 0
    )
    assert not service_state(weekday_helpline, local(2026, 12, 24, 12, 0)).is_open


# 29 March 2026: clocks go from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2).


@pytest.mark.django_db
def test_before_the_spring_change_friday_closes_at_22_00_winter_time(weekday_helpline):
    state = service_state(weekday_helpline, utc(2026, 3, 27, 20, 59))

    assert state.is_open
    assert state.until == utc(2026, 3, 27, 21, 0)


@pytest.mark.django_db
def test_across_the_spring_change_the_weekend_ends_at_08_00_summer_time(weekday_helpline):
    state = service_state(weekday_helpline, utc(2026, 3, 29, 1, 30))  # 03:30 CEST, Sunday

    assert not state.is_open
    assert state.next_opening == utc(2026, 3, 30, 6, 0)
    assert state.next_opening == local(2026, 3, 30, 8, 0)


@pytest.mark.django_db
def test_on_the_monday_after_the_spring_change_it_opens_at_06_00_utc(weekday_helpline):
    assert not service_state(weekday_helpline, utc(2026, 3, 30, 5, 59)).is_open
    opened = service_state(weekday_helpline, utc(2026, 3, 30, 6, 0))
    assert opened.is_open
    assert opened.until == utc(2026, 3, 30, 20, 0)


# 25 October 2026: clocks go from 03:00 CEST (UTC+2) back to 02:00 CET (UTC+1).


@pytest.mark.django_db
def test_before_the_autumn_change_friday_closes_at_22_00_summer_time(weekday_helpline):
    assert service_state(weekday_helpline, utc(2026, 10, 23, 19, 59)).is_open
    closed = service_state(weekday_helpline, utc(2026, 10, 23, 20, 0))
    assert not closed.is_open
    assert closed.next_opening == utc(2026, 10, 26, 7, 0)


@pytest.mark.django_db
def test_during_the_repeated_hour_of_the_autumn_change_it_is_closed(weekday_helpline):
    first_pass = service_state(weekday_helpline, utc(2026, 10, 25, 0, 30))  # 02:30 CEST
    second_pass = service_state(weekday_helpline, utc(2026, 10, 25, 1, 30))  # 02:30 CET

    assert not first_pass.is_open and not second_pass.is_open
    assert first_pass.next_opening == second_pass.next_opening == local(2026, 10, 26, 8, 0)


@pytest.mark.django_db
def test_on_the_monday_after_the_autumn_change_it_opens_at_07_00_utc(weekday_helpline):
    assert not service_state(weekday_helpline, utc(2026, 10, 26, 6, 59)).is_open
    opened = service_state(weekday_helpline, utc(2026, 10, 26, 7, 0))
    assert opened.is_open
    assert opened.until == utc(2026, 10, 26, 21, 0)


@pytest.mark.django_db
def test_a_round_the_clock_service_is_always_open(weekday_helpline):
    weekday_helpline.always_open = True

    state = service_state(weekday_helpline, local(2026, 11, 29, 3, 0))

    assert state.is_open and state.until is None


@pytest.mark.django_db
def test_a_naive_datetime_is_refused(weekday_helpline):
    with pytest.raises(ValueError, match="aware"):
        service_state(weekday_helpline, dt.datetime(2026, 11, 27, 12, 0))
