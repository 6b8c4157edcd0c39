"""Writes on staff accounts. Each runs in one transaction together with its audit entry."""

from collections.abc import Iterable, Mapping
from typing import Any

from axes.models import AccessAttempt
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .models import Agency, RoleChangeRequest, User, new_session_token
from .roles import AGENCY_ROLES, Permission, role_grant_needs_approval

RECOVERY_CODE_COUNT = 10
# Fields whose change widens or narrows what a user may see; changing them is a permission change.
PERMISSION_FIELDS = frozenset(
    {"role", "agency", "is_active", "is_staff", "is_superuser", "groups", "user_permissions"}
)
# Nobody changes these on their own account: an administrator could otherwise give themselves
# case access, or keep an account alive that a colleague meant to narrow.
SELF_PROTECTED_FIELDS = PERMISSION_FIELDS
_MANY_TO_MANY_FIELDS = frozenset({"groups", "user_permissions"})


def may_manage_users(user: Any) -> bool:
    """Administrators, and the superusers made on the server with `strehe createsuperuser`
    (the same rule as the admin site's, strehe.accounts.admin_access)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_role_permission(Permission.MANAGE_USERS))
    )


def _require_user_manager(actor: Any) -> None:
    if not may_manage_users(actor):
        raise PermissionDenied(_("Only an administrator may change staff accounts."))


def _end_sessions(user: User) -> None:
    # See user_logout_everywhere: a new token rejects every session made before it.
    user.session_token = new_session_token()
    user.save(update_fields=["session_token"])


@transaction.atomic
def user_logout_everywhere(*, user: User, actor: User | None = None) -> None:
    """End every session of `user` on every device; `actor` is an administrator acting for them
    (a lost phone) or, by default, the user.

    The session hash includes `session_token` (User._get_session_auth_hash), so a new token
    makes Django's session check reject every session made before it.
    """
    _end_sessions(user)
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


def _agency_label(agency: Agency | None) -> str:
    return str(agency) if agency is not None else ""


def _check_role_has_agency(role: str, agency: Agency | None) -> None:
    # The database constraint holds it too; this says it as a field error before approval.
    if role in AGENCY_ROLES and agency is None:
        raise ValidationError({"agency": _("Staff in this role must belong to an agency.")})


def _role_change_request(
    *,
    actor: User,
    user: User,
    role: str,
    agency: Agency | None,
    changed: list[str],
) -> RoleChangeRequest:
    """Store a role grant that waits for a second administrator; the user is left unchanged."""
    _check_role_has_agency(role, agency)
    # One open request per user (a database constraint): the newest replaces an older one.
    RoleChangeRequest.objects.filter(user=user, decision=RoleChangeRequest.Decision.PENDING).update(
        decision=RoleChangeRequest.Decision.SUPERSEDED, decided_at=timezone.now()
    )
    change = RoleChangeRequest.objects.create(
        user=user, role=role, agency=agency, previous_role=user.role, requested_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.PERMISSION_CHANGE,
        target=user,
        fields=changed,
        detail={
            "step": "requested",
            "request": change.pk,
            "role": role,
            "agency": _agency_label(agency),
            "previous_role": user.role,
            "previous_agency": _agency_label(user.agency),
        },
    )
    return change


@transaction.atomic
def user_create(*, actor: User, user: User, fields: list[str]) -> RoleChangeRequest | None:
    """Save a new account built by the admin's form (`user`, unsaved, with its password set).

    A role that sees personal data or manages users is not given yet: the account starts
    without a role, and a request waits for a second administrator (see role_change_approve).
    Returns that request, or None when the role was given at once.
    """
    _require_user_manager(actor)
    if user.is_superuser:
        raise PermissionDenied(_("Superuser status is given only on the server."))
    role, agency = user.role, user.agency
    needs_approval = role_grant_needs_approval(role)
    if needs_approval:
        user.role, user.agency = "", None
    user.save()
    user_changes_audit(actor=actor, user=user, changed=fields, created=True)
    if not needs_approval:
        return None
    return _role_change_request(
        actor=actor,
        user=user,
        role=role,
        agency=agency,
        changed=[name for name in ("role", "agency") if name in fields],
    )


@transaction.atomic
def user_update(
    *,
    actor: User,
    user: User,
    changes: Mapping[str, Any],
) -> RoleChangeRequest | None:
    """Apply an administrator's changes (field name: new value) to a saved account.

    - Nobody changes their own role, agency, permissions, staff, superuser or active status.
    - Superuser status is not given here (only `strehe createsuperuser` on the server gives it).
    - A role that sees personal data or manages users, or a move of its holder to another
      agency (which changes whose cases they see), is not applied: it becomes a request that a
      second administrator approves. Everything else is applied at once.
    Returns the request made, if any. Raises PermissionDenied, writing nothing, when refused.
    """
    _require_user_manager(actor)
    changes = dict(changes)
    if actor.pk == user.pk and SELF_PROTECTED_FIELDS & changes.keys():
        raise PermissionDenied(
            _("Nobody can change their own role, agency, permissions or staff status.")
        )
    if changes.get("is_superuser") and not user.is_superuser:
        raise PermissionDenied(_("Superuser status is given only on the server."))

    role = changes.pop("role", user.role)
    agency = changes.pop("agency", user.agency)
    grant_changed = [
        name
        for name, differs in (
            ("role", role != user.role),
            ("agency", getattr(agency, "pk", None) != user.agency_id),
        )
        if differs
    ]
    pending = None
    applied: list[str] = []
    if grant_changed and role_grant_needs_approval(role):
        pending = _role_change_request(
            actor=actor, user=user, role=role, agency=agency, changed=grant_changed
        )
    elif grant_changed:
        _check_role_has_agency(role, agency)
        user.role, user.agency = role, agency
        applied += grant_changed

    many = {name: changes.pop(name) for name in _MANY_TO_MANY_FIELDS & changes.keys()}
    for name, value in changes.items():
        setattr(user, name, value)
    applied += changes.keys()
    user.save()
    for name, value in many.items():
        getattr(user, name).set(value)
    applied += many.keys()
    if applied:
        user_changes_audit(actor=actor, user=user, changed=applied, created=False)
    return pending


def _decide(*, actor: User, change: RoleChangeRequest) -> tuple[RoleChangeRequest, User]:
    """Lock a pending request and its user, and check that `actor` may decide on it."""
    _require_user_manager(actor)
    change = RoleChangeRequest.objects.select_for_update().get(pk=change.pk)
    if change.decision != RoleChangeRequest.Decision.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if actor.pk == change.user_id:
        raise PermissionDenied(_("Nobody can decide on a request about their own account."))
    user = User.objects.select_for_update().get(pk=change.user_id)
    return change, user


@transaction.atomic
def role_change_approve(*, actor: User, change: RoleChangeRequest) -> User:
    """The second administrator agrees: the requested role and agency are given now.

    Whoever asked cannot approve (a database constraint holds it too).
    """
    change, user = _decide(actor=actor, change=change)
    if actor.pk == change.requested_by_id:
        raise PermissionDenied(
            _("A second administrator must approve: you asked for this change yourself.")
        )
    previous_role, previous_agency = user.role, user.agency
    user.role, user.agency = change.role, change.agency
    user.save(update_fields=["role", "agency"])
    change.decision = RoleChangeRequest.Decision.APPROVED
    change.decided_by, change.decided_at = actor, timezone.now()
    change.save(update_fields=["decision", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.PERMISSION_CHANGE,
        target=user,
        fields=["role", "agency"],
        detail={
            "step": "approved",
            "request": change.pk,
            "requested_by": change.requested_by.username,
            "role": change.role,
            "agency": _agency_label(change.agency),
            "previous_role": previous_role,
            "previous_agency": _agency_label(previous_agency),
        },
    )
    return user


@transaction.atomic
def role_change_reject(*, actor: User, change: RoleChangeRequest) -> None:
    """Refuse a request (or withdraw one's own): the user keeps their role and agency."""
    change, user = _decide(actor=actor, change=change)
    change.decision = RoleChangeRequest.Decision.REJECTED
    change.decided_by, change.decided_at = actor, timezone.now()
    change.save(update_fields=["decision", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.PERMISSION_CHANGE,
        target=user,
        detail={
            "step": "rejected",
            "request": change.pk,
            "requested_by": change.requested_by.username,
            "role": change.role,
        },
    )


@transaction.atomic
def user_password_reset_recorded(*, actor: User, user: User) -> None:
    """An administrator has set another user's password (the admin's password form saved it, in
    this transaction): record it, never the password, and end every session of that user, so
    whoever held the old password or an open session is out at once.

    Someone setting their own password keeps the session they are using (the caller renews it).
    """
    _require_user_manager(actor)
    if actor.pk != user.pk:
        _end_sessions(user)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        target=user,
        fields=["password"],
        detail={"step": "password_set_by_administrator", "sessions": "ended"},
    )


@transaction.atomic
def two_factor_reset(*, actor: User, device: TOTPDevice | StaticDevice) -> None:
    """Remove a user's authenticator or recovery codes (a lost phone): the user sets up a new one
    at the next login. Their sessions end, so a stolen phone's open session ends too."""
    _require_user_manager(actor)
    user = device.user
    kind = "authenticator" if isinstance(device, TOTPDevice) else "recovery_codes"
    device.delete()
    _end_sessions(user)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.TWO_FACTOR,
        target=user,
        detail={"step": "reset_by_administrator", "device": kind},
    )


@transaction.atomic
def login_unlock_users(*, actor: User, users: Iterable[User]) -> int:
    """Lift every login lock on these usernames, from every address; one audit entry per user.

    Returns how many recorded attempts were removed.
    """
    _require_user_manager(actor)
    removed = 0
    for user in users:
        count, _by_model = AccessAttempt.objects.filter(username=user.get_username()).delete()
        removed += count
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UNLOCK,
            target=user,
            detail={"attempts_removed": count},
        )
    return removed


@transaction.atomic
def login_unlock_attempts(*, actor: User, attempts: Iterable[AccessAttempt]) -> int:
    """Remove these recorded login attempts (a locked address, or a username at an address),
    which lifts their lock; one audit entry per attempt, naming the username and address."""
    _require_user_manager(actor)
    removed = 0
    for attempt in attempts:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UNLOCK,
            target_type="axes.accessattempt",
            target_id=str(attempt.pk),
            target_label=str(attempt.username or "")[:100],
            detail={
                "username": str(attempt.username or "")[:150],
                "address": str(attempt.ip_address or ""),
                "failures": int(attempt.failures_since_start),
            },
        )
        attempt.delete()
        removed += 1
    return removed
