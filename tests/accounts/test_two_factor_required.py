"""A role with personal data reaches no staff page before completing TOTP."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.audit.models import AuditEntry
from strehe.helpline.services import contact_create
from tests.cases.test_authorization_matrix import staff_and_api_routes
from tests.shelters.helpers import make_shelter
from tests.staff import STAFF_PASSWORD

LOGIN_STEPS = {
    "accounts:login",
    "accounts:two_factor",
    "accounts:two_factor_setup",
    "accounts:logout",
    "api:schema",
    "api:docs",
    # The public directory.
    "api:municipalities",
    "api:organisations",
    "api:services",
    "api:helpline_state",
    "api:public_statistics",
}


def password_only_client(username: str) -> Client:
    client = Client()
    with translation.override("en"):
        response = client.post(
            reverse("accounts:login"), {"username": username, "password": STAFF_PASSWORD}
        )
    assert response.status_code == 302
    return client


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username",
    [
        "operator_olta",
        "investigator_ilir",
        "advocate_arta",
        "social_worker_sokol",
        "shelter_staff_shpresa",
        "coordinator_drita",
        "administrator_agim",
    ],
)
def test_no_staff_page_before_the_second_factor(staff, records_of, username):
    case = records_of(username).own
    contact = contact_create(
        actor=staff["operator_olta"],
        channel="phone",
        language="sq",
        caller_type="possible_victim",
        topic="trafficking",
        outcome="advice_given",
    )
    shelter = make_shelter(operator=staff[username].agency)
    arguments = {
        "code": case.code,
        "contact_id": contact.pk,
        "shelter_id": shelter.pk,
        # No such referral or placement: the second factor is asked for before any lookup.
        "referral_id": 1,
        "placement_id": 1,
    }
    client = password_only_client(username)

    reached = []
    with translation.override("en"):
        for name, _route, _callback, kwargs in staff_and_api_routes():
            if name in LOGIN_STEPS:
                continue
            url = reverse(name, kwargs={key: arguments[key] for key in kwargs} or None)
            response = client.get(url)
            if response.status_code == 200 or (
                response.status_code == 302 and "two-factor" not in response["Location"]
            ):
                reached.append((url, response.status_code))
        admin = client.get(reverse("admin:index"))
    assert reached == []
    assert admin.status_code == 302


@pytest.mark.django_db
def test_the_code_from_the_app_completes_the_login(staff):
    client = password_only_client("advocate_arta")
    device = TOTPDevice.objects.get(user=staff["advocate_arta"])

    with translation.override("en"):
        step = client.get(reverse("accounts:home"))
        assert step.status_code == 302 and "/two-factor/" in step["Location"]
        response = client.post(
            reverse("accounts:two_factor"),
            {"otp_device": device.persistent_id, "otp_token": current_code(device)},
        )
        assert response.status_code == 302
        assert client.get(reverse("cases:list")).status_code == 200
    steps = AuditEntry.objects.filter(
        action=AuditEntry.Action.LOGIN, actor_username="advocate_arta"
    )
    assert [entry.detail for entry in steps.order_by("seq")] == [{}, {"step": "second_factor"}]


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_form_error(staff):
    client = password_only_client("advocate_arta")
    device = TOTPDevice.objects.get(user=staff["advocate_arta"])
    wrong = f"{(int(current_code(device)) + 1) % 1000000:06d}"

    with translation.override("en"):
        response = client.post(
            reverse("accounts:two_factor"), {"otp_device": device.persistent_id, "otp_token": wrong}
        )
        assert response.status_code == 200
        assert client.get(reverse("cases:list")).status_code == 302
    failure = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED)
    assert (failure.actor_username, failure.detail) == ("advocate_arta", {"step": "second_factor"})


@pytest.mark.django_db
def test_a_statistician_needs_no_second_factor_and_sees_no_cases(staff):
    client = password_only_client("statistician_besnik")

    with translation.override("en"):
        assert client.get(reverse("accounts:home")).status_code == 200
        assert client.get(reverse("cases:list")).status_code == 403
