"""Public pages answer HEAD like GET (link checkers and monitors use it), with an empty body."""

import pytest

from .conftest import LANGUAGES
from .public_urls import public_urls


@pytest.mark.django_db
def test_head_on_get_help_is_200(client, reference):
    response = client.head("/en/get-help/")

    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_head_and_still_refuses_post(client, reference, language):
    urls = public_urls(language)

    assert [url for url in urls if client.head(url).status_code != 200] == []
    assert client.post(urls[0]).status_code == 405


def test_healthz_answers_head(client, db):
    assert client.head("/healthz").status_code == 200
