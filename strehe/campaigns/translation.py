from modeltranslation.translator import TranslationOptions, register

from .models import Campaign, CampaignDay


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    fields = ("title", "summary", "sources")


@register(CampaignDay)
class CampaignDayTranslation(TranslationOptions):
    fields = ("theme", "body", "sources")
