import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "staff"]

LANGUAGES = ["sq", "sr", "en"]
KOSOVO = ZoneInfo("Europe/Belgrade")
READER_ADDRESS = "203.0.113.77"


@pytest.fixture
def reference(db):  # type: ignore[no-untyped-def]
    call_command("loadreference", verbosity=0)


@pytest.fixture
def quick_forms(settings):  # type: ignore[no-untyped-def]
    """No minimum time on page, for tests that are not about it."""
    settings.STREHE_PUBLIC_FORM_MIN_SECONDS = 0
    return settings


def reader() -> Client:
    return Client(REMOTE_ADDR=READER_ADDRESS)


def form_fields(html: str) -> dict[str, str]:
    """The hidden fields of the page's public form (one-time token, start time)."""
    return dict(re.findall(r'<input type="hidden" name="(once|started)" value="([^"]*)"', html))


def post_comment(client: Client, day_url: str, body: str, **extra: str):  # type: ignore[no-untyped-def]
    page = client.get(f"{day_url}write-a-comment/")
    data = {**form_fields(page.content.decode()), "pseudonym": "", "body": body, "website": ""}
    data.update(extra)
    return client.post(f"{day_url}write-a-comment/", data)


def next_weekday_at(weekday: int, hour: int, minute: int = 0) -> dt.datetime:
    """The next `weekday` (0 Monday) from today, at hour:minute Kosovo time; computed when run."""
    today = timezone.now().astimezone(KOSOVO).date()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=KOSOVO)


@pytest.fixture
def fixed_clock(monkeypatch) -> Callable[[dt.datetime], None]:  # type: ignore[no-untyped-def]
    """Pin timezone.now() (which the public pages read) to a given instant."""

    def pin(instant: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: instant.astimezone(dt.UTC))

    return pin
