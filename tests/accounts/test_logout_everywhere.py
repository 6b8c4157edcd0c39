import pytest
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry


@pytest.mark.django_db
def test_logout_everywhere_ends_the_users_sessions_on_every_device(login_as):
    laptop = login_as("advocate_arta")
    phone = login_as("advocate_arta")
    colleague = login_as("investigator_ilir")

    with translation.override("en"):
        assert phone.get(reverse("cases:list")).status_code == 200
        response = laptop.post(reverse("accounts:logout_everywhere"))

        assert response.status_code == 302
        assert phone.get(reverse("cases:list")).status_code == 302
        assert laptop.get(reverse("cases:list")).status_code == 302
        assert colleague.get(reverse("cases:list")).status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGOUT_EVERYWHERE).count() == 1


@pytest.mark.django_db
def test_the_staff_home_has_the_logout_everywhere_button(login_as):
    with translation.override("en"):
        page = login_as("advocate_arta").get(reverse("accounts:home")).content.decode()

        assert f'action="{reverse("accounts:logout_everywhere")}"' in page


@pytest.mark.django_db
def test_an_administrator_ends_the_sessions_of_a_user_who_lost_her_phone(login_as, staff):
    phone = login_as("advocate_arta")
    staff["administrator_agim"].is_staff = True
    staff["administrator_agim"].save()

    with translation.override("en"):
        response = login_as("administrator_agim").post(
            reverse("admin:accounts_user_changelist"),
            {"action": "end_all_sessions", "_selected_action": [staff["advocate_arta"].pk]},
        )

        assert response.status_code == 302
        assert phone.get(reverse("cases:list")).status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGOUT_EVERYWHERE)
    assert (entry.actor_username, entry.target_label) == ("administrator_agim", "advocate_arta")
