"""`strehe audit verify` passes on an untouched log and names the first entry after tampering."""

from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from strehe.audit.models import AuditEntry


@contextmanager
def append_only_trigger_disabled():
    """What an intruder with the table owner's rights would do first, on PostgreSQL."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_append_only")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE audit_auditentry ENABLE TRIGGER audit_auditentry_append_only"
            )


def raw(sql: str, params: list) -> None:
    with append_only_trigger_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def log(records_of):
    """A log of a few dozen entries: logins and case openings of named users."""
    records_of("advocate_arta")
    records_of("investigator_ilir")
    entries = list(AuditEntry.objects.order_by("seq"))
    assert len(entries) > 10
    return entries


@pytest.mark.django_db
def test_an_untouched_log_verifies(log, capsys):
    call_command("audit", "verify")

    assert f"audit log intact: {len(log)} entries" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_edited_entry_is_named(log):
    victim = log[5]
    raw(
        "UPDATE audit_auditentry SET actor_username = %s WHERE id = %s", ["someone_else", victim.pk]
    )

    with pytest.raises(CommandError, match=rf"entry {victim.seq} was changed"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_an_edited_entry_with_a_recomputed_plain_hash_is_still_caught(log):
    import hashlib

    victim = log[5]
    raw(
        "UPDATE audit_auditentry SET fields = %s, hash = %s WHERE id = %s",
        ['["narrative"]', hashlib.sha256(b"forged").hexdigest(), victim.pk],
    )

    with pytest.raises(CommandError, match=rf"entry {victim.seq} "):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_a_deleted_entry_is_named_by_the_one_after_it(log):
    removed = log[3]
    raw("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])

    with pytest.raises(
        CommandError, match=rf"entry {removed.seq + 1} entry {removed.seq} is missing"
    ):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_a_deleted_entry_with_renumbered_successors_is_still_caught(log):
    removed = log[3]
    raw("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])
    for entry in log[4:]:
        raw("UPDATE audit_auditentry SET seq = seq - 1 WHERE id = %s", [entry.pk])

    with pytest.raises(CommandError, match=rf"entry {removed.seq} does not follow"):
        call_command("audit", "verify")
