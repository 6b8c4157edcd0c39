"""The filters and the search of the contact list. They narrow selectors.contact_overview,
never widen it.

A contact's summary is encrypted, so the list is searched over what is stored plain (the day,
the channel, who called, what about, how it ended) and by the caller's number, which is compared
by its keyed hash (helpline.phones): the number itself is never searched nor decrypted.
"""

import datetime
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import PlanDateField
from strehe.directory.models import Municipality

from .models import AgeGroup, CallerType, Channel, Contact, Outcome, Sex, Topic
from .phones import PHONE_ERROR, PHONE_MAX_LENGTH, NotAPhoneNumber, normalised_phone


def _municipalities() -> list[tuple[str, str]]:
    # By slug, the municipality's stable public name: nothing to overflow, nothing to guess.
    return list(Municipality.objects.order_by("name").values_list("slug", "name"))


class PhoneSearchField(forms.CharField):
    """A phone number in any usual spelling; cleaned to its international form."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", PHONE_MAX_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        typed = super().clean(value)
        if not typed:
            return ""
        try:
            return normalised_phone(typed)
        except NotAPhoneNumber:
            raise ValidationError(PHONE_ERROR, code="invalid") from None


class PhoneFilter(django_filters.CharFilter):
    field_class = PhoneSearchField

    def filter(self, qs: QuerySet[Contact], value: str) -> QuerySet[Contact]:
        if not value:
            return qs
        return qs.filter(lookup_hash=Contact.lookup_hash_for(value))


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class ContactedFromFilter(django_filters.DateFilter):
    """Contacts on or after a local day. A range of times rather than contacted_at__date, so
    that the index on the time of contact serves it."""

    field_class = PlanDateField

    def filter(self, qs: QuerySet[Contact], value: datetime.date | None) -> QuerySet[Contact]:
        return qs.filter(contacted_at__gte=_start_of(value)) if value else qs


class ContactedUntilFilter(ContactedFromFilter):
    """Contacts on or before a local day."""

    def filter(self, qs: QuerySet[Contact], value: datetime.date | None) -> QuerySet[Contact]:
        if not value:
            return qs
        return qs.filter(contacted_at__lt=_start_of(value + datetime.timedelta(days=1)))


class ContactFilter(django_filters.FilterSet):
    contacted_from = ContactedFromFilter(label=_("From"))
    contacted_until = ContactedUntilFilter(label=_("Until"))
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    caller_type = django_filters.ChoiceFilter(label=_("Caller"), choices=CallerType.choices)
    caller_age_group = django_filters.ChoiceFilter(label=_("Age group"), choices=AgeGroup.choices)
    caller_sex = django_filters.ChoiceFilter(label=_("Sex"), choices=Sex.choices)
    municipality = django_filters.ChoiceFilter(
        label=_("Municipality"), field_name="municipality__slug", choices=_municipalities
    )
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=Topic.choices)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Outcome.choices)
    phone = PhoneFilter(label=_("Caller's phone number"))

    class Meta:
        model = Contact
        fields: list[str] = []
