"""No administrator changes their own role, agency, permissions, staff or superuser status:
the form shows those fields read-only on one's own account, and a crafted POST is refused."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from strehe.accounts.models import RoleChangeRequest
from strehe.accounts.roles import Role
from strehe.accounts.services import SELF_PROTECTED_FIELDS, user_update
from strehe.audit.models import AuditEntry
from tests.accounts.conftest import admin_change_data


def change_url(user) -> str:  # type: ignore[no-untyped-def]
    with translation.override("en"):
        return reverse("admin:accounts_user_change", args=[user.pk])


def access_entries() -> int:
    return AuditEntry.objects.filter(action=AuditEntry.Action.PERMISSION_CHANGE).count()


@pytest.mark.django_db
def test_her_own_page_shows_role_and_status_read_only(administrators, admin_client_of):
    ana = administrators["admin_ana"]

    own = admin_client_of("admin_ana").get(change_url(ana)).content.decode()
    colleague = admin_client_of("admin_ana").get(change_url(administrators["admin_besa"]))

    for field in ("role", "agency", "is_staff", "is_superuser", "is_active", "groups"):
        assert f'name="{field}"' not in own, field
    assert 'name="first_name"' in own
    assert 'name="role"' in colleague.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "crafted",
    [{"role": Role.COORDINATOR}, {"is_superuser": "on"}, {"agency": "other"}, {"groups": "1"}],
    ids=["role", "superuser", "agency", "groups"],
)
def test_a_crafted_post_to_her_own_account_is_refused(
    administrators, admin_client_of, agencies, crafted
):
    ana = administrators["admin_ana"]
    if crafted.get("agency") == "other":
        crafted = {"agency": str(agencies["elsewhere"].pk)}
    before = access_entries()

    response = admin_client_of("admin_ana").post(change_url(ana), admin_change_data(ana, **crafted))

    assert response.status_code == 403
    ana.refresh_from_db()
    assert (ana.role, ana.agency_id, ana.is_superuser) == (
        Role.ADMINISTRATOR,
        agencies["national"].pk,
        False,
    )
    assert not ana.groups.exists()
    assert not RoleChangeRequest.objects.exists()
    assert access_entries() == before


@pytest.mark.django_db
def test_she_may_still_change_her_own_name(administrators, admin_client_of):
    """The refusal above is about access, not the form: what the browser sends for her page,
    which has no access fields, is accepted."""
    ana = administrators["admin_ana"]

    response = admin_client_of("admin_ana").post(
        change_url(ana),
        {
            key: value
            for key, value in admin_change_data(ana, first_name="Ana").items()
            if key not in SELF_PROTECTED_FIELDS
        },
    )

    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.first_name == "Ana"


@pytest.mark.django_db
def test_a_superuser_cannot_give_herself_a_role_either(administrators, admin_client_of):
    ana = administrators["admin_ana"]
    ana.is_superuser = True
    ana.save(update_fields=["is_superuser"])

    response = admin_client_of("admin_ana").post(
        change_url(ana), admin_change_data(ana, role=Role.COORDINATOR)
    )

    assert response.status_code == 403
    ana.refresh_from_db()
    assert ana.role == Role.ADMINISTRATOR


@pytest.mark.django_db
def test_nobody_gives_superuser_status_in_the_admin(administrators, admin_client_of):
    besa = administrators["admin_besa"]

    response = admin_client_of("admin_ana").post(
        change_url(besa), admin_change_data(besa, is_superuser="on")
    )

    # The field is read-only for a user who is not a superuser: the POST value is ignored.
    assert response.status_code == 302
    besa.refresh_from_db()
    assert besa.is_superuser is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [{"role": Role.COORDINATOR}, {"is_superuser": True}, {"is_staff": False}, {"groups": []}],
    ids=["role", "superuser", "staff", "groups"],
)
def test_the_service_refuses_it_whoever_calls(administrators, changes):
    ana = administrators["admin_ana"]

    with pytest.raises(PermissionDenied):
        user_update(actor=ana, user=ana, changes=changes)

    ana.refresh_from_db()
    assert (ana.role, ana.is_superuser, ana.is_staff) == (Role.ADMINISTRATOR, False, True)
    assert access_entries() == 0
