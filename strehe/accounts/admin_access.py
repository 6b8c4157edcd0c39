"""Admin permissions that follow the role table (strehe.accounts.roles), not Django's per-model
permissions, so that the role table stays the one place where permissions are defined."""

from typing import Any

from django.http import HttpRequest

from .roles import Permission


class RolePermissionMixin:
    """For ModelAdmin and inline classes: every action needs `role_permission`."""

    role_permission: Permission

    def _allowed(self, request: HttpRequest) -> bool:
        user: Any = request.user
        # The admin's own login page asks every registered model while nobody is logged in; an
        # anonymous visitor has no role, so the answer is simply no.
        if not user.is_authenticated:
            return False
        return bool(user.is_superuser or user.has_role_permission(self.role_permission))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)


class ReferenceDataPermissions(RolePermissionMixin):
    """Directory and public content: edited by whoever manages reference data."""

    role_permission = Permission.MANAGE_REFERENCE_DATA
