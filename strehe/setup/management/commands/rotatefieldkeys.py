from typing import Any

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.core.crypto import encrypted_fields_of, field_cipher
from strehe.core.keys import FIELD_KEYS, LOOKUP_KEY, key_canaries_write


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column with the first key of STREHE_FIELD_KEYS, and recompute "
        "lookup hashes with the current STREHE_LOOKUP_KEY. Afterwards the old keys can go."
    )
    # The key check would refuse a new STREHE_LOOKUP_KEY, which is exactly what this command
    # puts in force; a field key that opens nothing stops it row by row below instead.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        cipher = field_cipher()
        quote = connection.ops.quote_name
        counts: dict[str, int] = {}
        # All or nothing: a value no key opens stops the command before anything is written.
        with transaction.atomic():
            for model in apps.get_models():
                names = encrypted_fields_of(model)
                if not names:
                    continue
                table = model._meta.db_table
                columns = [str(model._meta.get_field(name).column) for name in names]  # type: ignore[union-attr]
                pk_column = str(model._meta.pk.column)  # type: ignore[union-attr]
                select = ", ".join(quote(c) for c in [pk_column, *columns])
                update = ", ".join(f"{quote(c)} = %s" for c in columns)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {select} FROM {quote(table)}")  # noqa: S608
                    rows = cursor.fetchall()
                for pk, *values in rows:
                    try:
                        rotated = [
                            cipher.rotate(v.encode("ascii")).decode("ascii") if v else v
                            for v in values
                        ]
                    except InvalidToken:
                        raise CommandError(
                            f"{model._meta.label} {pk}: no key in STREHE_FIELD_KEYS opens this "
                            "row; nothing was changed"
                        ) from None
                    with connection.cursor() as cursor:
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {update} WHERE {quote(pk_column)} = %s",  # noqa: S608
                            [*rotated, pk],
                        )
                if hasattr(model, "lookup_hash_for"):
                    # Saving recomputes the keyed lookup hash (Person.save).
                    for record in model._default_manager.all():
                        record.save(update_fields=["lookup_hash"])
                counts[model._meta.label] = len(rows)
            # The canaries now say: these are the keys the data is written with.
            key_canaries_write(names=(FIELD_KEYS, LOOKUP_KEY), replace=True)
            audit_record(
                actor=None,
                action=AuditEntry.Action.KEY_ROTATION,
                detail={label: count for label, count in counts.items()},
            )
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} rows re-encrypted with the first key")
