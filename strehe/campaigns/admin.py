from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from strehe.accounts.admin_access import ReferenceDataPermissions

from .models import Campaign, CampaignDay


class CampaignDayInline(ReferenceDataPermissions, TranslationStackedInline):
    model = CampaignDay
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["year", "title", "starts_on", "ends_on"]
    inlines = [CampaignDayInline]
