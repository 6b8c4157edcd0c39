"""Reads of the campaign pages: only published days, only approved comments (and the one
comment whose author holds its key)."""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from .models import Campaign, CampaignDay, Comment
from .services import author_key_hash


def campaign_get(*, year: int) -> Campaign:
    campaign = Campaign.objects.filter(year=year).first()
    if campaign is None:
        raise Http404("No such campaign")
    return campaign


def published_days(campaign: Campaign, *, at: dt.datetime | None = None) -> QuerySet[CampaignDay]:
    return campaign.days.published(at=at or timezone.now()).order_by("number")  # type: ignore[attr-defined]


def day_get(*, campaign: Campaign, number: int) -> CampaignDay:
    day = published_days(campaign).filter(number=number).first()
    if day is None:
        raise Http404("No such day")
    return day


def day_neighbours(day: CampaignDay) -> tuple[CampaignDay | None, CampaignDay | None]:
    days = published_days(day.campaign)
    previous = days.filter(number__lt=day.number).order_by("-number").first()
    following = days.filter(number__gt=day.number).order_by("number").first()
    return previous, following


def approved_comments(day: CampaignDay) -> QuerySet[Comment]:
    return day.comments.filter(status=Comment.Status.APPROVED)


def own_pending_comment(*, day: CampaignDay, key: str) -> Comment | None:
    """The comment whose author holds `key`, while it waits for a moderator."""
    if not key or len(key) > 100:
        return None
    return day.comments.filter(
        author_key_hash=author_key_hash(key), status=Comment.Status.PENDING
    ).first()


def moderation_queue() -> QuerySet[Comment]:
    return Comment.objects.filter(status=Comment.Status.PENDING).select_related("day__campaign")


def latest_campaign() -> Campaign | None:
    return Campaign.objects.filter(days__status=CampaignDay.Status.PUBLISHED).first()
