"""What the whole system needs and no single app owns."""

from django.db import models
from django.utils import timezone
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


class SubmittedForm(models.Model):
    """The one-time token of a form that was sent and saved, and where it led.

    Written in the transaction of what the form saved, so a token counts as spent only when the
    save committed; a second sending of the same token (a double click, a page sent again, two
    tabs) finds it and saves nothing (strehe.core.forms.submit_once).
    """

    token = models.CharField(_("token"), max_length=64, primary_key=True)
    next_url = models.CharField(_("next page"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sent form")
        verbose_name_plural = _("sent forms")

    def __str__(self) -> str:
        return self.token


class ContentGeneration(models.Model):
    """One row whose token changes, in the same transaction, whenever public content changes
    (the directory, the public texts): cached public pages are kept under the token they were
    made with, so a page made before a change is never served after it (strehe.portal.caching).

    A random token rather than a counter: a database restored or reloaded must not bring back a
    number whose cached pages showed other data.
    """

    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self) -> str:
        return self.token
