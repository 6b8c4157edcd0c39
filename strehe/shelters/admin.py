from django.contrib import admin

from strehe.accounts.admin_access import ReferenceDataPermissions

from .models import ShelterKindRule


@admin.register(ShelterKindRule)
class ShelterKindRuleAdmin(ReferenceDataPermissions, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["kind", "takes_low_risk", "takes_medium_risk", "takes_high_risk"]
