"""When each user last opened My work: what "newly shared since my last visit" counts from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkVisit(models.Model):
    """One row per user, updated on each visit of My work (kept apart from the user record, so
    that a page view is not a change of the account that the admin's history would show)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("user"),
    )
    seen_at = models.DateTimeField(_("last visit"))

    class Meta:
        verbose_name = _("visit of My work")
        verbose_name_plural = _("visits of My work")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.seen_at.isoformat()}"
