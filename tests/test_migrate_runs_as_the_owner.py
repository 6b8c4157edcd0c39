"""`strehe migrate` connects with DATABASE_OWNER_URL when it is set: the application's own role
owns no table and cannot migrate (README, PostgreSQL in production)."""

import sqlite3

import pytest
from django.core.management import CommandError

from strehe.core.management.commands.migrate import owner_connection_settings

from .test_lost_key_stops_start_up import MANAGE, run


def test_migrate_creates_the_tables_where_the_owner_url_points(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    app_db, owner_db = var_dir / "app.sqlite3", var_dir / "owner.sqlite3"

    completed = run(
        var_dir,
        *MANAGE,
        "migrate",
        "--noinput",
        env={"DATABASE_URL": f"sqlite:///{app_db}", "DATABASE_OWNER_URL": f"sqlite:///{owner_db}"},
    )

    assert completed.returncode == 0, completed.stderr
    assert "Migrating as the database owner (DATABASE_OWNER_URL)." in completed.stdout
    assert "audit_auditentry" in tables_of(owner_db)
    assert "audit_auditentry" not in tables_of(app_db)


def tables_of(path) -> set[str]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as database:
        return {row[0] for row in database.execute("SELECT name FROM sqlite_master")}


def test_the_owner_url_replaces_only_the_connection():
    current = {"ENGINE": "django.db.backends.postgresql", "NAME": "strehe", "USER": "strehe_app"}

    owner = owner_connection_settings(
        "postgres://strehe_owner:secret@db.internal:5433/strehe", current
    )

    assert owner == {
        "NAME": "strehe",
        "USER": "strehe_owner",
        "PASSWORD": "secret",
        "HOST": "db.internal",
        "PORT": 5433,
    }


def test_an_owner_url_of_another_kind_of_database_is_refused():
    current = {"ENGINE": "django.db.backends.postgresql", "NAME": "strehe"}

    with pytest.raises(CommandError, match="another kind of database"):
        owner_connection_settings("sqlite:///elsewhere.sqlite3", current)
