"""An administrator's password reset of another user is audited (never the password) and ends
every session of that user at once."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from tests.staff import verified_client

NEW_PASSWORD = "a new and unusual passphrase 91"


def reset(client, user, password: str, repeat: str):  # type: ignore[no-untyped-def]
    with translation.override("en"):
        return client.post(
            reverse("admin:auth_user_password_change", args=[user.pk]),
            {"usable_password": "true", "password1": password, "password2": repeat},
        )


def reaches_cases(client) -> bool:  # type: ignore[no-untyped-def]
    with translation.override("en"):
        return client.get(reverse("cases:list")).status_code == 200


@pytest.mark.django_db
def test_a_reset_is_audited_and_ends_her_sessions(staff, admin_client_of):
    arta = staff["advocate_arta"]
    artas_browser = verified_client(arta)
    assert reaches_cases(artas_browser)
    token = arta.session_token

    response = reset(admin_client_of("admin_ana"), arta, NEW_PASSWORD, NEW_PASSWORD)

    assert response.status_code == 302
    arta.refresh_from_db()
    assert arta.check_password(NEW_PASSWORD)
    assert arta.session_token != token
    assert not reaches_cases(artas_browser)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE, target_id=str(arta.pk))
    assert (entry.actor_username, entry.fields) == ("admin_ana", ["password"])
    assert entry.detail["sessions"] == "ended"
    assert NEW_PASSWORD not in str(entry.detail) and arta.password not in str(entry.detail)


@pytest.mark.django_db
def test_a_refused_reset_changes_nothing(staff, admin_client_of):
    arta = staff["advocate_arta"]
    artas_browser = verified_client(arta)

    response = reset(admin_client_of("admin_ana"), arta, NEW_PASSWORD, "something else 12345")

    assert response.status_code == 200
    assert reaches_cases(artas_browser)
    assert not AuditEntry.objects.filter(
        action=AuditEntry.Action.CHANGE, target_id=str(arta.pk)
    ).exists()


@pytest.mark.django_db
def test_her_own_password_change_keeps_her_logged_in(administrators, admin_client_of):
    ana = administrators["admin_ana"]
    client = admin_client_of("admin_ana")

    response = reset(client, ana, NEW_PASSWORD, NEW_PASSWORD)

    assert response.status_code == 302
    with translation.override("en"):
        assert client.get(reverse("admin:index")).status_code == 200
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CHANGE, target_id=str(ana.pk), fields=["password"]
    ).exists()
