"""The append-only audit trail: who did what to which record, when and from where.

Each entry carries the hash of the one before it (a keyed hash chain), so `strehe audit verify`
finds an entry that was edited or removed. On PostgreSQL a trigger refuses UPDATE and DELETE on
this table (migration 0002); the application never updates or deletes an entry either.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        EXPORT = "export", _("exported")
        LOGIN = "login", _("logged in")
        LOGIN_FAILED = "login_failed", _("failed to log in")
        LOCKED_OUT = "locked_out", _("locked out")
        LOGOUT = "logout", _("logged out")
        LOGOUT_EVERYWHERE = "logout_everywhere", _("logged out everywhere")
        IDLE_LOGOUT = "idle_logout", _("logged out after inactivity")
        TWO_FACTOR = "two_factor", _("set up two-factor login")
        PERMISSION_CHANGE = "permission_change", _("changed permissions")
        KEY_ROTATION = "key_rotation", _("re-encrypted with a new key")
        UNLOCK = "unlock", _("unlocked login")

    # Position in the chain: 1, 2, 3... without gaps, so a removed entry shows as a gap even where
    # the database's id sequence has gaps of its own (rolled-back inserts).
    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("time"))
    # No database constraint: an entry outlives the account it names and is never updated.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    target_type = models.CharField(_("record type"), max_length=100, blank=True)
    target_id = models.CharField(_("record id"), max_length=64, blank=True)
    # A pseudonymous label only (a case code, a username): never a victim's name.
    target_label = models.CharField(_("record"), max_length=100, blank=True)
    # Names of the fields that changed, never their values.
    fields = models.JSONField(_("fields"), default=list, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    # The request that wrote it (core.context), to tie together what one page did; empty when
    # a command or import wrote it.
    request_id = models.CharField(_("request"), max_length=32, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["target_type", "target_id", "action"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.target_type}:{self.target_id}"
