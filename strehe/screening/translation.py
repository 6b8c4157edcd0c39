from modeltranslation.translator import TranslationOptions, register

from .models import IloIndicator


@register(IloIndicator)
class IloIndicatorTranslation(TranslationOptions):
    fields = ("text",)
