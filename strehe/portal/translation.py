from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage, ContentSection


@register(ContentPage)
class ContentPageTranslation(TranslationOptions):
    fields = ("title", "summary", "sources")


@register(ContentSection)
class ContentSectionTranslation(TranslationOptions):
    fields = ("heading", "body")
