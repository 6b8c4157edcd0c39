"""A user makes a token on their own page: its secret is on that answer only; the same form sent
again makes no second token; bad input shows field errors and makes nothing."""

import pytest

from strehe.api.models import ApiToken
from strehe.api.services import secret_hash

URL = "/en/staff/api-tokens/"


def once_token(page: str) -> str:
    marker = 'name="once" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


@pytest.mark.django_db
def test_the_secret_is_shown_once_and_a_second_sending_makes_nothing(login_as):
    client = login_as("advocate_arta")
    once = once_token(client.get(URL).content.decode())
    form = {"name": "case import", "lifetime_days": "90", "once": once}

    first = client.post(URL, form).content.decode()
    again = client.post(URL, form).content.decode()
    listing = client.get(URL).content.decode()

    token = ApiToken.objects.get()
    start = first.index('<code id="new-token">') + len('<code id="new-token">')
    secret = first[start : first.index("</code>", start)]
    assert secret_hash(secret) == token.secret_hash
    assert secret not in again and secret not in listing
    assert "made once" in again
    assert ApiToken.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form",
    [
        {"name": "", "lifetime_days": "90"},
        {"name": "x" * 101, "lifetime_days": "90"},
        {"name": "ok", "lifetime_days": "100000"},
        {"name": "ok", "lifetime_days": "-1"},
        {"name": "nul\x00", "lifetime_days": "30"},
    ],
)
def test_bad_input_makes_no_token(login_as, form):
    response = login_as("advocate_arta").post(URL, form)

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert ApiToken.objects.count() == 0
