"""The risk levels each kind of shelter takes, as Kosovo practice has it; changed in the admin.

High risk: the high-security facility or a trafficking-only shelter. Domestic-violence shelters
take trafficking victims at low risk only.
"""

from django.db import migrations

RULES = {
    "trafficking_only": (True, True, True),
    "domestic_violence": (True, False, False),
    "high_security": (False, True, True),
}


def add_rules(apps, schema_editor):
    rule = apps.get_model("shelters", "ShelterKindRule")
    for kind, (low, medium, high) in RULES.items():
        rule.objects.get_or_create(
            kind=kind,
            defaults={"takes_low_risk": low, "takes_medium_risk": medium, "takes_high_risk": high},
        )


class Migration(migrations.Migration):
    dependencies = [("shelters", "0001_initial")]

    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
