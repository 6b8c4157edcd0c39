import os
import shutil
import stat
import subprocess
from pathlib import Path

from django.conf import settings

from strehe.settings import read_or_create_secret


def test_secret_is_generated_once_private_and_then_reused(tmp_path):
    path = tmp_path / "var" / "secret_key"

    first = read_or_create_secret(path)
    second = read_or_create_secret(path)

    assert first == second
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_sqlite_default_uses_immediate_transactions_and_a_busy_timeout():
    database = settings.DATABASES["default"]
    if "DATABASE_URL" in os.environ:
        assert database["ENGINE"] == "django.db.backends.postgresql"
        return
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 5


def test_languages_time_zone_and_debug_default():
    assert [code for code, _ in settings.LANGUAGES] == ["sq", "sr", "en"]
    assert settings.LANGUAGE_CODE == "sq"
    assert settings.TIME_ZONE == "Europe/Belgrade"
    assert "DEBUG" in os.environ or settings.DEBUG is False


def test_the_strehe_console_script_is_djangos_manage_command():
    script = shutil.which("strehe") or str(Path(os.sys.executable).parent / "strehe")
    completed = subprocess.run(
        [script, "help", "loaddemo"], capture_output=True, text=True, check=False
    )

    assert completed.returncode == 0, completed.stderr
    assert "demo mode only" in completed.stdout


def test_no_secret_is_tracked_by_git():
    root = Path(settings.BASE_DIR)
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()

    assert not [name for name in tracked if name.startswith("var/") or "secret" in name]
