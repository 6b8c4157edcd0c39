"""Superuser status opens the admin, never case data: staff pages and the API follow roles."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.accounts.roles import Role
from tests.staff import make_user, verified_client


@pytest.fixture
def superusers(agencies, administrators):  # type: ignore[no-untyped-def]
    """root_rina, made with `strehe createsuperuser` (no role), and admin_ana made superuser."""
    rina = make_user("root_rina", "", None)
    ana = administrators["admin_ana"]
    for user in (rina, ana):
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    return {"root_rina": rina, "admin_ana": ana}


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["root_rina", "admin_ana"])
def test_a_superuser_without_a_case_role_sees_no_case(superusers, records_of, username):
    case = records_of("advocate_arta").own
    client = verified_client(superusers[username])

    with translation.override("en"):
        assert client.get(reverse("admin:index")).status_code == 200
        page = client.get(reverse("cases:detail", args=[case.code]))
        listing = client.get(reverse("cases:list"))
        api_detail = client.get(reverse("api:case", args=[case.code]))
        api_list = client.get(reverse("api:cases"))

    assert page.status_code == 404
    assert api_detail.status_code == 404
    for response in (listing, api_list):
        assert response.status_code in {200, 403}
        assert case.code not in response.content.decode()


@pytest.mark.django_db
def test_the_same_case_is_seen_by_a_superuser_who_has_a_case_role(superusers, staff, records_of):
    """The control: the refusal above follows the role, not something else about these users."""
    case = records_of("advocate_arta").own
    rina = superusers["root_rina"]
    rina.role, rina.agency = Role.COORDINATOR, staff["coordinator_drita"].agency
    rina.save(update_fields=["role", "agency"])

    with translation.override("en"):
        page = verified_client(rina).get(reverse("cases:detail", args=[case.code]))

    assert page.status_code == 200
