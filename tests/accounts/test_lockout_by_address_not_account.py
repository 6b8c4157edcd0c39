"""A lock holds for one username from one address, and one address is throttled as a whole; a
lock never follows an account to another address, so nobody can lock staff out of their desks."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from tests.staff import STAFF_PASSWORD, staff_password_hash

ATTACKER, OFFICE, HOME = "203.0.113.7", "198.51.100.20", "192.0.2.44"
REAL_ACCOUNTS = ["advocate_arta", "investigator_ilir", "operator_olta", "coordinator_drita"]


@pytest.fixture(autouse=True)
def fast_hasher_for_unknown_usernames(settings):
    # Django hashes the guess even for a username that does not exist, with the first hasher;
    # the staff's passwords stay PBKDF2, the second one (hashed, and cached, before the switch).
    # Only the test's speed changes.
    staff_password_hash()
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


def login_url() -> str:
    with translation.override("en"):
        return reverse("accounts:login")


def attempt(username: str, password: str, address: str):
    return Client().post(
        login_url(), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def spray(count: int, address: str, *, real_accounts: bool = True, prefix: str = "guess") -> None:
    """`count` failed logins from one address: a few real accounts once each, then guesses."""
    usernames = REAL_ACCOUNTS if real_accounts else []
    usernames = usernames + [f"{prefix}{n:02d}" for n in range(count - len(usernames))]
    for username in usernames[:count]:
        attempt(username, "wrong password", address)


@pytest.mark.django_db
def test_fifty_failures_lock_the_address_not_the_accounts(staff):
    spray(50, ATTACKER)

    from_attacker = attempt("advocate_arta", STAFF_PASSWORD, ATTACKER)
    never_tried = attempt("social_worker_sokol", STAFF_PASSWORD, ATTACKER)
    from_her_desk = attempt("advocate_arta", STAFF_PASSWORD, OFFICE)

    assert from_attacker.status_code == 429
    assert never_tried.status_code == 429
    assert from_her_desk.status_code == 302
    assert from_her_desk["Location"].startswith("/en/staff/")
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.LOGIN, actor_username="advocate_arta"
    ).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOCKED_OUT).exists()


@pytest.mark.django_db
def test_forty_nine_failures_from_one_address_do_not_lock_it(staff):
    spray(49, ATTACKER)

    assert attempt("social_worker_sokol", STAFF_PASSWORD, ATTACKER).status_code == 302


@pytest.mark.django_db
def test_five_failures_lock_one_username_at_one_address_only(staff):
    for _ in range(5):
        attempt("advocate_arta", "wrong password", ATTACKER)

    assert attempt("advocate_arta", STAFF_PASSWORD, ATTACKER).status_code == 429
    assert attempt("advocate_arta", STAFF_PASSWORD, HOME).status_code == 302
    assert attempt("investigator_ilir", STAFF_PASSWORD, ATTACKER).status_code == 302


@pytest.mark.django_db
def test_a_colleagues_login_does_not_clear_the_address_count(staff):
    spray(45, OFFICE, real_accounts=False)
    assert attempt("operator_olta", STAFF_PASSWORD, OFFICE).status_code == 302

    spray(5, OFFICE, real_accounts=False, prefix="again")

    assert attempt("social_worker_sokol", STAFF_PASSWORD, OFFICE).status_code == 429


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_change_the_address(staff):
    for n in range(5):
        Client().post(
            login_url(),
            {"username": "advocate_arta", "password": "wrong password"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )

    assert attempt("advocate_arta", STAFF_PASSWORD, ATTACKER).status_code == 429
