"""English pages name a municipality in both official forms where they differ. Rows loaded
before the reference file had its name_en column get the file's English name (or "Albanian /
Serbian"); a name someone already set in the admin is kept."""

import csv
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"


def english_names(apps, schema_editor):  # type: ignore[no-untyped-def]
    Municipality = apps.get_model("directory", "Municipality")
    from_file = {}
    if DATA_FILE.is_file():
        with DATA_FILE.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row.get("name_en") or "").strip():
                    from_file[row["name_sq"].strip()] = row["name_en"].strip()
    for municipality in Municipality.objects.filter(name_en__in=["", None]):
        sq, sr = municipality.name_sq or "", municipality.name_sr or ""
        name = from_file.get(sq) or (sq if not sr or sq == sr else f"{sq} / {sr}")
        municipality.name_en = name[:100]
        municipality.save(update_fields=["name_en"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_holidays_emergency_numbers")]

    operations = [migrations.RunPython(english_names, migrations.RunPython.noop)]
