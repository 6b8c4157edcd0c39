"""404, 403 and 500 pages in the reader's language and the site's layout, with the quick exit;
the 500 page is drawn without touching the database."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.test import Client, RequestFactory

from strehe.core.views import server_error

QUICK_EXIT = 'id="quick-exit"'


@pytest.mark.django_db
def test_an_unknown_albanian_address_answers_404_in_albanian(client):
    response = client.get("/sq/nowhere/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="sq">' in html
    assert "Faqja nuk u gjet" in html
    assert QUICK_EXIT in html
    assert 'href="/sq/get-help/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("sq", "Faqja nuk u gjet"), ("sr", "Stranica nije pronađena"), ("en", "Page not found")],
)
def test_404_in_each_language(client, language, title):
    response = client.get(f"/{language}/pages/no-such-page/")

    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()
    assert title in response.content.decode()


@pytest.mark.django_db
def test_403_in_the_readers_language(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr("strehe.portal.views.content_page_get", refuse)

    response = client.get("/sr/what-is-trafficking/")

    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="sr">' in html
    assert "Nije dozvoljeno" in html
    assert QUICK_EXIT in html


@pytest.mark.django_db
def test_500_when_the_database_fails_in_the_readers_language(monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("the database is gone")

    monkeypatch.setattr("strehe.portal.views.content_page_get", broken)

    response = Client(raise_request_exception=False).get("/sq/what-is-trafficking/")

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sq">' in html
    assert "Diçka shkoi keq" in html
    assert QUICK_EXIT in html


def test_the_500_page_needs_no_database(django_assert_max_num_queries):
    # No database access is allowed in this test at all: any query would raise.
    request = RequestFactory().get("/en/get-help/")

    response = server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="en">' in html
    assert "Something went wrong" in html
    assert QUICK_EXIT in html
