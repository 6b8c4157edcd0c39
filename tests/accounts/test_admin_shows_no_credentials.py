"""No admin page shows a TOTP secret, a recovery code or a password hash, to an administrator or
to a superuser: every page reachable by following the admin's own links is checked."""

import re
from base64 import b32encode
from collections import deque
from urllib.parse import urljoin

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.staff import make_user, verified_client

KNOWN_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, as hex
RECOVERY_CODES = ["rcvr7k2m", "zq9w4x1p"]
SKIP = ("/logout/",)


def secrets_of(user) -> list[str]:  # type: ignore[no-untyped-def]
    base32 = b32encode(bytes.fromhex(KNOWN_KEY)).decode()
    # Django's own password widget shows the first characters of the hash: those count too.
    password_hash = user.password.split("$")[-1]
    return [KNOWN_KEY, base32, base32.lower(), *RECOVERY_CODES, password_hash[:6]]


def crawl(client: Client, start: str) -> dict[str, str]:
    """Every admin page linked from `start`, by URL: its body. Only GET, so nothing changes."""
    prefix = start
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < 1500:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.content.decode() if response.status_code == 200 else ""
        for href in re.findall(r'href="([^"#]+)"', seen[url]):
            # Sorting and filtering links show the same rows again: one visit per page is enough.
            href = urljoin(url, href).split("?")[0]
            if href.startswith(prefix) and not href.endswith(SKIP) and href not in seen:
                queue.append(href)
    return seen


@pytest.fixture
def arta_devices(staff):  # type: ignore[no-untyped-def]
    arta = staff["advocate_arta"]
    totp = TOTPDevice.objects.get(user=arta)
    totp.key = KNOWN_KEY
    totp.save(update_fields=["key"])
    recovery = StaticDevice.objects.create(user=arta, name="recovery")
    for code in RECOVERY_CODES:
        StaticToken.objects.create(device=recovery, token=code)
    return totp, recovery


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["administrator", "superuser"])
def test_no_admin_page_contains_a_credential(staff, administrators, arta_devices, who):
    viewer = administrators["admin_ana"]
    if who == "superuser":
        viewer = make_user("root_rina", "", None)
        viewer.is_superuser = viewer.is_staff = True
        viewer.save(update_fields=["is_superuser", "is_staff"])
    totp, recovery = arta_devices

    with translation.override("en"):
        start = reverse("admin:index")
        pages = crawl(verified_client(viewer), start)
        must_reach = [
            reverse("admin:otp_totp_totpdevice_change", args=[totp.pk]),
            reverse("admin:otp_totp_totpdevice_delete", args=[totp.pk]),
            reverse("admin:otp_static_staticdevice_change", args=[recovery.pk]),
            reverse("admin:otp_static_staticdevice_delete", args=[recovery.pk]),
            reverse("admin:accounts_user_change", args=[staff["advocate_arta"].pk]),
            reverse("admin:auth_user_password_change", args=[staff["advocate_arta"].pk]),
        ]

    print(f"crawled {len(pages)} admin pages as {who}")
    assert [url for url in must_reach if pages.get(url, "") == ""] == []
    secrets = secrets_of(staff["advocate_arta"])
    leaks = [(url, secret) for url, body in pages.items() for secret in secrets if secret in body]
    assert leaks == []
    assert not [url for url, body in pages.items() if "otpauth://" in body]
