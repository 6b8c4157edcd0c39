"""The CSRF cookie of the staff login dies with the browser, like the session."""

import pytest


@pytest.mark.django_db
def test_the_login_page_sets_a_csrf_cookie_without_expiry(client):
    response = client.get("/en/staff/login/")

    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
