"""The database holds no name in clear: the index is keyed hashes, which follow the lookup key
when it is rotated, and persons stored before the index existed are indexed by its migration."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from strehe.cases.models import Person, PersonNameToken
from strehe.cases.search import case_search_results, search_terms
from strehe.cases.search_index import index_hashes
from strehe.cases.services import case_open

# Every form the name takes on its way into the index: as typed, ASCII, folded, stemmed.
FRAGMENTS = ["Drita", "Dritë", "drita", "drite", "drit", "Berisha", "berisha", "berisa", "beris"]


def every_text_in_the_database() -> str:
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            texts += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(texts)


def found(user, query):
    return [r.case.code for r in case_search_results(user=user, terms=search_terms(query))]


@pytest.mark.django_db
def test_no_table_holds_the_name_in_any_form_only_keyed_hashes(settings, staff, agencies):
    case = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        given_name="Dritë",
        family_name="Berisha",
        birth_date=datetime.date(1994, 3, 7),
    )
    assert found(staff["advocate_arta"], "Дрита Бериша") == [case.code]

    # The test users' names are not the person's: "coordinator_drita" may stay.
    stored = every_text_in_the_database().replace("coordinator_drita", "")
    for fragment in FRAGMENTS:
        assert fragment not in stored
    tokens = set(PersonNameToken.objects.values_list("token_hash", flat=True))
    assert tokens == index_hashes("Dritë Berisha", key=settings.LOOKUP_HASH_KEY.encode())
    # Keyed: without the key, the same name gives other hashes, so a guess cannot be tested.
    assert tokens.isdisjoint(index_hashes("Dritë Berisha", key=b"a guess at the key"))


@pytest.mark.django_db
def test_a_name_changed_later_changes_the_index(staff, agencies):
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name="Drita", family_name="Berisha"
    )
    person = Person.objects.get(pk=case.person_id)

    person.family_name = "Krasniqi"
    person.save(update_fields=["family_name"])

    assert found(staff["coordinator_drita"], "Drita Berisha") == []
    assert found(staff["coordinator_drita"], "Drita Krasniqi") == [case.code]


@pytest.mark.django_db
def test_rotating_the_lookup_key_rehashes_the_index(settings, staff, agencies):
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name="Drita", family_name="Berisha"
    )
    before = set(PersonNameToken.objects.values_list("token_hash", flat=True))

    settings.LOOKUP_HASH_KEY = "a new lookup key"
    call_command("rotatefieldkeys")

    after = set(PersonNameToken.objects.values_list("token_hash", flat=True))
    assert after.isdisjoint(before)
    assert after == index_hashes("Drita Berisha", key=b"a new lookup key")
    assert found(staff["coordinator_drita"], "Dritë Berishaj") == [case.code]


def migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_indexes_the_persons_stored_before_it(settings, agencies):
    old = migrate([("cases", "0004_encrypt_free_text")])
    person = old.get_model("cases", "Person").objects.create(
        given_name="Дрита", family_name="Бериша", lookup_hash="x"
    )
    try:
        migrate([("cases", "0006_person_name_tokens_backfill")])

        tokens = set(
            PersonNameToken.objects.filter(person_id=person.pk).values_list("token_hash", flat=True)
        )
        assert tokens == index_hashes("Дрита Бериша", key=settings.LOOKUP_HASH_KEY.encode())

        migrate([("cases", "0005_person_name_tokens")])
        assert not PersonNameToken.objects.exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
