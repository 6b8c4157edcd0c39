import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from strehe.audit.models import AuditEntry
from strehe.cases.models import Person
from strehe.cases.services import case_open


def raw_given_name(person_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT given_name FROM cases_person WHERE id = %s", [person_id])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_new_key_first_then_rotation_leaves_rows_readable_with_the_new_key_alone(
    settings, staff, agencies
):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name="Teuta", family_name="Rota"
    )
    new_key = Fernet.generate_key().decode()

    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotatefieldkeys")

    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Fernet(new_key.encode()).decrypt(raw_given_name(case.person_id).encode()) == b"Teuta"
    assert Person.objects.get(pk=case.person_id).given_name == "Teuta"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.KEY_ROTATION).count() == 1


@pytest.mark.django_db
def test_rotation_without_the_old_key_changes_nothing(settings, staff, agencies):
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name="Teuta", family_name="Rota"
    )
    before = raw_given_name(case.person_id)

    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="no key"):
        call_command("rotatefieldkeys")

    assert raw_given_name(case.person_id) == before


@pytest.mark.django_db
def test_a_new_lookup_key_is_applied_to_the_lookup_hashes(settings, staff, agencies):
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name="Teuta", family_name="Rota"
    )
    before = Person.objects.get(pk=case.person_id).lookup_hash

    settings.LOOKUP_HASH_KEY = "a new lookup key"
    call_command("rotatefieldkeys")

    assert Person.objects.get(pk=case.person_id).lookup_hash != before
