"""The Atom feed of a campaign's published days (Django's syndication framework)."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from . import selectors
from .models import Campaign, CampaignDay
from .presentation import day_heading
from .views import campaign_url, day_url

SUMMARY_WORDS = 60


class CampaignFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, year: int) -> Campaign:  # type: ignore[override]
        return selectors.campaign_get(year=year)

    def title(self, campaign: Campaign) -> str:
        return f"{campaign.title} {campaign.year}"

    def link(self, campaign: Campaign) -> str:
        return campaign_url(campaign)

    def subtitle(self, campaign: Campaign) -> str:
        return campaign.summary or _("The days of the campaign, one theme a day.")

    def items(self, campaign: Campaign) -> list[CampaignDay]:
        return list(selectors.published_days(campaign))

    def item_title(self, day: CampaignDay) -> str:
        return f"{day_heading(day)}: {day.theme}"

    def item_description(self, day: CampaignDay) -> str:
        return Truncator(day.body).words(SUMMARY_WORDS)

    def item_link(self, day: CampaignDay) -> str:
        return day_url(day)

    def item_pubdate(self, day: CampaignDay) -> dt.datetime | None:
        return day.published_at

    def item_updateddate(self, day: CampaignDay) -> dt.datetime | None:
        return day.published_at
