"""The helpline log: one row per call, message or visit to the helpline.

The helpline is anonymous by default. A contact logged through the public form has no staff
author and must stay anonymous; the database refuses anything else.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.core.crypto import EncryptedCharField, EncryptedTextField
from strehe.core.validation import (
    TEXT_MAX_LENGTH,
    validate_not_before_earliest_record,
    validate_plan_date,
)

from .phones import PHONE_MAX_LENGTH, phone_lookup_hash

# Clocks of operators' machines and of the server differ a little; more than this is a mistake.
FUTURE_TOLERANCE = timedelta(minutes=5)


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    WEB_FORM = "web_form", _("Web form")
    WALK_IN = "walk_in", _("Walk-in")
    EMAIL = "email", _("Email")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    ALBANIAN = "sq", _("Albanian")
    SERBIAN = "sr", _("Serbian")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other language")


class CallerType(models.TextChoices):
    POSSIBLE_VICTIM = "possible_victim", _("Possible victim")
    FAMILY_OR_FRIEND = "family_or_friend", _("Family member or friend")
    PROFESSIONAL = "professional", _("Professional")
    PUBLIC = "public", _("Member of the public")
    ANONYMOUS = "anonymous", _("Anonymous")
    SILENT = "silent", _("Silent or prank call")


class Topic(models.TextChoices):
    TRAFFICKING = "trafficking", _("Trafficking in human beings")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
    OTHER_VIOLENCE = "other_violence", _("Other violence")
    INFORMATION = "information", _("Information only")
    NOT_RELATED = "not_related", _("Not related")


class Outcome(models.TextChoices):
    ADVICE_GIVEN = "advice_given", _("Advice given")
    REFERRED = "referred", _("Referred to a service")
    CASE_OPENED = "case_opened", _("Case opened")
    NO_ACTION = "no_action", _("No action needed")


class AgeGroup(models.TextChoices):
    CHILD = "child", _("Child (under 18)")
    ADULT = "adult", _("Adult (18 or older)")
    UNKNOWN = "unknown", _("Not known")


class Sex(models.TextChoices):
    # The codes of the case register's Person.sex, so that counts of callers and of persons
    # line up (HTCDS prs_Gender maps onto them: Feminine, Masculine, other, NonSpecifiedUnknown).
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not known")


# A call that lasts longer than a working shift is a typing mistake.
DURATION_MAX_MINUTES = 600


class Contact(models.Model):
    # The future is refused in clean(), with a few minutes' tolerance for clocks.
    contacted_at = models.DateTimeField(
        _("time of contact"), default=timezone.now, validators=[validate_not_before_earliest_record]
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    caller_type = models.CharField(_("caller"), max_length=30, choices=CallerType.choices)
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    # Encrypted, as everything a caller says may identify them. Stores "" as the token of "".
    summary = EncryptedTextField(_("summary"), max_length=TEXT_MAX_LENGTH, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    advice_and_referrals = EncryptedTextField(
        _("advice and referrals given"), max_length=TEXT_MAX_LENGTH, blank=True
    )
    # None means "not known": the contact was logged without the opening-hours schedule.
    within_opening_hours = models.BooleanField(_("within opening hours"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(DURATION_MAX_MINUTES)],
    )
    # Who called, in the coarse terms a helpline may ask even of an anonymous caller. "Not known"
    # is a real answer (the caller would not say), so the columns are never empty.
    caller_age_group = models.CharField(
        _("caller's age group"), max_length=10, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    caller_sex = models.CharField(
        _("caller's sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN
    )
    municipality = models.ForeignKey(
        "directory.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("caller's municipality"),
    )
    # The caller's number, encrypted (NULL when not given), in its normalised international form;
    # lookup_hash is the keyed hash of that form ("" when none), which is how a repeat caller is
    # recognised without decrypting anything. The name lookup_hash and lookup_hash_for() are what
    # `strehe rotatefieldkeys` looks for to rehash with a new lookup key.
    caller_phone = EncryptedCharField(
        _("caller's phone number"), max_length=PHONE_MAX_LENGTH, null=True, blank=True
    )
    lookup_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    anonymous = models.BooleanField(_("anonymous"), default=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("case"),
    )
    # The agency whose staff see the contact: the recorder's agency when it was logged. It stays
    # with the agency when the recorder moves to another one.
    owner_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="helpline_contacts",
        verbose_name=_("agency"),
        help_text=_("Empty for contacts that arrived through the public form."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="helpline_contacts",
        verbose_name=_("recorded by"),
        help_text=_("Empty for contacts that arrived through the public form."),
    )

    class Meta:
        ordering = ["-contacted_at", "-id"]
        verbose_name = _("helpline contact")
        verbose_name_plural = _("helpline contacts")
        # The list is newest first, for everyone (national view) or for one agency: each an
        # index scan that stops at the page's end instead of sorting every contact.
        indexes = [
            models.Index(fields=["-contacted_at", "-id"], name="helpline_contact_newest"),
            models.Index(
                fields=["owner_agency", "-contacted_at", "-id"],
                name="helpline_contact_agency_newest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recorded_by__isnull=False) | Q(anonymous=True),
                name="helpline_public_contact_is_anonymous",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="helpline_contact_channel"
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="helpline_contact_language"
            ),
            models.CheckConstraint(
                condition=Q(caller_type__in=CallerType.values), name="helpline_contact_caller"
            ),
            models.CheckConstraint(
                condition=Q(topic__in=Topic.values), name="helpline_contact_topic"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="helpline_contact_outcome"
            ),
            models.CheckConstraint(
                condition=Q(caller_age_group__in=AgeGroup.values),
                name="helpline_contact_caller_age_group",
            ),
            models.CheckConstraint(
                condition=Q(caller_sex__in=Sex.values), name="helpline_contact_caller_sex"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__lte=DURATION_MAX_MINUTES),
                name="helpline_contact_duration_bounded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}, {self.contacted_at:%Y-%m-%d %H:%M}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived here so that no write path can leave the hash out of step with the number.
        self.lookup_hash = self.lookup_hash_for(self.caller_phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "lookup_hash"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def lookup_hash_for(caller_phone: str | None) -> str:
        """The keyed hash of a normalised phone number, "" for none."""
        return phone_lookup_hash(caller_phone) if caller_phone else ""

    def clean(self) -> None:
        if self.contacted_at and self.contacted_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(
                {"contacted_at": _("The time of contact cannot be in the future.")}
            )
        if self.recorded_by_id is None and not self.anonymous:
            raise ValidationError(
                {"anonymous": _("A contact from the public form is always anonymous.")}
            )


class ContactFollowUp(models.Model):
    """A call-back or other task on a helpline contact: "call back tomorrow 10:00".

    The sibling of cases.FollowUp for contacts that are not (yet) part of a case: a contact has
    no timeline, and who may see or act on it is the contact policy's question, not a case
    grant's. The note is encrypted; the dates and the assignee are plain, for My work to list
    them without decrypting anything. Never deleted: done (who, when) or reopened, each audited.
    """

    contact = models.ForeignKey(
        Contact,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("helpline contact"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    due_on = models.DateField(_("due on"), validators=[validate_plan_date])
    due_time = models.TimeField(_("at"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_follow_ups",
        verbose_name=_("assigned to"),
    )
    note = EncryptedTextField(_("note"), max_length=TEXT_MAX_LENGTH)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        ordering = ["due_on", "due_time", "pk"]
        verbose_name = _("call-back")
        verbose_name_plural = _("call-backs")
        indexes = [models.Index(fields=["assignee", "done_at", "due_on"])]
        constraints = [
            # Who marked it done is known only while it is done.
            models.CheckConstraint(
                condition=Q(done_at__isnull=False) | Q(done_by__isnull=True),
                name="helpline_followup_done_by_only_when_done",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"contact-{self.contact_id}/call-back-{self.pk}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue_on(self, today: date) -> bool:
        return not self.is_done and self.due_on < today
