import django.utils.timezone
import strehe.core.crypto
import strehe.core.validation
from django.db import migrations, models

from strehe.core.crypto import decrypt_column_in_place, encrypt_column_in_place

# Free text that may identify a person becomes an encrypted column; the rows already stored are
# encrypted in place. The other fields gain the bounds of strehe.core.validation.
ENCRYPTED_COLUMNS = ["summary", "advice_and_referrals"]


def encrypt_rows(apps, schema_editor):
    for column in ENCRYPTED_COLUMNS:
        encrypt_column_in_place(schema_editor.connection, "helpline_contact", column)


def decrypt_rows(apps, schema_editor):
    for column in ENCRYPTED_COLUMNS:
        decrypt_column_in_place(schema_editor.connection, "helpline_contact", column)


class Migration(migrations.Migration):
    dependencies = [
        ("helpline", "0003_contact_owner_agency"),
    ]

    operations = [
        migrations.AlterField(
            model_name="contact",
            name="advice_and_referrals",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=20000, verbose_name="advice and referrals given"
            ),
        ),
        migrations.AlterField(
            model_name="contact",
            name="contacted_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                validators=[strehe.core.validation.validate_not_before_earliest_record],
                verbose_name="time of contact",
            ),
        ),
        migrations.AlterField(
            model_name="contact",
            name="summary",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=20000, verbose_name="summary"
            ),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]
