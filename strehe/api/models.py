"""Personal API tokens: what a staff member's own programs use instead of a browser session."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A token a user made for themself. Only a hash of the secret is kept: the secret is shown
    once, when the token is made. The token acts with its user's role and access as they are at
    each request, so a changed role or a moved agency applies to it at once; it ends when it
    expires, is revoked, or its user is deactivated."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters of the secret, to tell tokens apart in a list; not enough to use one.
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"

    @property
    def audit_label(self) -> str:
        return f"api-token-{self.pk}"

    def is_usable_at(self, instant: datetime.datetime) -> bool:
        return self.revoked_at is None and instant < self.expires_at
