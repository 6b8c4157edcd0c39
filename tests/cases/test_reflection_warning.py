"""The detail page and the list warn in the last week of the reflection period, not earlier,
and not once it is over."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from strehe.cases.models import Case
from tests.cases.workflow import url

WARNING = "The reflection period ends on"


def ending_in(case, days):
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(
        stage=Case.Stage.INITIAL_ASSISTANCE,
        reflection_starts_on=today - datetime.timedelta(days=60),
        reflection_ends_on=today + datetime.timedelta(days=days),
    )


def pages(client, case):
    detail = client.get(url("cases:detail", case)).content.decode()
    with translation.override("en"):
        listing = client.get(reverse("cases:list")).content.decode()
    return detail, listing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("days", "text"),
    [(7, "(days left: 7)"), (1, "(days left: 1)"), (0, "(days left: 0)")],
)
def test_a_week_ahead_and_on_the_last_day_the_case_warns(records_of, login_as, days, text):
    case = records_of("social_worker_sokol").own
    ending_in(case, days)

    detail, listing = pages(login_as("social_worker_sokol"), case)

    assert WARNING in detail
    assert text in detail
    assert "ends soon" in listing


@pytest.mark.django_db
@pytest.mark.parametrize("days", [8, 30, -1])
def test_earlier_or_after_the_end_there_is_no_warning(records_of, login_as, days):
    case = records_of("social_worker_sokol").own
    ending_in(case, days)

    detail, listing = pages(login_as("social_worker_sokol"), case)

    assert WARNING not in detail
    assert "ends soon" not in listing
    # The period itself is still shown.
    assert "From " in detail
