"""Helpline contacts belong to an agency, not to whoever logged them.

Existing contacts take the agency their recorder belongs to now, the best record there is of the
agency they were logged for; contacts from the public form stay without one (national view).
"""

import django.db.models.deletion
from django.db import migrations, models


def backfill_owner_agency(apps, schema_editor):
    Contact = apps.get_model("helpline", "Contact")
    for contact in Contact.objects.filter(recorded_by__agency__isnull=False).select_related(
        "recorded_by"
    ):
        contact.owner_agency_id = contact.recorded_by.agency_id
        contact.save(update_fields=["owner_agency"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_agency_role_session_token"),
        ("helpline", "0002_contact_case"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="owner_agency",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty for contacts that arrived through the public form.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="helpline_contacts",
                to="accounts.agency",
                verbose_name="agency",
            ),
        ),
        migrations.RunPython(backfill_owner_agency, migrations.RunPython.noop),
    ]
