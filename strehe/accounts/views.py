"""Staff login in two steps (password, then TOTP), two-factor setup and logout.

The staff home is My work, in strehe.work."""

from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .decorators import before_two_factor, staff_required
from .forms import TotpSetupForm, TwoFactorForm

login = before_two_factor(
    auth_views.LoginView.as_view(template_name="accounts/login.html")  # type: ignore[arg-type]
)


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes answers while an account is locked (AXES_LOCKOUT_CALLABLE)."""
    return render(request, "accounts/locked_out.html", status=429)


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _with_next(name: str, request: HttpRequest) -> str:
    next_url = _next_url(request)
    return reverse(name) + (f"?{urlencode({'next': next_url})}" if next_url else "")


def _has_authenticator(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@before_two_factor
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Second login step: a code from the authenticator app, or a recovery code."""
    if not _has_authenticator(request.user):
        return redirect(_with_next("accounts:two_factor_setup", request))
    form = TwoFactorForm(request.user, request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.two_factor_verified(user=request.user)  # type: ignore[arg-type]
        otp_login(request, request.user.otp_device)  # type: ignore[union-attr]
        # A new session key after the second factor, as after the first.
        request.session.cycle_key()
        return HttpResponseRedirect(_next_url(request) or reverse("accounts:home"))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/two_factor.html", context)


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@before_two_factor
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app; possible only while the account has none.

    Someone who knows only the password of an account that has an authenticator must not be able
    to add their own, so such an account is sent to the verification step instead.
    """
    user = request.user
    if _has_authenticator(user):
        return redirect(_with_next("accounts:two_factor", request))
    device = services.totp_device_unconfirmed(user=user)  # type: ignore[arg-type]
    form = TotpSetupForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        codes = services.two_factor_confirm(user=user, device=device)  # type: ignore[arg-type]
        otp_login(request, device)
        request.session.cycle_key()
        done = {"codes": codes, "next": _next_url(request)}
        return render(request, "accounts/recovery_codes.html", done)
    uri = device.config_url
    context: dict[str, object] = {
        "form": form,
        "otpauth_uri": uri,
        # Generated here from our own URI; inline, so no image is requested from anywhere.
        "qr_svg": mark_safe(_qr_svg(uri)),  # noqa: S308
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@staff_required(personal_data=False)
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Make new recovery codes; they are shown once, on the response to the button."""
    if request.method == "POST":
        codes = services.recovery_codes_renew(user=request.user)  # type: ignore[arg-type]
        return render(request, "accounts/recovery_codes.html", {"codes": codes})
    return render(request, "accounts/recovery_codes_renew.html")


@before_two_factor
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@staff_required(personal_data=False)
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End this user's sessions on every computer and phone, this one included."""
    services.user_logout_everywhere(user=request.user)  # type: ignore[arg-type]
    logout(request)
    return redirect("accounts:login")
