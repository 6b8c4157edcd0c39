"""Persons and their cases. Identifying data is encrypted at rest (strehe.core.crypto)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency
from strehe.core.crypto import (
    EncryptedCharField,
    EncryptedDateField,
    EncryptedTextField,
    lookup_hash,
)


class Person(models.Model):
    """A person a case is about. Never shown to anyone the need-to-know policy does not allow."""

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "unknown", _("Unknown")

    # Encrypted columns hold NULL rather than "" when empty: the library stores no ciphertext for
    # an empty value.
    given_name = EncryptedCharField(_("given name"), max_length=200)
    family_name = EncryptedCharField(_("family name"), max_length=200)
    birth_date = EncryptedDateField(_("birth date"), null=True, blank=True)
    identity_number = EncryptedCharField(_("identity number"), max_length=50, null=True, blank=True)
    phone = EncryptedCharField(_("phone number"), max_length=50, null=True, blank=True)
    address = EncryptedTextField(_("address"), null=True, blank=True)
    # HMAC of the normalised name and birth date: finds the same person again without decrypting.
    lookup_hash = models.CharField(max_length=64, db_index=True, editable=False)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    citizenship = models.CharField(
        _("citizenship"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166 two-letter code; XK for Kosovo."),
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter country code."))],
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        # Never the name: str() ends up in logs, admin messages and error reports.
        return f"person-{self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived here so that no write path can leave the hash out of step with the name.
        self.lookup_hash = self.lookup_hash_for(
            given_name=self.given_name, family_name=self.family_name, birth_date=self.birth_date
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "lookup_hash"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def audit_label(self) -> str:
        return str(self)

    @staticmethod
    def lookup_hash_for(*, given_name: str, family_name: str, birth_date: object) -> str:
        return lookup_hash(given_name, family_name, str(birth_date or ""))


class CaseCodeCounter(models.Model):
    """The last case number given out per year; a row locked while the next code is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Case(models.Model):
    class Stage(models.TextChoices):
        SCREENING = "screening", _("Screening")
        IDENTIFIED = "identified", _("Identified")
        ASSISTANCE = "assistance", _("Assistance")
        CLOSED = "closed", _("Closed")

    # Pseudonymous: the code is what staff write in e-mails and on paper, never the name.
    code = models.CharField(_("code"), max_length=20, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="cases", verbose_name=_("person")
    )
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="cases", verbose_name=_("owning agency")
    )
    assigned_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned worker"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    narrative = EncryptedTextField(_("narrative"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.code

    @property
    def audit_label(self) -> str:
        return self.code
