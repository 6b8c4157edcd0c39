"""Public pages rendered once and served from the cache until something they show changes.

A public page changes for two reasons only: public content was edited (the directory, the
public texts), or time reached an instant known in advance: a service opens or closes, or the
local day changes ("opens Monday" becomes a date a week ahead). So each cached page is kept
under the content generation it was made with (core.ContentGeneration, whose token every edit of
a directory or portal row changes in its own transaction) and carries the instant it stops being
true: the next opening or closing of any service, or the next local midnight. Nothing needs to
be invalidated by hand, and a page is never served past either change.

Only readers without a session are served from the cache (staff looking at the public site get a
fresh page), and only the query strings the pages understand, so that nobody can fill the cache
with addresses of their own making. The cache is Django's: local memory per process by default,
Redis shared by every server when REDIS_URL is set.
"""

import datetime as dt
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from strehe.core.models import ContentGeneration
from strehe.directory.hours import service_state
from strehe.directory.models import Service
from strehe.directory.selectors import public_holiday_dates

# The apps whose rows public pages show.
PUBLIC_CONTENT_APPS = ("directory", "portal")
# Query parameters a public page understands; any other query is answered without the cache.
CACHEABLE_QUERY = {"municipality"}
MAX_QUERY_LENGTH = 100

View = Callable[..., HttpResponse]


def content_generation() -> str:
    token = ContentGeneration.objects.filter(pk=1).values_list("token", flat=True).first()
    if token is None:
        # The row a migration wrote is gone (a flushed database): start a generation anew.
        ContentGeneration.objects.bulk_create(
            [ContentGeneration(pk=1, token=secrets.token_hex(16))], ignore_conflicts=True
        )
        token = ContentGeneration.objects.values_list("token", flat=True).get(pk=1)
    return token


def content_generation_bump() -> None:
    """A new generation: every cached public page is out of date. Call in the transaction of
    the change."""
    ContentGeneration.objects.update_or_create(pk=1, defaults={"token": secrets.token_hex(16)})


def _bump_on_change(sender: type[Model], **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures loading: the loader's command bumps once
    content_generation_bump()


def connect_content_signals() -> None:
    """Every save and delete of a public-content row starts a new generation."""
    for label in PUBLIC_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"content-generation-{model._meta.label}"
            post_save.connect(_bump_on_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_bump_on_change, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _bump_on_change, sender=field.remote_field.through, dispatch_uid=f"{uid}-m2m"
                )


def next_change(now: dt.datetime) -> dt.datetime:
    """The first instant after `now` at which a public page may read differently: a service
    opening or closing, or midnight where the services are."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = now.astimezone(zone)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    changes = [midnight]
    services = Service.objects.prefetch_related("opening_hours", "exceptions")
    # Public holidays close weekly hours (directory.hours), as the pages themselves say.
    holidays = public_holiday_dates()
    for service in services:
        state = service_state(service, now, holidays)
        for instant in (state.until, state.next_opening):
            if instant is not None and instant > now:
                changes.append(instant)
    return min(changes)


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    query = request.META.get("QUERY_STRING", "")
    return set(request.GET) <= CACHEABLE_QUERY and len(query) <= MAX_QUERY_LENGTH


def cached_public_page(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        # The generation is read before the page is made: a page made while an edit commits is
        # kept under the older generation, never the newer one.
        key = f"public-page:{content_generation()}:{request.get_full_path()}"
        now = timezone.now()
        cached = cache.get(key)
        if cached is not None and now < cached["valid_until"]:
            return HttpResponse(cached["content"], content_type=cached["content_type"])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            valid_until = next_change(now)
            cache.set(
                key,
                {
                    "content": response.content,
                    "content_type": response["Content-Type"],
                    "valid_until": valid_until,
                },
                timeout=max(1, int((valid_until - now).total_seconds())),
            )
        return response

    return wrapped
