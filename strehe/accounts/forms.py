from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPTokenForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class TwoFactorForm(OTPTokenForm):
    """django-otp's token form, with the device choice worded for people, not device names."""

    def __init__(self, user: Any, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, request, *args, **kwargs)
        choices = []
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            choices.append((device.persistent_id, _("Code from the authenticator app")))
        for static in StaticDevice.objects.filter(user=user, confirmed=True):
            choices.append((static.persistent_id, _("Recovery code")))
        self.fields["otp_device"].choices = choices
        self.fields["otp_device"].label = _("Method")
        self.fields["otp_token"].label = _("Code")
        self.fields["otp_token"].required = True

    def _update_form(self, user: Any) -> None:
        # The base class would reset the choices to raw device names after an error.
        return None


class TotpSetupForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code shown by the app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, device: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self) -> str:
        token = self.cleaned_data["otp_token"].strip()
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed or not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not correct. Try the newest one."))
        return token
