"""Access rules of the REST API, the same as those of the staff pages."""

from typing import Any

from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from .roles import Permission


class NoStoreMixin:
    """Personal data never stays in a browser's or a proxy's cache."""

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        add_never_cache_headers(response)
        return response


class StaffVerified(BasePermission):
    """Logged in, and verified by TOTP where the role needs it (see staff_required)."""

    message = _("Log in, with your second factor, to use the staff API.")

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        return not user.requires_two_factor or user.is_verified()  # type: ignore[attr-defined]


def role_permission(permission: Permission) -> type[BasePermission]:
    """A DRF permission class that requires one of the permissions of strehe.accounts.roles."""

    class HasRolePermission(BasePermission):
        message = _("Your role does not allow this.")

        def has_permission(self, request: Request, view: Any) -> bool:
            return request.user.has_role_permission(permission)  # type: ignore[union-attr]

    HasRolePermission.__name__ = f"Has_{permission.value}"
    return HasRolePermission
