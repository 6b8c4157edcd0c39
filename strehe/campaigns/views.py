"""Public campaign pages and the anonymous contact form.

Reading sets no cookie: the day pages carry no form. A reader who chooses to write a comment
opens a separate page, and only that page (and the contact form) sets the CSRF cookie its form
needs. A comment waiting for a moderator is shown to its author through the key in the address
they are sent back to, never through a cookie. Every page is never cached (no-store).
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from strehe.core.context import current_request_context
from strehe.core.forms import posted, submit_once, with_once_token
from strehe.portal.presentation import help_now

from . import selectors, services
from .antispam import client_hash
from .forms import CommentForm, ContactMessageForm
from .models import Campaign, CampaignDay
from .presentation import day_heading, long_date


def _client() -> str:
    return client_hash(current_request_context().client_address)


@require_safe
@never_cache
def campaign_index(request: HttpRequest, year: int) -> HttpResponse:
    """The campaign as a calendar: each date of the campaign, with its day's theme if known."""
    campaign = selectors.campaign_get(year=year)
    days_by_date = {day.date: day for day in selectors.published_days(campaign)}
    calendar = []
    date = campaign.starts_on
    while date <= campaign.ends_on:
        calendar.append((date, long_date(date), days_by_date.get(date)))
        date += dt.timedelta(days=1)
    # Days placed outside the campaign's dates still get listed, after the calendar.
    extra = [
        day
        for day in days_by_date.values()
        if not campaign.starts_on <= day.date <= campaign.ends_on
    ]
    return render(
        request,
        "campaigns/campaign_index.html",
        {"campaign": campaign, "calendar": calendar, "extra_days": extra},
    )


@require_safe
@never_cache
def day_detail(request: HttpRequest, year: int, number: int) -> HttpResponse:
    campaign = selectors.campaign_get(year=year)
    day = selectors.day_get(campaign=campaign, number=number)
    previous, following = selectors.day_neighbours(day)
    own = selectors.own_pending_comment(day=day, key=request.GET.get("comment", ""))
    context: dict[str, Any] = {
        "campaign": campaign,
        "day": day,
        "heading": day_heading(day),
        "previous": previous,
        "following": following,
        "comments": selectors.approved_comments(day),
        "own_pending": own,
        "help": help_now(at=timezone.now()) if day.shows_get_help else None,
    }
    return render(request, "campaigns/day_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def comment_write(request: HttpRequest, year: int, number: int) -> HttpResponse:
    """The "write a comment" step: the only campaign page with a form, so the only one that
    sets the CSRF cookie."""
    campaign = selectors.campaign_get(year=year)
    day = selectors.day_get(campaign=campaign, number=number)
    form = with_once_token(CommentForm(posted(request)))
    day_url = reverse("campaigns:day", kwargs={"year": year, "number": number})

    def save(data: dict[str, Any]) -> str:
        comment, key = services.comment_submit(
            day=day, pseudonym=data["pseudonym"], body=data["body"], client=_client()
        )
        if comment.status == comment.Status.APPROVED:
            return f"{day_url}#comment-{comment.pk}"
        return f"{day_url}?comment={key}#your-comment"

    if request.method == "POST":
        submitted = submit_once(form, save)
        if submitted is not None:
            return _redirect_see_other(submitted.url)
    return render(
        request,
        "campaigns/comment_form.html",
        {"campaign": campaign, "day": day, "heading": day_heading(day), "form": form},
    )


def _redirect_see_other(url: str) -> HttpResponse:
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def contact(request: HttpRequest) -> HttpResponse:
    """The anonymous form: a message to the helpline, which becomes one helpline contact.

    A refused form is shown again with what was typed, on this page only, which is never
    stored by a cache (no-store); the confirmation page repeats nothing of it.
    """
    form = with_once_token(ContactMessageForm(posted(request)))
    now = timezone.now()

    def save(data: dict[str, Any]) -> str:
        help_state = help_now(at=now)
        services.public_message_submit(
            message=data["message"],
            about=data["about"],
            reach_back=data["reach_back"],
            language=data["language"],
            client=_client(),
            helpline_open=not help_state.closed if help_state.helplines else None,
        )
        return reverse("campaigns:contact_sent")

    if request.method == "POST":
        submitted = submit_once(form, save)
        if submitted is not None:
            return _redirect_see_other(submitted.url)
    return render(request, "campaigns/contact_form.html", {"form": form})


@require_safe
@never_cache
def contact_sent(request: HttpRequest) -> HttpResponse:
    """What happens next, and the helpline's number: nothing of what was sent."""
    return render(request, "campaigns/contact_sent.html", {"help": help_now(at=timezone.now())})


def campaign_url(campaign: Campaign) -> str:
    return reverse("campaigns:index", kwargs={"year": campaign.year})


def day_url(day: CampaignDay) -> str:
    return reverse("campaigns:day", kwargs={"year": day.campaign.year, "number": day.number})
