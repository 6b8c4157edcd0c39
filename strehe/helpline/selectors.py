"""Reads of the helpline app. Every one goes through the need-to-know policy."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from strehe.directory.hours import service_state
from strehe.directory.models import Service
from strehe.directory.selectors import helpline_list, public_holiday_dates
from strehe.screening.models import Screening

from .models import Contact
from .policies import contact_policy


def contact_list(*, user: Any) -> QuerySet[Contact]:
    """The contacts `user` may see, newest first."""
    return (
        contact_policy.visible_to(user)
        .select_related("recorded_by", "case")
        .order_by("-contacted_at", "-pk")
    )


def contact_get(*, user: Any, contact_id: int) -> Contact:
    """The contact if `user` may see it; otherwise 404, whether or not it exists."""
    try:
        return contact_list(user=user).get(pk=contact_id)
    except Contact.DoesNotExist:
        raise Http404 from None


def contact_screenings(contact: Contact) -> QuerySet[Screening]:
    """The screenings done on `contact`, newest first."""
    return contact.screenings.order_by("-recorded_at", "-pk")


def contact_open_screening(contact: Contact) -> Screening | None:
    """The newest screening of `contact` not yet linked to a case: the one a new case takes."""
    return contact_screenings(contact).filter(case__isnull=True).first()


def helpline_service_for(user: Any) -> Service | None:
    """The directory's helpline whose hours apply to `user`'s calls, if the directory has one.

    The helpline of the user's own organisation when it runs one, else the first in the
    directory (there is one national helpline).
    """
    helplines = list(helpline_list())
    if not helplines:
        return None
    organisation_id = getattr(getattr(user, "agency", None), "organisation_id", None)
    own = [service for service in helplines if service.organisation_id == organisation_id]
    return (own or helplines)[0]


def opening_hours_check_for(user: Any) -> Callable[[datetime], bool] | None:
    """For contact_create: whether a moment was within the helpline's opening hours."""
    service = helpline_service_for(user)
    if service is None:
        return None
    holidays = public_holiday_dates()
    return lambda moment: service_state(service, moment, holidays).is_open
