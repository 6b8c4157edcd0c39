"""`Authorization: Bearer strehe_...`: a personal API token (models.ApiToken)."""

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from .models import ApiToken
from .services import TOKEN_PREFIX, secret_hash

# last_used_at is written at most this often per token, not on every request.
LAST_USED_PRECISION = datetime.timedelta(minutes=5)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        parts = header.split()
        if not parts or parts[0] != self.keyword:
            return None
        if len(parts) != 2 or not parts[1].startswith(TOKEN_PREFIX) or len(parts[1]) > 200:
            raise exceptions.AuthenticationFailed(_("Malformed API token."))
        token = (
            ApiToken.objects.select_related("user")
            .filter(secret_hash=secret_hash(parts[1]))
            .first()
        )
        now = timezone.now()
        if token is None or not token.is_usable_at(now) or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("This API token is unknown, expired or revoked.")
            )
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        user = token.user
        # The token was made in a session verified with the second factor; it stands for it.
        user.is_verified = lambda: True  # type: ignore[attr-defined]
        return user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (not 403) to a request without valid credentials.
        return self.keyword
