"""Named staff users, one per role, each in an agency; and a client that is logged in with TOTP.

Imported by the conftest.py of each area that needs staff (accounts, audit, cases), so that
every permission test reads like a sentence: "advocate_arta opens a case of another agency".
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Role
from strehe.cases.models import Case
from strehe.cases.services import case_open
from strehe.directory.models import Organisation

STAFF_PASSWORD = "correct horse battery staple 7"
Kind = Organisation.Kind

AGENCIES = {
    "helpline": Kind.HELPLINE,
    "police": Kind.POLICE_UNIT,
    "advocates": Kind.VICTIM_ADVOCATES,
    "social": Kind.SOCIAL_WORK_CENTRE,
    "shelter": Kind.SHELTER,
    "national": Kind.OTHER,
    # The agency nobody in the tests belongs to: its records are "another agency's".
    "elsewhere": Kind.NGO,
}

# username: (role, agency key)
NAMED_USERS = {
    "operator_olta": (Role.HELPLINE_OPERATOR, "helpline"),
    "investigator_ilir": (Role.POLICE_INVESTIGATOR, "police"),
    "advocate_arta": (Role.VICTIM_ADVOCATE, "advocates"),
    "social_worker_sokol": (Role.SOCIAL_WORKER, "social"),
    "shelter_staff_shpresa": (Role.SHELTER_STAFF, "shelter"),
    "coordinator_drita": (Role.COORDINATOR, "national"),
    "statistician_besnik": (Role.STATISTICIAN, "national"),
    "administrator_agim": (Role.ADMINISTRATOR, "national"),
    "moderator_mimoza": (Role.MODERATOR, "national"),
}
# A colleague in each agency, and a worker of the other agency.
COLLEAGUES = {
    "helpline": ("colleague_helpline", Role.HELPLINE_OPERATOR),
    "police": ("colleague_police", Role.POLICE_INVESTIGATOR),
    "advocates": ("colleague_advocates", Role.VICTIM_ADVOCATE),
    "social": ("colleague_social", Role.SOCIAL_WORKER),
    "shelter": ("colleague_shelter", Role.SHELTER_STAFF),
    "national": ("colleague_national", Role.COORDINATOR),
    "elsewhere": ("worker_elsewhere", Role.SOCIAL_WORKER),
}


@pytest.fixture
def agencies(db: None) -> dict[str, Agency]:
    result = {}
    for key, kind in AGENCIES.items():
        organisation = Organisation.objects.create(
            slug=f"test-{key}", name=f"{key} office", kind=kind
        )
        result[key] = Agency.objects.create(organisation=organisation)
    return result


@functools.cache
def staff_password_hash() -> str:
    # Hashed once: the real hasher is deliberately slow, and the tests make many users.
    return make_password(STAFF_PASSWORD)


def make_user(username: str, role: str, agency: Agency | None) -> User:
    user = User.objects.create(
        username=username, password=staff_password_hash(), role=role, agency=agency
    )
    if user.requires_two_factor:
        TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


@pytest.fixture
def staff(agencies: dict[str, Agency]) -> dict[str, User]:
    """Every named user and every colleague, by username."""
    users = {
        name: make_user(name, role, agencies[key]) for name, (role, key) in NAMED_USERS.items()
    }
    for key, (name, role) in COLLEAGUES.items():
        users[name] = make_user(name, role, agencies[key])
    return users


def verified_client(user: User) -> Client:
    """A client logged in as `user`, with the second factor done where the role needs one."""
    client = Client()
    client.force_login(user)
    if user.requires_two_factor:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login_as(staff: dict[str, User]) -> Callable[[str], Client]:
    return lambda username: verified_client(staff[username])


@dataclass(frozen=True)
class Records:
    """The three cases each user is checked against."""

    own: Case
    own_agency: Case
    other_agency: Case

    def by_relation(self) -> dict[str, Case]:
        return {"own": self.own, "own_agency": self.own_agency, "other_agency": self.other_agency}


def open_test_case(*, owner: Agency, worker: User | None, label: str) -> Case:
    # Opened by the system: the worker's role (shelter staff, say) need not be one that opens.
    return case_open(
        actor=None,
        owner_agency=owner,
        assigned_worker=worker,
        given_name=f"Given{label}",
        family_name=f"Family{label}",
        narrative=f"Narrative of {label}: what happened, in her words.",
    )


@pytest.fixture
def records_of(staff: dict[str, User], agencies: dict[str, Agency]) -> Callable[[str], Records]:
    """records_of("advocate_arta"): a case assigned to her, one of her agency, one of another."""

    def make(username: str) -> Records:
        user = staff[username]
        colleague = staff[COLLEAGUES[NAMED_USERS[username][1]][0]]
        suffix = username.replace("_", "")
        return Records(
            own=open_test_case(owner=user.agency, worker=user, label=f"Own{suffix}"),
            own_agency=open_test_case(owner=user.agency, worker=colleague, label=f"Agency{suffix}"),
            other_agency=open_test_case(
                owner=agencies["elsewhere"],
                worker=staff["worker_elsewhere"],
                label=f"Other{suffix}",
            ),
        )

    return make
