import pytest
from django.db import DatabaseError, connection, transaction

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from tests.conftest import need


@pytest.mark.django_db
def test_postgresql_refuses_to_update_or_delete_an_entry(login_as):
    need(connection.vendor == "postgresql", "the append-only trigger exists on PostgreSQL only")
    login_as("advocate_arta")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN)

    for sql in (
        "UPDATE audit_auditentry SET action = 'view' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])


@pytest.mark.django_db(transaction=True)
def test_audit_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit_record(actor=None, action=AuditEntry.Action.EXPORT)
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_an_entry_rolls_back_with_the_change_it_records():
    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        audit_record(actor=None, action=AuditEntry.Action.EXPORT)
        raise Boom

    assert AuditEntry.objects.count() == 0
