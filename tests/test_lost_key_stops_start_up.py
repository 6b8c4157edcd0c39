"""Outside DEBUG the application refuses to start when a key file is missing but the database
holds data written with it; on an empty var/ it generates the keys and starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.checks import Error, Warning
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from strehe.core.keys import check_key_canaries, key_canaries_write, refuse_wrong_keys
from strehe.core.models import KeyCanary

KEY_FILES = ["field_keys", "lookup_key", "audit_key"]


@pytest.mark.django_db
def test_the_migrated_database_holds_a_canary_per_key():
    assert sorted(KeyCanary.objects.values_list("name", flat=True)) == sorted(KEY_FILES)
    assert check_key_canaries() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("setting", "name", "new_value"),
    [
        ("FIELD_ENCRYPTION_KEYS", "field encryption keys", [Fernet.generate_key().decode()]),
        ("LOOKUP_HASH_KEY", "lookup key", "a regenerated lookup key"),
        ("AUDIT_CHAIN_KEY", "audit chain key", "a regenerated audit key"),
    ],
)
def test_a_replaced_key_is_an_error_naming_it(settings, setting, name, new_value):
    setattr(settings, setting, new_value)

    [error] = check_key_canaries()

    assert isinstance(error, Error)
    assert error.id == "strehe.E001"
    assert error.msg.startswith(f"The {name} in use (")
    with pytest.raises(ImproperlyConfigured, match=f"The {name} in use"):
        refuse_wrong_keys()


@pytest.mark.django_db
def test_an_added_field_key_before_rotation_still_opens(settings):
    settings.FIELD_ENCRYPTION_KEYS = [
        Fernet.generate_key().decode(),
        *settings.FIELD_ENCRYPTION_KEYS,
    ]

    assert check_key_canaries() == []


@pytest.mark.django_db
def test_with_debug_it_only_warns(settings):
    settings.DEBUG = True
    settings.AUDIT_CHAIN_KEY = "another"

    [warning] = check_key_canaries()

    assert isinstance(warning, Warning)
    refuse_wrong_keys()  # does not raise


@pytest.mark.django_db
def test_rotation_moves_the_canaries_to_the_new_keys(settings):
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]
    settings.LOOKUP_HASH_KEY = "a new lookup key"

    call_command("rotatefieldkeys")

    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert check_key_canaries() == []


@pytest.mark.django_db
def test_canaries_are_written_once_not_over_existing_ones(settings):
    before = dict(KeyCanary.objects.values_list("name", "value"))
    settings.AUDIT_CHAIN_KEY = "another"

    key_canaries_write()

    assert dict(KeyCanary.objects.values_list("name", "value")) == before


# --- End to end, as an operator would see it: a fresh var/ and SQLite database ---------------


def run(
    var_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STREHE_", "DATABASE_")) and key not in {"SECRET_KEY", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="strehe.settings", STREHE_VAR_DIR=str(var_dir))
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args], env=environment, capture_output=True, text=True, check=False
    )


MANAGE = ["-m", "strehe.manage"]
START_WSGI = ["-c", "import strehe.wsgi"]


def test_an_empty_var_starts_and_a_lost_key_file_stops_start_up(tmp_path):
    var_dir = tmp_path / "var"

    migrated = run(var_dir, *MANAGE, "migrate", "--noinput", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    assert sorted(p.name for p in var_dir.iterdir() if p.name in KEY_FILES) == sorted(KEY_FILES)
    started = run(var_dir, *START_WSGI)
    assert started.returncode == 0, started.stderr

    (var_dir / "field_keys").unlink()

    refused = run(var_dir, *START_WSGI)
    assert refused.returncode != 0
    assert f"The field encryption keys in use ({var_dir / 'field_keys'}) do not open" in (
        refused.stderr
    )
    checked = run(var_dir, *MANAGE, "check")
    assert checked.returncode != 0
    assert "strehe.E001" in checked.stderr
