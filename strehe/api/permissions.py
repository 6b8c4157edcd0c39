"""Deny by default: the API's default permission is a verified staff user (settings
REST_FRAMEWORK), so a view that forgets to say who may use it refuses everyone else; a public
endpoint says so with `Public`."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from strehe.accounts.api import StaffVerified


class VerifiedStaff(StaffVerified):
    """A signed-in user who passed the second factor where the role needs it: by session, or by
    an API token made in such a session. What they may then see is the policies' answer, as on
    the staff pages."""


class Public(BasePermission):
    """Anyone, for reading the public directory."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in ("GET", "HEAD", "OPTIONS")


class TokenRateThrottle(UserRateThrottle):
    """Per token when a token is used, per user for a browser session."""

    scope = "user"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        token = request.auth
        if token is not None and hasattr(token, "pk"):
            return self.cache_format % {"scope": "token", "ident": token.pk}
        return super().get_cache_key(request, view)


class AnonymousRateThrottle(AnonRateThrottle):
    scope = "anon"
