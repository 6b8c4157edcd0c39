"""The yearly "16 Days of Activism" campaign: its days with their themes, readers' comments held
for moderation, and the throttle that keeps public forms from being flooded.

Comments are plain text, shown escaped with their line breaks; a link stays text. Nothing here
holds a reader's address: the throttle stores a salted hash that expires with its window.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.core.validation import NAME_MAX_LENGTH

COMMENT_MAX_LENGTH = 2000
PSEUDONYM_MAX_LENGTH = 80


def default_start(year: int) -> dt.date:
    return dt.date(year, 11, 25)


def default_end(year: int) -> dt.date:
    return dt.date(year, 12, 10)


class Campaign(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    summary = models.TextField(_("summary"), blank=True)
    # 25 November to 10 December unless a year's campaign says otherwise (save() fills them).
    starts_on = models.DateField(_("first day"), blank=True)
    ends_on = models.DateField(_("last day"), blank=True)
    sources = models.TextField(_("sources"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="campaign_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.starts_on is None:
            self.starts_on = default_start(self.year)
        if self.ends_on is None:
            self.ends_on = default_end(self.year)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class DayQuerySet(models.QuerySet["CampaignDay"]):
    def published(self, *, at: dt.datetime | None = None) -> "DayQuerySet":
        return self.filter(
            status=CampaignDay.Status.PUBLISHED, published_at__lte=at or timezone.now()
        )


class CampaignDay(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="days", verbose_name=_("campaign")
    )
    number = models.PositiveSmallIntegerField(_("day number"))
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=NAME_MAX_LENGTH)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Plain text; an empty line starts a new paragraph.")
    )
    sources = models.TextField(_("sources"), blank=True)
    # The day's page shows the live "get help" block of the directory (helpline and its state).
    shows_get_help = models.BooleanField(_("shows the get-help block"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("A published day appears from this time on."),
    )

    objects = DayQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("campaign day")
        verbose_name_plural = _("campaign days")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="campaign_day_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=31), name="campaign_day_number_range"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="campaign_day_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign.year} day {self.number}: {self.theme}"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    day = models.ForeignKey(
        CampaignDay, on_delete=models.CASCADE, related_name="comments", verbose_name=_("day")
    )
    pseudonym = models.CharField(_("name"), max_length=PSEUDONYM_MAX_LENGTH, blank=True)
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    redacted = models.BooleanField(_("redacted by a moderator"), default=False)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    # SHA-256 of the random key in the author's link back to the page: whoever holds that link
    # (the author) sees the comment while it waits, and nobody needs a cookie for it.
    author_key_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected"]),
                name="comment_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} #{self.pk}"


class PostThrottle(models.Model):
    """One public post (a comment or a contact message) by a client within the rate window.

    `client_hash` is an HMAC of the client's address with the site's secret and the number of the
    window it falls in, so the same address gives unrelated hashes in the next window, and rows
    older than the window are deleted at the next post. The address itself is never stored.
    """

    client_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("public post throttle")
        verbose_name_plural = _("public post throttles")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}"
