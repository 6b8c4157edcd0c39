import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry


@pytest.mark.django_db
def test_an_administrator_changing_a_role_writes_a_permission_change(login_as, staff):
    target = staff["operator_olta"]
    client = login_as("administrator_agim")
    # The role, not the superuser flag, gives the right to manage users.
    staff["administrator_agim"].is_staff = True
    staff["administrator_agim"].save()

    with translation.override("en"):
        url = reverse("admin:accounts_user_change", args=[target.pk])
        form = client.get(url)
        assert form.status_code == 200
        response = client.post(
            url,
            {
                "username": target.username,
                "role": "victim_advocate",
                "agency": target.agency_id,
                "is_active": "on",
                "date_joined_0": "2026-01-01",
                "date_joined_1": "10:00:00",
            },
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PERMISSION_CHANGE)
    assert entry.actor_username == "administrator_agim"
    assert entry.target_label == "operator_olta"
    assert "role" in entry.fields


@pytest.mark.django_db
def test_a_coordinator_with_the_staff_flag_still_cannot_use_the_admin(login_as, staff):
    staff["coordinator_drita"].is_staff = True
    staff["coordinator_drita"].save()

    with translation.override("en"):
        response = login_as("coordinator_drita").get(reverse("admin:index"))

    assert response.status_code == 302


@pytest.mark.django_db
def test_the_admin_site_requires_the_second_factor(staff):
    admin = staff["administrator_agim"]
    admin.is_staff = True
    admin.save()
    client = Client()
    client.force_login(admin)

    with translation.override("en"):
        response = client.get(reverse("admin:index"))

    assert response.status_code == 302
