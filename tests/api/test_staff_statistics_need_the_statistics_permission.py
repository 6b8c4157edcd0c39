"""Only the roles that may open the staff statistics page get figures from the staff statistics
endpoint; every other role gets 403, and nobody signed in gets 401, both in the one error
shape. The public endpoint answers everyone."""

import pytest
from django.test import Client

from tests.api.tokens import bearer, token_for
from tests.staff import NAMED_USERS

pytestmark = pytest.mark.django_db

PARAMS = {"date_from": "2012-01-01", "date_to": "2012-12-31", "by": "sex"}


@pytest.mark.parametrize("username", NAMED_USERS)
def test_the_token_may_what_the_page_may(staff, login_as, username):
    page = login_as(username).get("/en/staff/statistics/", PARAMS)

    response = bearer(token_for(staff[username])).get("/api/v1/statistics/", PARAMS)

    if page.status_code == 200:
        assert response.status_code == 200
        assert response.json()["total"] == 0
    else:
        assert page.status_code == 403
        assert response.status_code == 403
        assert response.json()["error"] == "permission_denied"
        assert set(response.json()) == {"error", "detail", "fields"}


def test_the_statistics_roles_are_the_coordinator_and_the_statistician(staff):
    allowed = {
        username
        for username in NAMED_USERS
        if bearer(token_for(staff[username])).get("/api/v1/statistics/", PARAMS).status_code == 200
    }

    assert allowed == {"coordinator_drita", "statistician_besnik"}


def test_anonymous_is_asked_to_sign_in():
    response = Client().get("/api/v1/statistics/", PARAMS)

    assert response.status_code == 401
    assert response.json() == {
        "error": "not_authenticated",
        "detail": response.json()["detail"],
        "fields": {},
    }


def test_the_public_endpoint_answers_anyone():
    assert Client().get("/api/v1/public/statistics/").status_code == 200
