import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from strehe.directory.models import Organisation

from .roles import AGENCY_ROLES, Permission, Role, permissions_of, role_requires_two_factor


class Agency(models.Model):
    """An organisation of the directory that has staff in the system.

    Records are owned by an agency; staff see what their agency owns (see cases.policies).
    """

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="agency",
        verbose_name=_("organisation"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.organisation.name


def new_session_token() -> str:
    return secrets.token_hex(16)


class User(AbstractUser):
    """A member of staff. There is no self sign-up: administrators create users."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("agency"),
    )
    # Part of the session hash: changing it ends every session of this user ("log out
    # everywhere"), through Django's own session verification.
    session_token = models.CharField(max_length=32, default=new_session_token, editable=False)

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False)
                | ~models.Q(role__in=[str(role) for role in sorted(AGENCY_ROLES)]),
                name="accounts_user_agency_role_has_agency",
                violation_error_message=_("Staff in this role must belong to an agency."),
            )
        ]

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.role) if self.is_active else frozenset()

    def has_role_permission(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def requires_two_factor(self) -> bool:
        return role_requires_two_factor(self.role)

    @property
    def audit_label(self) -> str:
        return self.username

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        key_salt = "strehe.accounts.User.get_session_auth_hash"
        return salted_hmac(
            key_salt, self.password + self.session_token, secret=secret, algorithm="sha256"
        ).hexdigest()


class RoleChangeRequest(models.Model):
    """A role (with its agency) that one administrator asked to give a user, waiting for another.

    Roles that see personal data or manage users are given by two people: the request is stored
    here and the user keeps their current role and agency until a different administrator
    approves it (strehe.accounts.services). Rows are never deleted: they are the record of who
    asked and who agreed.
    """

    class Decision(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        # A newer request for the same user replaced it before anyone decided.
        SUPERSEDED = "superseded", _("replaced by a newer request")

    user = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="role_change_requests",
        verbose_name=_("user"),
    )
    role = models.CharField(_("requested role"), max_length=30, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested agency"),
    )
    previous_role = models.CharField(
        _("role when requested"), max_length=30, choices=Role.choices, blank=True
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("role change request")
        verbose_name_plural = _("role change requests")
        constraints = [
            # The two-person rule, held by the database too: whoever asked cannot approve.
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("requested_by"))
                | ~models.Q(decision="approved"),
                name="accounts_rolechangerequest_second_person_approves",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(decision="pending"),
                name="accounts_rolechangerequest_one_pending_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.get_role_display()}"

    @property
    def audit_label(self) -> str:
        return self.user.username
