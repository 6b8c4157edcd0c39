from modeltranslation.translator import TranslationOptions, register

from .models import District, Municipality, Organisation


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name",)
