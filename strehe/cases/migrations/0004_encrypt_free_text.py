import strehe.core.crypto
import strehe.core.validation
from django.db import migrations, models

from strehe.core.crypto import decrypt_column_in_place, encrypt_column_in_place

# Free text that may identify a person becomes an encrypted column; the rows already stored are
# encrypted in place. The other fields gain the bounds of strehe.core.validation.
ENCRYPTED_COLUMNS = ["place"]


def encrypt_rows(apps, schema_editor):
    for column in ENCRYPTED_COLUMNS:
        encrypt_column_in_place(schema_editor.connection, "cases_traffickingevent", column)


def decrypt_rows(apps, schema_editor):
    for column in ENCRYPTED_COLUMNS:
        decrypt_column_in_place(schema_editor.connection, "cases_traffickingevent", column)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_access_grants"),
    ]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="narrative",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=20000, null=True, verbose_name="narrative"
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="reflection_starts_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[strehe.core.validation.validate_plan_date],
                verbose_name="reflection period starts",
            ),
        ),
        migrations.AlterField(
            model_name="consent",
            name="given_on",
            field=models.DateField(
                validators=[strehe.core.validation.validate_past_date], verbose_name="given on"
            ),
        ),
        migrations.AlterField(
            model_name="consent",
            name="withdrawn_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[strehe.core.validation.validate_past_date],
                verbose_name="withdrawn on",
            ),
        ),
        migrations.AlterField(
            model_name="consentoverride",
            name="reason",
            field=strehe.core.crypto.EncryptedTextField(max_length=20000, verbose_name="reason"),
        ),
        migrations.AlterField(
            model_name="identificationdecision",
            name="decided_on",
            field=models.DateField(
                validators=[strehe.core.validation.validate_past_date],
                verbose_name="date of the decision",
            ),
        ),
        migrations.AlterField(
            model_name="identificationdecision",
            name="grounds",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=20000, null=True, verbose_name="grounds"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="address",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=500, null=True, verbose_name="address"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="birth_date",
            field=strehe.core.crypto.EncryptedDateField(
                blank=True,
                null=True,
                validators=[strehe.core.validation.validate_birth_date],
                verbose_name="birth date",
            ),
        ),
        migrations.AlterField(
            model_name="riskassessment",
            name="assessed_on",
            field=models.DateField(
                validators=[strehe.core.validation.validate_past_date], verbose_name="assessed on"
            ),
        ),
        migrations.AlterField(
            model_name="riskassessment",
            name="reasons",
            field=strehe.core.crypto.EncryptedTextField(max_length=20000, verbose_name="reasons"),
        ),
        migrations.AlterField(
            model_name="timelineentry",
            name="note",
            field=strehe.core.crypto.EncryptedTextField(
                blank=True, max_length=20000, null=True, verbose_name="note"
            ),
        ),
        migrations.AlterField(
            model_name="traffickingevent",
            name="ended_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[strehe.core.validation.validate_past_date],
                verbose_name="until",
            ),
        ),
        migrations.AlterField(
            model_name="traffickingevent",
            name="place",
            field=strehe.core.crypto.EncryptedCharField(
                blank=True, max_length=200, verbose_name="place"
            ),
        ),
        migrations.AlterField(
            model_name="traffickingevent",
            name="started_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[strehe.core.validation.validate_past_date],
                verbose_name="from",
            ),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]
