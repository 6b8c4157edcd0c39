"""`strehe check --deploy` warns when the application's database user could empty or unhook the
audit log: a superuser, the audit table's owner, or a role that may change entries."""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from strehe.audit.checks import check_database_role
from tests.conftest import need

from .test_audit_cannot_be_emptied_or_unhooked import execute, grant_as_the_readme_says


def ids() -> list[str]:
    return [message.id for message in check_database_role()]


@pytest.fixture
def postgresql(db):
    need(connection.vendor == "postgresql", "database roles exist on PostgreSQL only")
    name = f"strehe_check_{uuid.uuid4().hex[:12]}"
    execute(f"CREATE ROLE {name} NOLOGIN")
    yield name
    execute("RESET ROLE")


@pytest.mark.django_db
def test_a_superuser_is_named(postgresql):
    # The test suite itself connects as the PostgreSQL superuser.
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone()[0] is True

    [warning] = check_database_role()

    assert warning.id == "strehe.W001"
    assert "is a superuser" in warning.msg


@pytest.mark.django_db
def test_check_deploy_prints_the_warning(postgresql):
    out, err = StringIO(), StringIO()

    call_command("check", "--deploy", stdout=out, stderr=err)

    assert "strehe.W001" in out.getvalue() + err.getvalue()


@pytest.mark.django_db
def test_the_owner_of_the_audit_table_is_named(postgresql):
    execute(f"ALTER TABLE audit_auditentry OWNER TO {postgresql}")
    execute(f"SET ROLE {postgresql}")

    assert ids() == ["strehe.W002"]


@pytest.mark.django_db
def test_a_role_that_may_update_entries_is_named(postgresql):
    grant_as_the_readme_says(postgresql)
    execute(f"GRANT UPDATE ON audit_auditentry TO {postgresql}")
    execute(f"SET ROLE {postgresql}")

    assert ids() == ["strehe.W003"]
