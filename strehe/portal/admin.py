from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from strehe.accounts.admin_access import ReferenceDataPermissions

from .models import ContentPage, ContentSection


class ContentSectionInline(ReferenceDataPermissions, TranslationStackedInline):
    model = ContentSection
    extra = 0


@admin.register(ContentPage)
class ContentPageAdmin(ReferenceDataPermissions, TranslationAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title_sq", "title_sr", "title_en", "slug"]
    inlines = [ContentSectionInline]
