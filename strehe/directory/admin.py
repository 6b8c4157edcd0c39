"""Directory data in the admin, one field per language (modeltranslation). Rows loaded from the
reference files are overwritten by the next `strehe loadreference`; the `illustrative` flag shows
which rows carry facts no source confirms."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from strehe.accounts.admin_access import ReferenceDataPermissions

from .models import (
    ContactChannel,
    District,
    EmergencyNumber,
    Municipality,
    OpeningHours,
    Organisation,
    PublicHoliday,
    Service,
    ServiceException,
    Shelter,
)


@admin.register(District)
class DistrictAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["name", "name_sr"]
    search_fields = ["name_sq", "name_sr", "name_en"]


@admin.register(Municipality)
class MunicipalityAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["name", "name_sr", "district", "slug"]
    list_filter = ["district"]
    search_fields = ["name_sq", "name_sr", "name_en", "alt_names"]


@admin.register(Organisation)
class OrganisationAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["name", "kind", "illustrative"]
    list_filter = ["kind", "illustrative"]
    search_fields = ["name_sq", "name_sr", "name_en", "slug"]
    filter_horizontal = ["municipalities"]


class OpeningHoursInline(ReferenceDataPermissions, admin.TabularInline):
    model = OpeningHours
    extra = 0


class ServiceExceptionInline(ReferenceDataPermissions, TranslationTabularInline):
    model = ServiceException
    extra = 0


class ContactChannelInline(ReferenceDataPermissions, TranslationTabularInline):
    model = ContactChannel
    extra = 0


@admin.register(Service)
class ServiceAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["name", "organisation", "is_helpline", "always_open", "illustrative"]
    list_filter = ["is_helpline", "always_open", "illustrative"]
    search_fields = ["name_sq", "name_sr", "name_en", "slug"]
    inlines = [ContactChannelInline, OpeningHoursInline, ServiceExceptionInline]


@admin.register(Shelter)
class ShelterAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = [
        "name",
        "kind",
        "region",
        "capacity",
        "occupied",
        "capacity_illustrative",
        "illustrative",
    ]
    # Occupancy is counted by the placement services, never typed in.
    readonly_fields = ["occupied"]
    list_filter = ["kind", "region", "illustrative"]
    search_fields = ["name_sq", "name_sr", "name_en", "slug"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["date", "name", "illustrative"]
    list_filter = ["illustrative"]


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["number", "name", "position", "illustrative"]
    list_filter = ["illustrative"]
