"""`strehe audit verify` passes on an untouched log and names every entry that was tampered with,
in plain sentences."""

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

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    assert str(refused.value).splitlines()[1:] == [
        f"- Entry {victim.seq} was changed after it was written."
    ]


@pytest.mark.django_db
def test_an_edited_entry_with_a_recomputed_plain_hash_is_still_caught(log):
    import hashlib

    victim = log[5]
    raw(
        "UPDATE audit_auditentry SET fields = %s, hash = %s WHERE id = %s",
        ['["narrative"]', hashlib.sha256(b"forged").hexdigest(), victim.pk],
    )

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    assert str(refused.value).splitlines()[1:] == [
        f"- Entry {victim.seq} was changed after it was written.",
        f"- Entry {victim.seq + 1} does not follow entry {victim.seq}: it was chained to another "
        "entry.",
    ]


@pytest.mark.django_db
def test_a_deleted_entry_is_named_by_the_one_after_it(log):
    removed = log[3]
    raw("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    assert str(refused.value).splitlines()[1:] == [
        f"- Entry {removed.seq} is missing: "
        f"entry {removed.seq + 1} follows entry {removed.seq - 1}."
    ]


@pytest.mark.django_db
def test_a_deleted_entry_with_renumbered_successors_is_still_caught(log):
    removed = log[3]
    raw("DELETE FROM audit_auditentry WHERE id = %s", [removed.pk])
    for entry in log[4:]:
        raw("UPDATE audit_auditentry SET seq = seq - 1 WHERE id = %s", [entry.pk])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    problems = str(refused.value).splitlines()[1:]
    assert problems[0] == (
        f"- Entry {removed.seq} does not follow entry {removed.seq - 1}: it was chained to "
        "another entry."
    )
    # Every renumbered entry no longer matches its own hash, and each is named.
    renumbered = range(removed.seq, len(log))
    assert problems[1:] == [
        f"- Entry {seq} was changed after it was written." for seq in renumbered
    ]


@pytest.mark.django_db
def test_every_problem_is_reported_not_only_the_first(log):
    edited, removed = log[2], log[7]
    raw("UPDATE audit_auditentry SET target_label = %s WHERE id = %s", ["KS-X", edited.pk])
    raw("DELETE FROM audit_auditentry WHERE id IN (%s, %s)", [removed.pk, log[8].pk])
    raw("DELETE FROM audit_auditentry WHERE id = %s", [log[0].pk])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    assert str(refused.value).splitlines() == [
        f"audit log: 3 problems found ({len(log) - 3} entries checked):",
        "- Entry 1 is missing: the log starts at entry 2.",
        f"- Entry {edited.seq} was changed after it was written.",
        f"- Entries {removed.seq} to {removed.seq + 1} are missing: entry {removed.seq + 2} "
        f"follows entry {removed.seq - 1}.",
    ]
