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


@dataclass
class ServiceView:
    service: Service
    is_open: bool
    state_text: str
    weekly_hours: list[str]


def service_view(service: Service, *, at: dt.datetime) -> ServiceView:
    state = service_state(service, at)
    hours = [
        f"{Weekday(h.weekday).label} {h.opens:%H:%M}\N{EN DASH}{h.closes:%H:%M}"
        for h in service.opening_hours.all()
    ]
    return ServiceView(
        service=service,
        is_open=state.is_open,
        state_text=describe_state(state, at=at, time_zone=service.time_zone),
        weekly_hours=hours,
    )
