"""Words of the campaign pages in the active language: the "DAY 6 // NOVEMBER 30, 2012" heading."""

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import CampaignDay


def long_date(day: dt.date) -> str:
    # Translators: a date format of Django's date filter: "F j, Y" is "November 30, 2012".
    return date_format(day, pgettext("campaign date format", "F j, Y"))


def day_heading(day: CampaignDay) -> str:
    """ "Day 6 // November 30, 2012", set in capitals by the stylesheet."""
    return _("Day %(number)d // %(date)s") % {"number": day.number, "date": long_date(day.date)}
