from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .admin_access import ReferenceDataPermissions, RolePermissionMixin
from .models import Agency, User
from .roles import Permission
from .services import user_changes_audit, user_logout_everywhere


class StreheAdminSite(OTPAdminSite):
    """The admin site: a verified second factor, and a role that manages users or reference data.

    Case contents are not registered here at all: administrators never see them.
    """

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        manages = user.is_authenticated and (
            user.is_superuser
            or user.has_role_permission(Permission.MANAGE_USERS)
            or user.has_role_permission(Permission.MANAGE_REFERENCE_DATA)
        )
        return bool(manages) and super().has_permission(request)


admin.site.__class__ = StreheAdminSite


@admin.register(User)
class UserAdmin(RolePermissionMixin, DjangoUserAdmin):
    role_permission = Permission.MANAGE_USERS
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

    actions = ["end_all_sessions"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Accounts are deactivated, never deleted: the audit trail keeps naming them.
        return False

    @admin.action(description=_("End all sessions of the selected users"))
    def end_all_sessions(self, request: HttpRequest, queryset: Any) -> None:
        """For a lost phone or a shared password: the users must log in again everywhere."""
        for user in queryset:
            user_logout_everywhere(user=user, actor=request.user)  # type: ignore[arg-type]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The admin's change view runs in one transaction, so the entry commits with the change.
        user_changes_audit(
            actor=request.user,  # type: ignore[arg-type]
            user=obj,
            changed=list(form.changed_data),
            created=not change,
        )


@admin.register(Agency)
class AgencyAdmin(ReferenceDataPermissions, admin.ModelAdmin):
    list_display = ("organisation", "is_active")
    list_select_related = ("organisation",)
