"""Logins, logouts and failed logins go into the audit trail, each in its own transaction."""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest
from django_otp.forms import OTPAuthenticationFormMixin, otp_verification_failed

from .models import AuditEntry
from .services import audit_record


def _attempted_username(credentials: dict[str, Any]) -> str:
    return str(credentials.get("username") or "")[:150]


@receiver(user_logged_in, dispatch_uid="audit_login")
def record_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    with transaction.atomic():
        audit_record(actor=user, action=AuditEntry.Action.LOGIN, target=user)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def record_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is None:
        return
    idle = getattr(request, "strehe_logout_reason", None) == "idle"
    action = AuditEntry.Action.IDLE_LOGOUT if idle else AuditEntry.Action.LOGOUT
    with transaction.atomic():
        audit_record(actor=user, action=action, target=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def record_login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    with transaction.atomic():
        audit_record(
            actor=None,
            action=AuditEntry.Action.LOGIN_FAILED,
            detail={"username": _attempted_username(credentials)},
        )


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def record_locked_out(
    sender: Any, request: HttpRequest, username: str, ip_address: str, **kwargs: Any
) -> None:
    with transaction.atomic():
        audit_record(
            actor=None,
            action=AuditEntry.Action.LOCKED_OUT,
            detail={"username": str(username or "")[:150]},
        )


@receiver(otp_verification_failed, dispatch_uid="audit_second_factor_failed")
def record_second_factor_failed(sender: Any, user: Any, **kwargs: Any) -> None:
    # Only the login forms' failures; the signal carries no request, so no address either.
    if not isinstance(sender, type) or not issubclass(sender, OTPAuthenticationFormMixin):
        return
    with transaction.atomic():
        audit_record(
            actor=user,
            action=AuditEntry.Action.LOGIN_FAILED,
            target=user,
            detail={"step": "second_factor"},
        )
