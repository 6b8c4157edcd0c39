from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .models import Agency, User
from .services import user_changes_audit

# The admin manages users and reference data; it too requires a verified second factor.
admin.site.__class__ = OTPAdminSite


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "agency", "is_active")
    list_filter = ("role", "agency", "is_active")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Role and agency"), {"fields": ("role", "agency")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Role and agency"), {"fields": ("role", "agency")}),
    )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The admin's change view runs in one transaction, so the entry commits with the change.
        user_changes_audit(
            actor=request.user,  # type: ignore[arg-type]
            user=obj,
            changed=list(form.changed_data),
            created=not change,
            request=request,
        )


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("organisation", "is_active")
    list_select_related = ("organisation",)
