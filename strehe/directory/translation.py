from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactChannel,
    District,
    EmergencyNumber,
    Municipality,
    Organisation,
    PublicHoliday,
    Service,
    ServiceException,
    Shelter,
)


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description", "source")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description", "source")


@register(ContactChannel)
class ContactChannelTranslation(TranslationOptions):
    fields = ("note",)


@register(ServiceException)
class ServiceExceptionTranslation(TranslationOptions):
    fields = ("reason",)


@register(Shelter)
class ShelterTranslation(TranslationOptions):
    fields = ("name", "source")


@register(PublicHoliday)
class PublicHolidayTranslation(TranslationOptions):
    fields = ("name", "source")


@register(EmergencyNumber)
class EmergencyNumberTranslation(TranslationOptions):
    fields = ("name", "source")
