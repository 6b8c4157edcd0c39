"""A public page is rendered once and then served from the cache, with a single query (the
content generation), until what it shows changes: an edit of the directory or of a public text,
a service opening or closing, or the local day ending. Staff and unknown queries bypass it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strehe.core.models import ContentGeneration
from strehe.directory.models import Organisation
from strehe.portal.caching import next_change
from tests.staff import agencies, make_user, verified_client

__all__ = ["agencies"]

BELGRADE = ZoneInfo("Europe/Belgrade")


def queries_of(client, path):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def at(monkeypatch):  # type: ignore[no-untyped-def]
    def pin(*args: int) -> None:
        instant = dt.datetime(*args, tzinfo=BELGRADE)
        monkeypatch.setattr("django.utils.timezone.now", lambda: instant)

    return pin


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/sq/get-help/", "/sr/get-help/?municipality=prizren"])
def test_the_second_reader_costs_one_query_and_gets_the_same_page(client, reference, at, path):
    at(2026, 11, 27, 10, 0)
    first_queries, first = queries_of(client, path)
    second_queries, second = queries_of(client, path)

    assert first_queries > 3
    assert second_queries == 1
    assert second == first


@pytest.mark.django_db
def test_an_edit_in_the_directory_shows_at_once(client, reference, at):
    at(2026, 11, 27, 10, 0)
    queries_of(client, "/en/get-help/?municipality=prizren")
    organisation = Organisation.objects.get(name_en="Centre for Social Work Prizren")
    organisation.name_en = "Centre for Social Work of Prizren (renamed)"
    organisation.save()

    _queries, page = queries_of(client, "/en/get-help/?municipality=prizren")

    assert "Centre for Social Work of Prizren (renamed)" in page


@pytest.mark.django_db
def test_the_cached_page_ends_when_the_helpline_closes(client, reference, at):
    at(2026, 11, 27, 21, 59)
    _queries, open_page = queries_of(client, "/en/get-help/")
    at(2026, 11, 27, 21, 59, 59)
    cached_queries, _page = queries_of(client, "/en/get-help/")
    at(2026, 11, 27, 22, 0)
    _queries, closed_page = queries_of(client, "/en/get-help/")

    assert cached_queries == 1
    assert "Open now, until 22:00" in open_page
    assert "Closed, opens Monday 08:00" in closed_page


@pytest.mark.django_db
def test_the_next_change_is_the_next_opening_closing_or_midnight(reference):
    friday_evening = dt.datetime(2026, 11, 27, 21, 0, tzinfo=BELGRADE)
    saturday_noon = dt.datetime(2026, 11, 28, 12, 0, tzinfo=BELGRADE)

    assert next_change(friday_evening) == dt.datetime(2026, 11, 27, 22, 0, tzinfo=BELGRADE)
    assert next_change(saturday_noon) <= dt.datetime(2026, 11, 29, 0, 0, tzinfo=BELGRADE)
    assert next_change(saturday_noon) > saturday_noon


@pytest.mark.django_db
def test_staff_and_unknown_queries_are_not_served_from_the_cache(client, reference, agencies, at):
    at(2026, 11, 27, 10, 0)
    queries_of(client, "/en/get-help/?utm_source=x")
    unknown_again, _page = queries_of(client, "/en/get-help/?utm_source=x")
    staff_client = verified_client(
        make_user("advocate_cache", "victim_advocate", agencies["advocates"])
    )
    queries_of(staff_client, "/en/get-help/")
    staff_again, _page = queries_of(staff_client, "/en/get-help/")

    assert unknown_again > 1
    assert staff_again > 1


@pytest.mark.django_db
def test_loading_reference_data_starts_a_new_generation(reference):
    before = ContentGeneration.objects.get(pk=1).token
    call_command("loadreference", "--overwrite", verbosity=0)

    assert ContentGeneration.objects.get(pk=1).token != before
