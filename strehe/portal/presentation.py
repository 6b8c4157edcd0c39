"""Turning directory facts into the words a reader sees, in the active language."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from strehe.directory.hours import ServiceState, service_state
from strehe.directory.models import Service, Weekday


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


def service_view(service: Service, *, at: dt.datetime) -> ServiceView:
    state = service_state(service, at)
    hours = weekly_hours(service)
    return ServiceView(
        service=service,
        is_open=state.is_open,
        state_text=describe_state(state, at=at, time_zone=service.time_zone),
        weekly_hours=hours,
    )
