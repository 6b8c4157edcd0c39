import secrets

from django.db import migrations, models


def first_generation(apps, schema_editor):
    apps.get_model("core", "ContentGeneration").objects.create(pk=1, token=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_submitted_form")]

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32, verbose_name="token")),
            ],
            options={"verbose_name": "content generation", "verbose_name_plural": "content generations"},
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
