"""Referrals of a case to another agency's service, and what the receiving agency may see.

A referral is sent by an agency that works the case to a service of the directory whose
organisation has staff in the system (an Agency). Until the receiver accepts, they see a summary
without identifying data (selectors.referral_summary); accepting starts an access grant with
basis "referral" limited to the parts the sender chose; declining, revoking and completing end
the referral, and with it the grant, in the same transaction (services).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency
from strehe.cases.models import AccessGrant, Case, CasePart, Consent, ConsentOverride
from strehe.core.crypto import EncryptedTextField
from strehe.core.validation import TEXT_MAX_LENGTH
from strehe.directory.models import Service


class Urgency(models.TextChoices):
    # The hours each has to be answered in are settings.REFERRAL_ANSWER_HOURS.
    IMMEDIATE = "immediate", _("Immediate")
    URGENT = "urgent", _("Urgent")
    ROUTINE = "routine", _("Routine")


def answer_hours(urgency: str) -> int:
    return int(settings.REFERRAL_ANSWER_HOURS[urgency])


class Referral(models.Model):
    class State(models.TextChoices):
        SENT = "sent", _("Sent, waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Completed")
        REVOKED = "revoked", _("Revoked by the sender")

    Urgency = Urgency
    # States in which the referral is still running; the receiving agency sees it only then.
    OPEN_STATES = (State.SENT, State.ACCEPTED)
    # The parts a sender may share, each a boolean column (share_<part>).
    PARTS = tuple(CasePart.values)

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("case")
    )
    sending_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("referring agency")
    )
    receiving_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("receiving agency"),
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="+", verbose_name=_("service")
    )
    # Free text that may describe the person: encrypted.
    reason = EncryptedTextField(_("reason"), max_length=TEXT_MAX_LENGTH)
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices)
    share_identity = models.BooleanField(_("identity"), default=False)
    share_risk = models.BooleanField(_("risk"), default=False)
    share_narrative = models.BooleanField(_("narrative"), default=False)
    share_events = models.BooleanField(_("trafficking events"), default=False)
    share_notes = models.BooleanField(_("notes"), default=False)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.SENT)
    # What sharing rests on: the person's consent to share with the receiving agency, or the
    # audited override. The grant started at acceptance names the same, so withdrawing the
    # consent ends it (cases.services.consent_withdraw).
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override = models.ForeignKey(
        ConsentOverride, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"))
    # Fixed when sent, from the urgency: a later change of the settings moves no deadline.
    answer_due_at = models.DateTimeField(_("answer due"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = EncryptedTextField(
        _("why it was declined"), max_length=TEXT_MAX_LENGTH, null=True, blank=True
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    revoke_reason = EncryptedTextField(
        _("why it was revoked"), max_length=TEXT_MAX_LENGTH, null=True, blank=True
    )
    grant = models.OneToOneField(
        AccessGrant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referral",
        verbose_name=_("access grant"),
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["receiving_agency", "state"]),
            models.Index(fields=["sent_by", "state", "answer_due_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["sent", "accepted", "declined", "completed", "revoked"]),
                name="referrals_referral_state",
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=Urgency.values), name="referrals_referral_urgency"
            ),
            models.CheckConstraint(
                condition=~Q(sending_agency=models.F("receiving_agency")),
                name="referrals_referral_to_another_agency",
            ),
            # Sharing rests on a consent or an override, never on nothing.
            models.CheckConstraint(
                condition=Q(consent__isnull=False) | Q(override__isnull=False),
                name="referrals_referral_has_basis",
            ),
            # Only an accepted referral holds a grant in force; the grant row stays afterwards.
            models.CheckConstraint(
                condition=~Q(state="accepted") | Q(grant__isnull=False),
                name="referrals_referral_accepted_has_grant",
            ),
            # One running referral of a case to an agency: its grant is then the only one.
            models.UniqueConstraint(
                fields=["case", "receiving_agency"],
                condition=Q(state__in=["sent", "accepted"]),
                name="referrals_referral_one_open_per_agency",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"{self.case.code}/referral-{self.pk}"

    @property
    def parts(self) -> list[str]:
        """The CasePart codes the sender chose to share."""
        return [part for part in self.PARTS if getattr(self, f"share_{part}")]

    def part_labels(self) -> list[str]:
        return [str(CasePart(part).label) for part in self.parts]

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def is_overdue_at(self, moment: datetime.datetime) -> bool:
        """Not answered within the time its urgency allows."""
        return self.state == self.State.SENT and self.answer_due_at < moment
