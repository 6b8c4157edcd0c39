"""What the whole system needs and no single app owns."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KeyCanary(models.Model):
    """A value written with each key (field keys, lookup key, audit key) when the database was set
    up, so that start-up can tell a key file that was lost and silently regenerated from the key
    the data was written with (strehe.core.keys)."""

    name = models.CharField(_("key"), max_length=30, primary_key=True)
    value = models.TextField(_("value"))
    written_at = models.DateTimeField(_("written at"), auto_now=True)

    class Meta:
        verbose_name = _("key canary")
        verbose_name_plural = _("key canaries")

    def __str__(self) -> str:
        return self.name
