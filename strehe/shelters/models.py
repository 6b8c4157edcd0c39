"""Shelter placements: who lives in which shelter since when, and the beds they take.

A shelter's bed count and its occupancy live on the shelter's row (directory.Shelter.capacity
and .occupied) under a check constraint `occupied <= capacity`, and only the services change
`occupied`, by conditional UPDATEs. Occupancy can always be recomputed from the open placements
here (`strehe checkoccupancy` says whether they agree).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.cases.models import AccessGrant, Case, Person, RiskLevel
from strehe.core.crypto import EncryptedTextField
from strehe.core.validation import TEXT_MAX_LENGTH
from strehe.directory.models import Shelter


class ShelterKindRule(models.Model):
    """Which risk levels a kind of shelter takes: reference data, changed in the admin.

    The Kosovo practice: high risk goes to the high-security facility or a trafficking-only
    shelter; domestic-violence shelters take trafficking victims at low risk only.
    """

    kind = models.CharField(
        _("kind of shelter"), max_length=30, choices=Shelter.Kind.choices, unique=True
    )
    takes_low_risk = models.BooleanField(_("takes low risk"), default=False)
    takes_medium_risk = models.BooleanField(_("takes medium risk"), default=False)
    takes_high_risk = models.BooleanField(_("takes high risk"), default=False)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("risk rule of a kind of shelter")
        verbose_name_plural = _("risk rules of kinds of shelter")

    def __str__(self) -> str:
        return self.get_kind_display()

    def takes(self, level: str) -> bool:
        return bool(getattr(self, f"takes_{level}_risk", False))

    @property
    def levels(self) -> list[str]:
        return [level for level in RiskLevel.values if self.takes(level)]


class Placement(models.Model):
    """One stay of a person in a shelter, from placement to check-out.

    The bed is taken from placement (it is kept for the person) until check-out; check-in says
    the person arrived. One open placement per person is a database constraint; a transfer is a
    check-out and a new placement in one transaction.
    """

    class CheckOutReason(models.TextChoices):
        MOVED_ON = "moved_on", _("Moved on to own or family housing")
        RETURNED = "returned", _("Returned home or to the country of origin")
        TRANSFERRED = "transferred", _("Transferred to another shelter")
        LEFT = "left", _("Left of their own accord")
        DID_NOT_ARRIVE = "did_not_arrive", _("Did not arrive")
        OTHER = "other", _("Other reason")

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="placements", verbose_name=_("case")
    )
    # The case's person, kept here so that the database can hold one open placement per person.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="placements", verbose_name=_("person")
    )
    shelter = models.ForeignKey(
        Shelter, on_delete=models.PROTECT, related_name="placements", verbose_name=_("shelter")
    )
    # The shelter staff's access to the case; ended at check-out.
    grant = models.OneToOneField(
        AccessGrant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placement",
        verbose_name=_("access grant"),
    )
    transferred_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transferred_to",
        verbose_name=_("transferred from"),
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("placed by"),
    )
    placed_at = models.DateTimeField(_("placed"), default=timezone.now)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked out by"),
    )
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    check_out_reason = models.CharField(
        _("reason for leaving"), max_length=20, choices=CheckOutReason.choices, blank=True
    )
    # May name people and places: encrypted.
    check_out_note = EncryptedTextField(
        _("note on leaving"), max_length=TEXT_MAX_LENGTH, null=True, blank=True
    )

    class Meta:
        ordering = ["-placed_at", "-id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(checked_out_at__isnull=True),
                name="shelters_one_open_placement_per_person",
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True, check_out_reason="")
                | (Q(checked_out_at__isnull=False) & ~Q(check_out_reason="")),
                name="shelters_check_out_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True) | Q(checked_out_at__gte=F("placed_at")),
                name="shelters_check_out_after_placement",
            ),
        ]
        indexes = [models.Index(fields=["shelter", "checked_out_at"])]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"{self.case.code}/placement-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.checked_out_at is None


class OccupancyChange(models.Model):
    """A shelter's beds and occupancy right after a change: the occupancy board's history.

    Written by the services in the transaction of the change; counts only, never a person.
    """

    class Event(models.TextChoices):
        PLACED = "placed", _("Placement")
        CHECKED_OUT = "checked_out", _("Check-out")
        CAPACITY = "capacity", _("Capacity changed")
        RECOUNTED = "recounted", _("Recounted from placements")

    shelter = models.ForeignKey(
        Shelter,
        on_delete=models.PROTECT,
        related_name="occupancy_changes",
        verbose_name=_("shelter"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    capacity = models.PositiveIntegerField(_("beds"))
    occupied = models.PositiveIntegerField(_("beds occupied"))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("occupancy change")
        verbose_name_plural = _("occupancy changes")

    def __str__(self) -> str:
        return f"{self.shelter_id} {self.at:%Y-%m-%d %H:%M} {self.occupied}/{self.capacity}"
