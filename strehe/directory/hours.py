"""Whether a service is open at a given instant, and until when or from when.

`service_state(service, at)` is a pure function of the service's hours (read from the service,
prefetch them for lists) and an aware instant, so tests can pin any instant; views pass
timezone.now(). Opening hours are wall-clock times in the service's zone (Europe/Belgrade), so
each interval is turned into aware instants on its own date and all comparisons are made in UTC:
that keeps the answer right across daylight-saving changes.
"""

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .models import Service

# Far enough to cross a long holiday run; a service with no hours in this window is "closed".
LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class ServiceState:
    is_open: bool
    # When open: the instant it closes (None when always open). When closed: the next opening
    # (None when no opening is known within the look-ahead window).
    until: dt.datetime | None
    next_opening: dt.datetime | None
    has_hours: bool


def _intervals_on(
    service: Service, day: dt.date, zone: ZoneInfo, holidays: Collection[dt.date]
) -> list[tuple]:
    exception = next((e for e in service.exceptions.all() if e.date == day), None)
    pairs: list[tuple[dt.time, dt.time]]
    if exception is not None:
        if exception.opens is None or exception.closes is None:
            pairs = []  # closed all day
        else:
            pairs = [(exception.opens, exception.closes)]
    elif day in holidays:
        # A public holiday closes office hours; a service open that day says so by an exception.
        pairs = []
    else:
        pairs = [
            (h.opens, h.closes) for h in service.opening_hours.all() if h.weekday == day.weekday()
        ]
    return sorted(
        (
            dt.datetime.combine(day, opens, tzinfo=zone).astimezone(dt.UTC),
            dt.datetime.combine(day, closes, tzinfo=zone).astimezone(dt.UTC),
        )
        for opens, closes in pairs
    )


def service_state(
    service: Service, at: dt.datetime, holidays: Collection[dt.date] = ()
) -> ServiceState:
    """The state of `service` at the aware instant `at`; `holidays` are the public holidays
    (directory.selectors.public_holiday_dates), on which weekly hours do not apply."""
    if at.tzinfo is None:
        raise ValueError("service_state needs an aware datetime")
    if service.always_open:
        return ServiceState(is_open=True, until=None, next_opening=None, has_hours=True)
    zone = ZoneInfo(service.time_zone)
    now = at.astimezone(dt.UTC)
    today = at.astimezone(zone).date()
    # Start a day early: an interval of yesterday could in principle still be running.
    intervals = []
    for offset in range(-1, LOOKAHEAD_DAYS):
        intervals += _intervals_on(service, today + dt.timedelta(days=offset), zone, holidays)
    has_hours = bool(service.opening_hours.all())
    for start, end in intervals:
        if start <= now < end:
            # Join intervals that follow on without a gap, so "until" is the real closing time.
            for next_start, next_end in intervals:
                if next_start <= end < next_end:
                    end = next_end
            return ServiceState(is_open=True, until=end, next_opening=None, has_hours=True)
    upcoming = [start for start, _ in intervals if start > now]
    return ServiceState(
        is_open=False,
        until=None,
        next_opening=min(upcoming) if upcoming else None,
        has_hours=has_hours,
    )
