"""A caller's phone number is stored encrypted, with a keyed hash beside it: no column, no
audit entry holds the number in any spelling."""

import pytest
from django.db import connection

from strehe.audit.models import AuditEntry
from strehe.helpline.models import Contact
from strehe.helpline.phones import normalised_phone
from tests.helpline.desk import logged


@pytest.mark.django_db
def test_no_plaintext_phone_number_in_the_database(staff):
    contact = logged(staff["operator_olta"], caller_phone="044 123 456")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT caller_phone, lookup_hash FROM helpline_contact WHERE id = %s", [contact.pk]
        )
        stored_phone, stored_hash = cursor.fetchone()
    audit = " ".join(
        f"{entry.target_label} {entry.fields} {entry.detail}" for entry in AuditEntry.objects.all()
    )

    assert Contact.objects.get(pk=contact.pk).caller_phone == "+38344123456"
    # Runs of six digits: a token or a hash holds one by chance about once in ten million.
    for digits in ("123456", "44123456"):
        assert digits not in stored_phone
        assert digits not in stored_hash
        assert digits not in audit
    assert len(stored_hash) == 64 and int(stored_hash, 16) >= 0
    assert stored_hash == Contact.lookup_hash_for(normalised_phone("+383 44 123 456"))
