"""Django's migrate, run as the database owner when DATABASE_OWNER_URL is set.

In production the application's role owns no table (README, PostgreSQL in production), so it
cannot create or alter one; the owner role runs the migrations. Setting DATABASE_OWNER_URL for
the migrate step does what `DATABASE_URL=<owner address> strehe migrate` would.
"""

import os
from typing import Any

import dj_database_url
from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections

CONNECTION_KEYS = ("NAME", "USER", "PASSWORD", "HOST", "PORT")


def owner_connection_settings(url: str, current: dict[str, Any]) -> dict[str, Any]:
    """The connection settings of `url`, refused unless it names the same kind of database."""
    owner = dj_database_url.parse(url)
    if owner["ENGINE"] != current["ENGINE"]:
        raise CommandError(
            "DATABASE_OWNER_URL names another kind of database than DATABASE_URL "
            f"({owner['ENGINE']} instead of {current['ENGINE']})."
        )
    return {key: owner.get(key, "") for key in CONNECTION_KEYS}


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        owner_url = os.environ.get("DATABASE_OWNER_URL", "").strip()
        if owner_url and options["database"] == DEFAULT_DB_ALIAS:
            connection = connections[DEFAULT_DB_ALIAS]
            connection.close()
            connection.settings_dict.update(
                owner_connection_settings(owner_url, connection.settings_dict)
            )
            if options["verbosity"] >= 1:
                self.stdout.write("Migrating as the database owner (DATABASE_OWNER_URL).")
        super().handle(*args, **options)
