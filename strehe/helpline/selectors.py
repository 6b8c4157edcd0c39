"""Reads of the helpline app. Every one goes through the need-to-know policy."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.http import Http404

from strehe.directory.hours import service_state
from strehe.directory.models import Service
from strehe.directory.selectors import helpline_list, public_holiday_dates
from strehe.screening.models import Screening

from .models import Contact, ContactFollowUp
from .policies import contact_policy


def contact_list(*, user: Any) -> QuerySet[Contact]:
    """The contacts `user` may see, newest first."""
    return (
        contact_policy.visible_to(user)
        .select_related("recorded_by", "case", "municipality")
        .order_by("-contacted_at", "-pk")
    )


def _earlier_from_the_same_number(user: Any) -> QuerySet[Contact]:
    """For a subquery on OuterRef contact: the visible contacts before it from its number."""
    return contact_policy.visible_to(user).filter(
        Q(contacted_at__lt=OuterRef("contacted_at"))
        | Q(contacted_at=OuterRef("contacted_at"), pk__lt=OuterRef("pk")),
        lookup_hash=OuterRef("lookup_hash"),
    )


def contact_overview(*, user: Any) -> QuerySet[Contact]:
    """The contact list with `repeat_caller`: whether the user may see an earlier contact
    from the same number (matched by its keyed hash; nothing is decrypted)."""
    # Most contacts carry no number (hash ""): CASE answers those without running the subquery,
    # which would otherwise walk every other contact without a number.
    # The list shows coded fields only: the encrypted columns are not even read (or decrypted).
    overview = contact_list(user=user).defer("summary", "advice_and_referrals", "caller_phone")
    return overview.annotate(
        repeat_caller=Case(
            When(lookup_hash="", then=Value(False)),
            default=Exists(_earlier_from_the_same_number(user)),
            output_field=BooleanField(),
        )
    )


def contacts_from_the_same_number(*, user: Any, contact: Contact) -> QuerySet[Contact]:
    """The contacts `user` may see from the number of `contact` made before it, newest first."""
    if not contact.lookup_hash:
        return Contact.objects.none()
    return (
        contact_policy.visible_to(user)
        .filter(lookup_hash=contact.lookup_hash)
        .filter(
            Q(contacted_at__lt=contact.contacted_at)
            | Q(contacted_at=contact.contacted_at, pk__lt=contact.pk)
        )
        .order_by("-contacted_at", "-pk")
    )


def contact_open_follow_ups(contact: Contact) -> QuerySet[ContactFollowUp]:
    """The call-backs of `contact` not done yet, earliest due first."""
    return (
        contact.follow_ups.filter(done_at=None)
        .select_related("assignee")
        .order_by("due_on", "due_time", "pk")
    )


def contact_done_follow_ups(contact: Contact) -> QuerySet[ContactFollowUp]:
    """The call-backs of `contact` done, most recently done first."""
    return (
        contact.follow_ups.exclude(done_at=None)
        .select_related("assignee", "done_by")
        .order_by("-done_at", "-pk")
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
