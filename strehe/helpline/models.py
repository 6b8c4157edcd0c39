"""The helpline log: one row per call, message or visit to the helpline.

The helpline is anonymous by default. A contact logged through the public form has no staff
author and must stay anonymous; the database refuses anything else.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.core.crypto import EncryptedTextField
from strehe.core.validation import TEXT_MAX_LENGTH, validate_not_before_earliest_record

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
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}, {self.contacted_at:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if self.contacted_at and self.contacted_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(
                {"contacted_at": _("The time of contact cannot be in the future.")}
            )
        if self.recorded_by_id is None and not self.anonymous:
            raise ValidationError(
                {"anonymous": _("A contact from the public form is always anonymous.")}
            )
