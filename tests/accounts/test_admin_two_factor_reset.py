"""A lost phone: an administrator deletes the user's authenticator in the admin. It is audited,
the user's sessions end, and the next login asks them to set up a new one."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.audit.models import AuditEntry
from tests.staff import verified_client


@pytest.mark.django_db
def test_deleting_a_lost_authenticator_is_audited_and_ends_sessions(staff, admin_client_of):
    arta = staff["advocate_arta"]
    device = TOTPDevice.objects.get(user=arta)
    artas_browser = verified_client(arta)

    with translation.override("en"):
        response = admin_client_of("admin_ana").post(
            reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
        )
        assert artas_browser.get(reverse("cases:list")).status_code == 302

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=arta).exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TWO_FACTOR, target_id=str(arta.pk))
    assert entry.actor_username == "admin_ana"
    assert entry.detail == {"step": "reset_by_administrator", "device": "authenticator"}
