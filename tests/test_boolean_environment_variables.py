"""Yes/no environment variables accept only clear values; a typo stops start-up, naming it."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from strehe.settings import env_flag

START = "import django; django.setup(); from django.conf import settings; print(settings.HTTPS)"


def start_with(**variables: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "strehe.settings", **variables}
    return subprocess.run(
        [sys.executable, "-c", START], env=environment, capture_output=True, text=True, check=False
    )


def test_a_typo_in_strehe_https_stops_start_up_naming_it():
    completed = start_with(STREHE_HTTPS="ture")

    assert completed.returncode != 0
    assert "STREHE_HTTPS='ture' is not a yes/no value" in completed.stderr


def test_a_clear_value_starts():
    completed = start_with(STREHE_HTTPS="yes")

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "True"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("off", False),
    ],
)
def test_clear_values(monkeypatch, value, expected):
    monkeypatch.setenv("STREHE_DEMO", value)

    assert env_flag("STREHE_DEMO") is expected


@pytest.mark.parametrize("default", [True, False])
def test_unset_or_empty_means_the_default(monkeypatch, default):
    monkeypatch.delenv("STREHE_DEMO", raising=False)
    assert env_flag("STREHE_DEMO", default) is default
    monkeypatch.setenv("STREHE_DEMO", "  ")
    assert env_flag("STREHE_DEMO", default) is default


@pytest.mark.parametrize("value", ["ture", "2", "enabled", "y", "nope"])
def test_anything_else_is_refused_with_the_name(monkeypatch, value):
    monkeypatch.setenv("DEBUG", value)

    with pytest.raises(ImproperlyConfigured, match=r"^DEBUG="):
        env_flag("DEBUG")
