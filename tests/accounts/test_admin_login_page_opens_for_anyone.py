"""The README sends administrators to /<lang>/admin/login/: it must open before anyone logs in."""

import pytest

from .conftest import __all__ as _fixtures  # noqa: F401


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_anonymous_admin_login_page_is_200(client, language):
    response = client.get(f"/{language}/admin/login/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_the_admin_index_still_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get("/en/admin/")

    assert response.status_code == 302
    assert "/en/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_a_caseworker_still_cannot_enter_the_admin(login_as):
    response = login_as("advocate_arta").get("/en/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
