"""An administrator lifts a login lock from the admin, and the unlock is audited; only whoever
manages users sees the failed attempts."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from tests.staff import STAFF_PASSWORD

ADDRESS = "203.0.113.9"


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def attempt(username: str, password: str, address: str = ADDRESS):
    return Client().post(
        url("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def everyone_is_staff(staff):
    # Everyone may pass Django's own is_staff gate: the role alone decides below.
    for user in staff.values():
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return staff


@pytest.fixture
def arta_locked(everyone_is_staff):
    staff = everyone_is_staff
    for _ in range(5):
        attempt("advocate_arta", "wrong password")
    assert attempt("advocate_arta", STAFF_PASSWORD).status_code == 429
    return staff["advocate_arta"]


@pytest.mark.django_db
def test_unlock_login_on_the_users_list(arta_locked, login_as, staff):
    admin = login_as("administrator_agim")

    response = admin.post(
        url("admin:accounts_user_changelist"),
        {"action": "unlock_login", "_selected_action": [arta_locked.pk]},
    )

    assert response.status_code == 302
    assert attempt("advocate_arta", STAFF_PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UNLOCK)
    assert entry.actor_id == staff["administrator_agim"].pk
    assert (entry.target_type, entry.target_id) == ("accounts.user", str(arta_locked.pk))
    assert entry.detail == {"attempts_removed": 1}


@pytest.mark.django_db
def test_unlock_from_the_login_attempts_list(arta_locked, login_as, staff):
    admin = login_as("administrator_agim")
    listing = admin.get(url("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    assert ADDRESS in listing.content.decode()
    locked = AccessAttempt.objects.get(username="advocate_arta")

    admin.post(
        url("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [locked.pk]},
    )

    assert not AccessAttempt.objects.exists()
    assert attempt("advocate_arta", STAFF_PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UNLOCK)
    assert entry.actor_id == staff["administrator_agim"].pk
    # Five wrong passwords, and the right one refused while locked.
    assert entry.detail == {"username": "advocate_arta", "address": ADDRESS, "failures": 6}


@pytest.mark.django_db
def test_the_attempts_list_cannot_be_edited_or_deleted_unaudited(arta_locked, login_as):
    admin = login_as("administrator_agim")
    locked = AccessAttempt.objects.get(username="advocate_arta")

    assert admin.get(url("admin:axes_accessattempt_add")).status_code == 403
    assert admin.post(url("admin:axes_accessattempt_delete", locked.pk)).status_code == 403
    assert AccessAttempt.objects.filter(pk=locked.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["coordinator_drita", "advocate_arta", "statistician_besnik"])
def test_nobody_else_sees_the_attempts(everyone_is_staff, login_as, username):
    response = login_as(username).get(url("admin:axes_accessattempt_changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
