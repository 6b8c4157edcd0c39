"""Writes on staff accounts. Each runs in one transaction together with its audit entry."""

from django.db import transaction
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
def user_logout_everywhere(*, user: User, actor: User | None = None) -> None:
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
    )


@transaction.atomic
def two_factor_verified(*, user: User) -> None:
    """Record the second login step; the password step is recorded by the login signal."""
    audit_record(
        actor=user,
        action=AuditEntry.Action.LOGIN,
        target=user,
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
def two_factor_confirm(*, user: User, device: TOTPDevice) -> list[str]:
    """Confirm a TOTP device whose code was just verified; return new recovery codes.

    Any other TOTP device of the user goes, so an account has exactly one authenticator.
    """
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    audit_record(actor=user, action=AuditEntry.Action.TWO_FACTOR, target=user)
    return codes


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Replace the user's recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(user)
    audit_record(
        actor=user,
        action=AuditEntry.Action.TWO_FACTOR,
        target=user,
        detail={"recovery_codes": "renewed"},
    )
    return codes


def user_changes_audit(*, actor: User, user: User, changed: list[str], created: bool) -> None:
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
    audit_record(actor=actor, action=action, target=user, fields=changed)
