"""Reads of the directory for the public site. Shelter addresses are never selected here."""

import datetime as dt

from django.db.models import QuerySet

from .models import (
    EmergencyNumber,
    Municipality,
    Organisation,
    PublicHoliday,
    Service,
    Shelter,
)

# The order in which a municipality's services are listed: first the local ones a person can
# walk into, then the police and the advocates who take a case forward.
KIND_ORDER: list[str] = [
    Organisation.Kind.SOCIAL_WORK_CENTRE,
    Organisation.Kind.POLICE_UNIT,
    Organisation.Kind.VICTIM_ADVOCATES,
    Organisation.Kind.NGO,
    Organisation.Kind.HELPLINE,
    Organisation.Kind.PROSECUTION,
    Organisation.Kind.SHELTER,
    Organisation.Kind.OTHER,
]


SERVICE_DETAILS = ["channels", "opening_hours", "exceptions"]


def _services() -> QuerySet[Service]:
    return Service.objects.prefetch_related(*SERVICE_DETAILS)


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("district").order_by("name")


def helpline_list() -> QuerySet[Service]:
    return _services().select_related("organisation").filter(is_helpline=True)


def organisations_serving(*, municipality: Municipality) -> list[Organisation]:
    """Organisations covering `municipality`, in KIND_ORDER, each with its services."""
    organisations = list(
        municipality.organisations.prefetch_related(
            "services", *(f"services__{detail}" for detail in SERVICE_DETAILS)
        )
    )
    return sorted(organisations, key=lambda org: (KIND_ORDER.index(org.kind), org.name))


def organisation_get(*, slug: str) -> Organisation | None:
    return (
        Organisation.objects.prefetch_related(
            "services",
            "municipalities",
            *(f"services__{detail}" for detail in SERVICE_DETAILS),
        )
        .filter(slug=slug)
        .first()
    )


def organisation_slugs() -> list[str]:
    return list(Organisation.objects.values_list("slug", flat=True))


def public_shelter_list() -> QuerySet[Shelter]:
    """Shelters for the public page: the address column is not even read from the database."""
    return Shelter.objects.select_related("region").defer("address").order_by("kind", "region")


def public_holiday_dates() -> frozenset[dt.date]:
    """Every public holiday on file: a short list, read once per page."""
    return frozenset(PublicHoliday.objects.values_list("date", flat=True))


def emergency_number_list() -> QuerySet[EmergencyNumber]:
    return EmergencyNumber.objects.all()


def open_service_list() -> QuerySet[Service]:
    """Services other than the helpline, with what decides whether they are open now."""
    return (
        _services()
        .select_related("organisation")
        .filter(is_helpline=False)
        .order_by("organisation__name", "name")
    )
