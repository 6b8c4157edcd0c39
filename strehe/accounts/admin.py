from typing import Any

from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .admin_access import ReferenceDataPermissions, RolePermissionMixin
from .models import Agency, User
from .roles import Permission
from .services import (
    login_unlock_attempts,
    login_unlock_users,
    user_changes_audit,
    user_logout_everywhere,
)


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

    actions = ["end_all_sessions", "unlock_login"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Accounts are deactivated, never deleted: the audit trail keeps naming them.
        return False

    @admin.action(description=_("End all sessions of the selected users"))
    def end_all_sessions(self, request: HttpRequest, queryset: Any) -> None:
        """For a lost phone or a shared password: the users must log in again everywhere."""
        for user in queryset:
            user_logout_everywhere(user=user, actor=request.user, request=request)  # type: ignore[arg-type]

    @admin.action(description=_("Unlock login of the selected users (from every address)"))
    def unlock_login(self, request: HttpRequest, queryset: Any) -> None:
        """After a lock by too many failed logins: the users may try again at once."""
        removed = login_unlock_users(actor=request.user, users=queryset, request=request)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Login unlocked; %(count)d failed attempts cleared.") % {"count": removed},
            messages.SUCCESS,
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
class AgencyAdmin(ReferenceDataPermissions, admin.ModelAdmin):
    list_display = ("organisation", "is_active")
    list_select_related = ("organisation",)


@admin.register(AccessAttempt)
class LoginAttemptAdmin(RolePermissionMixin, admin.ModelAdmin):
    """Failed logins that count towards a lock (django-axes), for whoever manages users.

    Read-only: the one thing to do here is unlock, which removes the attempts and is audited.
    """

    role_permission = Permission.MANAGE_USERS
    list_display = ("username", "ip_address", "failures_since_start", "attempt_time")
    list_filter = ("attempt_time",)
    search_fields = ("username", "ip_address")
    ordering = ("-attempt_time",)
    fields = ("username", "ip_address", "user_agent", "failures_since_start", "attempt_time")
    readonly_fields = fields
    actions = ["unlock"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Not Django's unaudited "delete selected": the unlock action below removes and audits.
        return False

    @admin.action(description=_("Unlock: clear the selected failed attempts"))
    def unlock(self, request: HttpRequest, queryset: Any) -> None:
        removed = login_unlock_attempts(actor=request.user, attempts=queryset, request=request)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Login unlocked; %(count)d failed attempts cleared.") % {"count": removed},
            messages.SUCCESS,
        )
