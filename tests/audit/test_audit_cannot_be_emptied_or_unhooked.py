"""On PostgreSQL, with the roles the README sets up, the application's role can only append to and
read the audit log: TRUNCATE, UPDATE and DELETE are refused, and so are disabling or dropping its
triggers. TRUNCATE is refused even for the table's owner, by a trigger."""

import re
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from strehe.audit.checks import check_database_role
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from tests.conftest import need

README = Path(settings.BASE_DIR) / "README.md"
GRANTS_MARKER = "-- strehe: application role grants"


def readme_grants() -> str:
    """The README's SQL block that gives the application role its rights."""
    blocks = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    [grants] = [block for block in blocks if block.startswith(GRANTS_MARKER)]
    return grants


def execute(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def grant_as_the_readme_says(role: str) -> None:
    """The README's grants, for `role`, with this connection's user as the tables' owner."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    execute(readme_grants().replace("strehe_app", role).replace("strehe_owner", owner))


@pytest.fixture
def app_role(db, login_as):
    """A role made as the README says, inside this test's transaction (so it goes with it), that
    the connection then acts as: the tables belong to the test database's owner, not to it."""
    need(connection.vendor == "postgresql", "database roles and triggers exist on PostgreSQL only")
    login_as("advocate_arta")  # leaves a login entry in the log
    name = f"strehe_app_{uuid.uuid4().hex[:12]}"
    execute(f"CREATE ROLE {name} NOLOGIN")
    grant_as_the_readme_says(name)
    execute(f"SET ROLE {name}")
    yield name
    execute("RESET ROLE")


def refused(sql: str) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic():
        execute(sql)
    return str(error.value)


@pytest.mark.django_db
def test_the_application_role_appends_and_reads(app_role):
    with transaction.atomic():
        entry = audit_record(actor=None, action=AuditEntry.Action.EXPORT)

    assert AuditEntry.objects.filter(seq=entry.seq).exists()
    assert AuditEntry.objects.count() >= 2


@pytest.mark.django_db
def test_the_application_role_cannot_change_remove_or_empty_entries(app_role):
    for sql in (
        "TRUNCATE audit_auditentry",
        "UPDATE audit_auditentry SET action = 'view'",
        "DELETE FROM audit_auditentry",
    ):
        assert "permission denied for table audit_auditentry" in refused(sql), sql

    assert AuditEntry.objects.count() >= 1


@pytest.mark.django_db
def test_the_application_role_cannot_disable_or_drop_the_triggers(app_role):
    for sql in (
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_append_only",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_no_truncate",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_auditentry_append_only ON audit_auditentry",
        "DROP TRIGGER audit_auditentry_no_truncate ON audit_auditentry",
        "DROP TABLE audit_auditentry",
        "ALTER TABLE audit_auditentry OWNER TO CURRENT_USER",
    ):
        assert re.search(r"must be owner of (table|relation) audit_auditentry", refused(sql)), sql


@pytest.mark.django_db
def test_the_deploy_check_is_quiet_for_the_application_role(app_role):
    assert check_database_role() == []


@pytest.mark.django_db
def test_truncate_is_refused_even_for_the_owner(login_as):
    need(connection.vendor == "postgresql", "the truncate trigger exists on PostgreSQL only")
    login_as("advocate_arta")

    message = refused("TRUNCATE audit_auditentry")

    assert "the audit log is append-only: TRUNCATE refused" in message
    assert AuditEntry.objects.count() >= 1
