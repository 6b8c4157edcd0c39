from django.conf import settings
from django.db import migrations

from strehe.cases.search_index import index_hashes

# The persons stored before the name index existed get their index, computed as Person.save
# computes it (search_index.index_hashes with the lookup key). The historical model has the
# encrypted fields, so the names are decrypted here one person at a time, never written back.


def index_names(apps, schema_editor):
    Person = apps.get_model("cases", "Person")
    PersonNameToken = apps.get_model("cases", "PersonNameToken")
    key = settings.LOOKUP_HASH_KEY.encode()
    batch = []
    for person in Person.objects.only("pk", "given_name", "family_name").iterator():
        name = f"{person.given_name or ''} {person.family_name or ''}"
        batch += [
            PersonNameToken(person_id=person.pk, token_hash=token_hash)
            for token_hash in sorted(index_hashes(name, key=key))
        ]
        if len(batch) >= 1000:
            PersonNameToken.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    PersonNameToken.objects.bulk_create(batch, ignore_conflicts=True)


def forget_names(apps, schema_editor):
    apps.get_model("cases", "PersonNameToken").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_person_name_tokens"),
    ]

    operations = [migrations.RunPython(index_names, forget_names)]
