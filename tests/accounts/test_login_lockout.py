import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from tests.staff import STAFF_PASSWORD


def login_url() -> str:
    with translation.override("en"):
        return reverse("accounts:login")


def attempt(client: Client, password: str):
    return client.post(login_url(), {"username": "advocate_arta", "password": password})


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(staff):
    client = Client()

    for _ in range(5):
        assert attempt(client, "wrong password").status_code in (200, 429)
    response = attempt(Client(), STAFF_PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).count() >= 5
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOCKED_OUT).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN).exists()


@pytest.mark.django_db
def test_four_wrong_passwords_do_not_lock(staff):
    for _ in range(4):
        attempt(Client(), "wrong password")

    response = attempt(Client(), STAFF_PASSWORD)

    assert response.status_code == 302
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.LOGIN, actor_username="advocate_arta"
    ).exists()


@pytest.mark.django_db
def test_a_failed_login_is_logged_with_the_attempted_username_not_the_password(staff):
    attempt(Client(), "my secret guess")

    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED)
    assert entry.detail == {"username": "advocate_arta"}
    assert "my secret guess" not in str(entry.__dict__)
