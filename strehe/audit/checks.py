"""`strehe check --deploy`: the application must not run as a database role that can empty or
unhook the audit log (README, PostgreSQL in production)."""

from typing import Any

from django.core.checks import CheckMessage, Warning, register
from django.db import DatabaseError, connection

AUDIT_TABLE = "audit_auditentry"


def _role_facts() -> tuple[str, bool, bool, bool] | None:
    """(user, is superuser, owns the audit table or is in its owner's role, may change entries)"""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT current_user, r.rolsuper,
                   pg_has_role(current_user, c.relowner, 'MEMBER'),
                   has_table_privilege(current_user, c.oid, 'UPDATE')
                   OR has_table_privilege(current_user, c.oid, 'DELETE')
                   OR has_table_privilege(current_user, c.oid, 'TRUNCATE')
            FROM pg_roles AS r, pg_class AS c
            WHERE r.rolname = current_user AND c.oid = to_regclass(%s)
            """,
            [AUDIT_TABLE],
        )
        row = cursor.fetchone()
    return None if row is None else (str(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))


@register("deploy", deploy=True)
def check_database_role(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if connection.vendor != "postgresql":
        return []
    try:
        facts = _role_facts()
    except DatabaseError as error:
        return [
            Warning(
                f"Could not check the database role: {error}",
                hint="Run `strehe check --deploy` where the database can be reached.",
                id="strehe.W000",
            )
        ]
    if facts is None:  # not migrated yet: nothing to protect
        return []
    user, superuser, owner, may_change = facts
    hint = "Run the application as a role that owns no table (README, PostgreSQL in production)."
    if superuser:
        return [
            Warning(
                f"The application's database user {user} is a superuser: it can disable the "
                "audit log's triggers and empty the log.",
                hint=hint,
                id="strehe.W001",
            )
        ]
    messages: list[CheckMessage] = []
    if owner:
        messages.append(
            Warning(
                f"The application's database user {user} owns the audit table (or is a member of "
                "its owner's role): it can disable or drop the triggers that keep the log "
                "append-only.",
                hint=hint,
                id="strehe.W002",
            )
        )
    if may_change and not owner:
        messages.append(
            Warning(
                f"The application's database user {user} may update, delete or truncate audit "
                "entries.",
                hint=f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {user};",
                id="strehe.W003",
            )
        )
    return messages
