"""Keeping public forms free of spam without a third party and without tracking anyone.

Three checks, none of which needs a cookie of its own or keeps an address:
- a honeypot field that people never see (hidden by the stylesheet) and robots fill in;
- a minimum time between opening the form and sending it, carried in the form itself as a
  signed timestamp;
- a rate limit per client: a keyed hash of the address, salted with the day, kept only for
  the length of the rate window (PostThrottle).
"""

import datetime as dt
import hashlib
import hmac
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import PostThrottle

STARTED_SALT = "strehe.campaigns.form-started"
# A form opened more than this long ago is stale: the reader is asked to send it again.
STARTED_MAX_AGE = 24 * 3600


def min_seconds() -> int:
    return int(settings.STREHE_PUBLIC_FORM_MIN_SECONDS)


def rate_limit() -> tuple[int, dt.timedelta]:
    return (
        int(settings.STREHE_PUBLIC_POST_LIMIT),
        dt.timedelta(seconds=int(settings.STREHE_PUBLIC_POST_WINDOW_SECONDS)),
    )


def client_hash(address: str | None, *, at: dt.datetime | None = None) -> str:
    """A keyed hash of the client's address that changes every day; "" for no address."""
    day = (at or timezone.now()).date().isoformat()
    key = hashlib.sha256(f"{settings.SECRET_KEY}:post-throttle".encode()).digest()
    return hmac.new(key, f"{day}:{address or ''}".encode(), hashlib.sha256).hexdigest()


def started_token() -> str:
    return signing.dumps(time.time(), salt=STARTED_SALT)


class SpamCheckedForm(forms.Form):
    """A public form with the honeypot and the signed start time; subclasses add their fields."""

    # Named like a field robots love to fill; people never see it (class "trap").
    website = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["started"].initial = started_token()

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            raise ValidationError(
                _("This was not sent: a field meant to stay empty was filled in. Please try again.")
            )
        try:
            started = float(
                signing.loads(
                    self.data.get("started", ""), salt=STARTED_SALT, max_age=STARTED_MAX_AGE
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(
                _("This form has expired. Please send it again from the page below.")
            ) from None
        if time.time() - started < min_seconds():
            raise ValidationError(
                _(
                    "This was sent too quickly after the page opened, as robots do. "
                    "Please wait a few seconds and send it again."
                )
            )
        return cleaned


def throttle_post(*, client: str) -> None:
    """Count one post of `client`, or refuse it when the window's limit is reached.

    Call inside the transaction that saves the post, so a refused post stores nothing.
    """
    limit, window = rate_limit()
    now = timezone.now()
    PostThrottle.objects.filter(at__lt=now - window).delete()
    with transaction.atomic():
        recent = PostThrottle.objects.select_for_update().filter(client_hash=client)
        if len(recent) >= limit:
            minutes = max(1, int(window.total_seconds() // 60))
            raise ValidationError(
                _(
                    "Too many messages were sent from your connection in the last %(minutes)d "
                    "minutes. Please wait and try again later; if you need help now, call the "
                    "helpline."
                )
                % {"minutes": minutes}
            )
        PostThrottle.objects.create(client_hash=client, at=now)
