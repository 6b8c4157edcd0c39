import pytest
from django.utils import timezone

from strehe.accounts.models import User
from strehe.accounts.roles import Role
from tests.staff import agencies, login_as, make_user, records_of, staff, verified_client

__all__ = ["agencies", "login_as", "records_of", "staff"]


@pytest.fixture
def administrators(staff: dict[str, User], agencies) -> dict[str, User]:  # type: ignore[no-untyped-def]
    """Two administrators who may use the admin site, for the two-person rule."""
    result = {}
    for username in ("admin_ana", "admin_besa"):
        user = make_user(username, Role.ADMINISTRATOR, agencies["national"])
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        result[username] = user
    return result


@pytest.fixture
def admin_client_of(administrators):  # type: ignore[no-untyped-def]
    """admin_client_of("admin_ana"): her client, logged in and verified by TOTP."""
    return lambda username: verified_client(administrators[username])


def admin_change_data(user: User, **changes: str) -> dict[str, str]:
    """The POST of the admin's user change form as the browser sends it, with `changes`."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "agency": str(user.agency_id or ""),
        "date_joined_0": timezone.localtime(user.date_joined).strftime("%Y-%m-%d"),
        "date_joined_1": timezone.localtime(user.date_joined).strftime("%H:%M:%S"),
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.is_staff:
        data["is_staff"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
