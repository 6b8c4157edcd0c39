"""Writes on staff accounts. Each runs in one transaction together with its audit entry."""

from collections.abc import Iterable

from axes.models import AccessAttempt
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .models import User, new_session_token

RECOVERY_CODE_COUNT = 10
# Fields whose change widens or narrows what a user may see; changing them is a permission change.
PERMISSION_FIELDS = frozenset(
    {"role", "agency", "is_active", "is_staff", "is_superuser", "groups", "user_permissions"}
)


@transaction.atomic
def user_logout_everywhere(
    *, user: User, actor: User | None = None, request: HttpRequest | None = None
) -> None:
    """End every session of `user` on every device; `actor` is an administrator acting for them
    (a lost phone) or, by default, the user.

    The session hash includes `session_token` (User._get_session_auth_hash), so a new token
    makes Django's session check reject every session made before it.
    """
    user.session_token = new_session_token()
    user.save(update_fields=["session_token"])
    audit_record(
        actor=actor or user,
        action=AuditEntry.Action.LOGOUT_EVERYWHERE,
        target=user,
        request=request,
    )


@transaction.atomic
def two_factor_verified(*, user: User, request: HttpRequest | None = None) -> None:
    """Record the second login step; the password step is recorded by the login signal."""
    audit_record(
        actor=user,
        action=AuditEntry.Action.LOGIN,
        target=user,
        request=request,
        detail={"step": "second_factor"},
    )


def totp_device_unconfirmed(*, user: User) -> TOTPDevice:
    """The device being set up, created on first call; confirmed only after a correct code."""
    # filter().first() rather than get_or_create: two set-up pages opened at once may have made two.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name="authenticator")


def _new_recovery_codes(user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_confirm(
    *, user: User, device: TOTPDevice, request: HttpRequest | None = None
) -> list[str]:
    """Confirm a TOTP device whose code was just verified; return new recovery codes.

    Any other TOTP device of the user goes, so an account has exactly one authenticator.
    """
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    audit_record(actor=user, action=AuditEntry.Action.TWO_FACTOR, target=user, request=request)
    return codes


@transaction.atomic
def recovery_codes_renew(*, user: User, request: HttpRequest | None = None) -> list[str]:
    """Replace the user's recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(user)
    audit_record(
        actor=user,
        action=AuditEntry.Action.TWO_FACTOR,
        target=user,
        request=request,
        detail={"recovery_codes": "renewed"},
    )
    return codes


def user_changes_audit(
    *, actor: User, user: User, changed: list[str], created: bool, request: HttpRequest | None
) -> None:
    """Record an administrator's change to a user account; call inside its transaction.

    A change to role, agency, activity or permissions is recorded as a permission change.
    """
    if created:
        action = AuditEntry.Action.CREATE
    elif PERMISSION_FIELDS & set(changed):
        action = AuditEntry.Action.PERMISSION_CHANGE
    else:
        action = AuditEntry.Action.CHANGE
    # The password hash never goes into the log; that it changed does.
    audit_record(actor=actor, action=action, target=user, fields=changed, request=request)


@transaction.atomic
def login_unlock_users(
    *, actor: User, users: Iterable[User], request: HttpRequest | None = None
) -> int:
    """Lift every login lock on these usernames, from every address; one audit entry per user.

    Returns how many recorded attempts were removed.
    """
    removed = 0
    for user in users:
        count, _ = AccessAttempt.objects.filter(username=user.get_username()).delete()
        removed += count
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UNLOCK,
            target=user,
            request=request,
            detail={"attempts_removed": count},
        )
    return removed


@transaction.atomic
def login_unlock_attempts(
    *, actor: User, attempts: Iterable[AccessAttempt], request: HttpRequest | None = None
) -> int:
    """Remove these recorded login attempts (a locked address, or a username at an address),
    which lifts their lock; one audit entry per attempt, naming the username and address."""
    removed = 0
    for attempt in attempts:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UNLOCK,
            target_type="axes.accessattempt",
            target_id=str(attempt.pk),
            target_label=str(attempt.username or "")[:100],
            request=request,
            detail={
                "username": str(attempt.username or "")[:150],
                "address": str(attempt.ip_address or ""),
                "failures": int(attempt.failures_since_start),
            },
        )
        attempt.delete()
        removed += 1
    return removed
