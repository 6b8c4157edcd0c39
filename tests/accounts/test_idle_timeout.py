import time

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.accounts.middleware import LAST_ACTIVITY_KEY
from strehe.audit.models import AuditEntry


def idle_for(client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


@pytest.mark.django_db
def test_31_idle_minutes_log_the_user_out(login_as):
    client = login_as("advocate_arta")
    with translation.override("en"):
        assert client.get(reverse("cases:list")).status_code == 200

        idle_for(client, 31 * 60)
        response = client.get(reverse("cases:list"))

        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
        assert client.get(reverse("cases:list")).status_code == 302
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.IDLE_LOGOUT, actor_username="advocate_arta"
    ).exists()


@pytest.mark.django_db
def test_29_idle_minutes_keep_the_session(login_as):
    client = login_as("advocate_arta")
    with translation.override("en"):
        client.get(reverse("cases:list"))

        idle_for(client, 29 * 60)

        assert client.get(reverse("cases:list")).status_code == 200


def test_the_session_itself_expires_after_30_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
