"""Turning directory facts into the words a reader sees, in the active language."""

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from strehe.directory import selectors as directory
from strehe.directory.hours import ServiceState, service_state
from strehe.directory.models import EmergencyNumber, Service, Weekday


def local_time(instant: dt.datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def describe_state(state: ServiceState, *, at: dt.datetime, time_zone: str) -> str:
    """E.g. "Open now, until 22:00" or "Closed, opens Monday 08:00"."""
    zone = ZoneInfo(time_zone)
    if state.is_open and state.until is None:
        return _("Open now, day and night")
    if state.is_open and state.until is not None:
        return _("Open now, until %(time)s") % {"time": local_time(state.until, zone)}
    if not state.has_hours:
        return _("Opening hours are not listed")
    if state.next_opening is None:
        return _("Closed")
    opening = state.next_opening.astimezone(zone)
    if opening.date() - at.astimezone(zone).date() >= dt.timedelta(days=7):
        day = opening.strftime("%d.%m.%Y")
    else:
        day = str(Weekday(opening.weekday()).label)
    return _("Closed, opens %(day)s %(time)s") % {"day": day, "time": local_time(opening, zone)}


def weekly_hours(service: Service) -> list[str]:
    """The weekly table, joining runs of days with the same hours ("Monday-Friday 08:00-22:00")."""
    per_day: dict[int, str] = {}
    for h in service.opening_hours.all():
        interval = f"{h.opens:%H:%M}\N{EN DASH}{h.closes:%H:%M}"
        per_day[h.weekday] = (
            f"{per_day[h.weekday]}, {interval}" if h.weekday in per_day else interval
        )
    runs: list[tuple[int, int, str]] = []
    for day in sorted(per_day):
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == per_day[day]:
            runs[-1] = (runs[-1][0], day, per_day[day])
        else:
            runs.append((day, day, per_day[day]))
    labels = []
    for first, last, intervals in runs:
        days = str(Weekday(first).label)
        if last != first:
            days += "\N{EN DASH}" + str(Weekday(last).label)
        labels.append(f"{days} {intervals}")
    return labels


@dataclass
class ServiceView:
    service: Service
    is_open: bool
    state_text: str
    weekly_hours: list[str]
    # A day-and-night service must say how to reach it: by its number, or through others.
    has_phone: bool = False


def service_view(
    service: Service, *, at: dt.datetime, holidays: Collection[dt.date] = ()
) -> ServiceView:
    state = service_state(service, at, holidays)
    hours = weekly_hours(service)
    return ServiceView(
        service=service,
        is_open=state.is_open,
        state_text=describe_state(state, at=at, time_zone=service.time_zone),
        weekly_hours=hours,
        has_phone=any(c.kind == c.Kind.PHONE for c in service.channels.all()),
    )


@dataclass
class HelpNow:
    """Everything the public pages say about calling for help at this moment.

    `helplines` with their state; `closed` when no helpline is open, and then whom to call
    instead: the emergency numbers and the services open now (a day-and-night service without a
    phone number of its own says how to reach it, in the template).
    """

    helplines: list[ServiceView]
    closed: bool
    emergency_numbers: list[EmergencyNumber] = field(default_factory=list)
    open_services: list[ServiceView] = field(default_factory=list)
    # The helplines' phone numbers, as (number to dial, number as written).
    phone_numbers: list[tuple[str, str]] = field(default_factory=list)


def help_now(*, at: dt.datetime) -> HelpNow:
    holidays = directory.public_holiday_dates()
    helplines = [service_view(s, at=at, holidays=holidays) for s in directory.helpline_list()]
    phones = [
        (channel.value.replace(" ", ""), channel.value)
        for item in helplines
        for channel in item.service.channels.all()
        if channel.kind == channel.Kind.PHONE
    ]
    closed = not any(item.is_open for item in helplines)
    result = HelpNow(helplines=helplines, closed=closed, phone_numbers=phones)
    if closed:
        result.emergency_numbers = list(directory.emergency_number_list())
        result.open_services = [
            view
            for view in (
                service_view(s, at=at, holidays=holidays) for s in directory.open_service_list()
            )
            if view.is_open
        ]
    return result
