import pytest
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.accounts.models import User
from tests.accounts.test_two_factor_required import current_code, password_only_client
from tests.staff import staff_password_hash


@pytest.fixture
def newcomer(agencies) -> User:
    """A social worker whose administrator just created the account: no authenticator yet."""
    return User.objects.create(
        username="social_worker_new",
        password=staff_password_hash(),
        role="social_worker",
        agency=agencies["social"],
    )


@pytest.mark.django_db
def test_a_new_user_sets_up_totp_and_gets_recovery_codes_once(newcomer):
    client = password_only_client("social_worker_new")

    with translation.override("en"):
        first = client.get(reverse("accounts:two_factor"))
        assert first.status_code == 302 and first["Location"].endswith(
            reverse("accounts:two_factor_setup")
        )
        setup = client.get(reverse("accounts:two_factor_setup")).content.decode()
        assert "otpauth://totp/" in setup
        assert "<svg" in setup
        device = TOTPDevice.objects.get(user=newcomer, confirmed=False)

        done = client.post(
            reverse("accounts:two_factor_setup"), {"otp_token": current_code(device)}
        )

        assert done.status_code == 200
        codes = list(
            StaticToken.objects.filter(device__user=newcomer).values_list("token", flat=True)
        )
        assert len(codes) == 10
        assert all(code in done.content.decode() for code in codes)
        assert client.get(reverse("cases:list")).status_code == 200
        # Shown once: no page shows them again.
        assert codes[0] not in client.get(reverse("accounts:recovery_codes")).content.decode()


@pytest.mark.django_db
def test_someone_with_only_the_password_cannot_add_an_authenticator(staff):
    client = password_only_client("advocate_arta")

    with translation.override("en"):
        response = client.get(reverse("accounts:two_factor_setup"))

    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=staff["advocate_arta"]).count() == 1


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once(staff):
    user = staff["advocate_arta"]
    device = StaticDevice.objects.create(user=user, name="recovery")
    device.token_set.create(token="recover1")

    with translation.override("en"):
        first = password_only_client("advocate_arta")
        ok = first.post(
            reverse("accounts:two_factor"),
            {"otp_device": device.persistent_id, "otp_token": "recover1"},
        )
        assert ok.status_code == 302
        assert first.get(reverse("cases:list")).status_code == 200

        second = password_only_client("advocate_arta")
        again = second.post(
            reverse("accounts:two_factor"),
            {"otp_device": device.persistent_id, "otp_token": "recover1"},
        )
        assert again.status_code == 200
        assert second.get(reverse("cases:list")).status_code == 302


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(login_as, staff):
    user = staff["advocate_arta"]
    device = StaticDevice.objects.create(user=user, name="recovery")
    device.token_set.create(token="oldcode1")

    with translation.override("en"):
        response = login_as("advocate_arta").post(reverse("accounts:recovery_codes"))

    assert response.status_code == 200
    tokens = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(tokens) == 10 and "oldcode1" not in tokens
