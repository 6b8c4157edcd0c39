"""`strehe audit verify` compares the log with the last checkpoint, a file outside the database:
a log emptied or shortened by someone with the owner's rights fails, naming the checkpoint."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db.transaction import atomic as transaction_atomic

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .test_audit_verify import raw


@pytest.fixture
def checkpointed_log(records_of, audit_checkpoint_file, capsys):
    records_of("advocate_arta")
    entries = list(AuditEntry.objects.order_by("seq"))
    call_command("audit", "checkpoint")
    capsys.readouterr()
    return entries


@pytest.mark.django_db
def test_checkpoint_records_head_count_and_time(checkpointed_log, audit_checkpoint_file):
    stored = json.loads(audit_checkpoint_file.read_text())

    head = checkpointed_log[-1]
    assert stored["seq"] == head.seq
    assert stored["head_hash"] == head.hash
    assert stored["count"] == len(checkpointed_log)
    assert stored["written_at"].endswith("+00:00")


@pytest.mark.django_db
def test_a_log_that_grew_after_the_checkpoint_verifies(checkpointed_log, capsys):
    with transaction_atomic():
        audit_record(actor=None, action=AuditEntry.Action.EXPORT)

    call_command("audit", "verify")

    out = capsys.readouterr().out
    assert f"audit log intact: {len(checkpointed_log) + 1} entries" in out
    assert "It reaches the checkpoint in" in out


@pytest.mark.django_db
def test_an_emptied_log_fails_naming_the_checkpoint(checkpointed_log, audit_checkpoint_file):
    raw("DELETE FROM audit_auditentry", [])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    message = str(refused.value)
    assert "audit log: 1 problem found (0 entries checked)" in message
    assert f"The log is empty, but the checkpoint in {audit_checkpoint_file} (written " in message
    assert f"records {len(checkpointed_log)} entries, up to entry {len(checkpointed_log)}." in (
        message
    )


@pytest.mark.django_db
def test_a_shortened_log_fails_naming_the_checkpoint(checkpointed_log, audit_checkpoint_file):
    newest = checkpointed_log[-3:]
    raw("DELETE FROM audit_auditentry WHERE id IN (%s, %s, %s)", [e.pk for e in newest])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    kept = len(checkpointed_log) - 3
    assert f"- The log ends at entry {kept}, but the checkpoint in {audit_checkpoint_file}" in str(
        refused.value
    )


@pytest.mark.django_db
def test_a_log_rewritten_up_to_the_checkpoint_fails(checkpointed_log, audit_checkpoint_file):
    head = checkpointed_log[-1]
    raw("UPDATE audit_auditentry SET hash = %s WHERE id = %s", ["f" * 64, head.pk])

    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify")

    assert f"- Entry {head.seq} is not the one the checkpoint in {audit_checkpoint_file}" in str(
        refused.value
    )


@pytest.mark.django_db
def test_verify_write_checkpoint_moves_the_checkpoint_forward(
    checkpointed_log, audit_checkpoint_file
):
    with transaction_atomic():
        audit_record(actor=None, action=AuditEntry.Action.EXPORT)

    call_command("audit", "verify", "--write-checkpoint")

    assert json.loads(audit_checkpoint_file.read_text())["seq"] == len(checkpointed_log) + 1


@pytest.mark.django_db
def test_no_checkpoint_is_written_over_a_broken_log(checkpointed_log, audit_checkpoint_file):
    before = audit_checkpoint_file.read_text()
    raw("DELETE FROM audit_auditentry WHERE id = %s", [checkpointed_log[1].pk])

    with pytest.raises(CommandError, match="Entry 2 is missing"):
        call_command("audit", "checkpoint")

    assert audit_checkpoint_file.read_text() == before


@pytest.mark.django_db
def test_without_a_checkpoint_verify_says_so(records_of, capsys, audit_checkpoint_file):
    records_of("advocate_arta")

    call_command("audit", "verify")

    assert f"No checkpoint at {audit_checkpoint_file} yet" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_damaged_checkpoint_is_refused(records_of, audit_checkpoint_file):
    records_of("advocate_arta")
    audit_checkpoint_file.write_text("{not json")

    with pytest.raises(CommandError, match="cannot be read"):
        call_command("audit", "verify")


def test_the_checkpoint_file_comes_from_strehe_audit_checkpoint(tmp_path):
    target = tmp_path / "elsewhere" / "checkpoint.json"
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.AUDIT_CHECKPOINT_FILE)",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "strehe.settings",
            "STREHE_AUDIT_CHECKPOINT": str(target),
        },
        capture_output=True,
        text=True,
        check=True,
    )

    assert completed.stdout.strip() == str(target)
