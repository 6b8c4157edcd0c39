"""Making and revoking API tokens; each is audited."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.audit.services import audit_record

from .models import ApiToken

TOKEN_PREFIX = "strehe_"  # noqa: S105 - the marker every token starts with, not a secret
MAX_LIFETIME_DAYS = 365


@dataclass(frozen=True)
class MadeToken:
    token: ApiToken
    # Shown to the user once; never stored.
    secret: str


def secret_hash(secret: str) -> str:
    # The secret is 32 random bytes: a plain SHA-256 cannot be brute-forced, and lookups stay one
    # indexed equality.
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(*, actor: Any, name: str, lifetime_days: int) -> MadeToken:
    if actor is None or not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    # A token stands for the second factor, so only a session that passed it may make one.
    if actor.requires_two_factor and not getattr(actor, "is_verified", lambda: False)():
        raise PermissionDenied
    if not 1 <= lifetime_days <= MAX_LIFETIME_DAYS:
        raise ValidationError(
            {
                "lifetime_days": _("Choose between 1 and %(days)s days.")
                % {"days": MAX_LIFETIME_DAYS}
            }
        )
    body = secrets.token_urlsafe(32)
    secret = f"{TOKEN_PREFIX}{body}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            prefix=body[:10],
            secret_hash=secret_hash(secret),
            expires_at=timezone.now() + datetime.timedelta(days=lifetime_days),
        )
        audit_record(actor=actor, action="create", target=token, fields=["name", "expires_at"])
    return MadeToken(token=token, secret=secret)


def api_token_revoke(*, actor: Any, token: ApiToken) -> None:
    """A user revokes their own tokens; nobody else's."""
    if actor is None or token.user_id != actor.pk:
        raise PermissionDenied
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is not None:
            return
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="change", target=locked, fields=["revoked_at"])
