"""Helpers of the helpline desk tests: places, an operator in another agency, calls with the
caller's details."""

import datetime
from typing import Any

from django.utils import timezone

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Role
from strehe.directory.models import District, Municipality
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create
from tests.helpline.flow import CALL
from tests.staff import make_user


def municipality(name: str) -> Municipality:
    district, _created = District.objects.get_or_create(name=f"District of {name}")
    return Municipality.objects.create(name=name, slug=name.lower(), district=district)


def operator_elsewhere(agencies: dict[str, Agency]) -> User:
    """A helpline operator of another agency than operator_olta's."""
    return make_user("operator_elsewhere", Role.HELPLINE_OPERATOR, agencies["elsewhere"])


def logged(user: User, *, hours_ago: float = 1, **details: Any) -> Contact:
    """A contact `user` logged, `hours_ago` hours ago, with the caller's `details`."""
    when = timezone.now() - datetime.timedelta(hours=hours_ago)
    return contact_create(actor=user, contacted_at=when, **{**CALL, **details})
