import pytest
from django.core.management import call_command

from strehe.accounts.models import User
from strehe.accounts.roles import Role


@pytest.mark.django_db
def test_demo_mode_creates_one_login_per_role_with_printed_totp_secrets(settings, capsys):
    settings.DEMO_MODE = True

    call_command("loadreference", verbosity=0)
    capsys.readouterr()
    call_command("loaddemo")
    out = capsys.readouterr().out

    roles = set(User.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    for username in (
        "operator_olta",
        "coordinator_drita",
        "statistician_besnik",
        "administrator_agim",
    ):
        assert username in out
    assert (
        out.count("otpauth://totp/") == User.objects.filter(totpdevice__confirmed=True).count() >= 7
    )
