"""Cases recorded under the first, provisional stages survive the move to the Kosovo stages."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from strehe.cases.models import Person

BEFORE = [("cases", "0001_initial"), ("helpline", "0001_initial"), ("screening", "0001_initial")]
AFTER = [("cases", "0002_case_workflow")]


@pytest.mark.django_db(transaction=True)
def test_old_stages_citizenship_and_lookup_hashes_are_carried_over(agencies):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    person = old.get_model("cases", "Person").objects.create(
        given_name="Arbër",
        family_name="Krasniqi",
        birth_date=datetime.date(2004, 3, 1),
        lookup_hash="old",
        citizenship="MD",
    )
    Case = old.get_model("cases", "Case")
    for number, stage in enumerate(["screening", "identified", "assistance", "closed"]):
        Case.objects.create(
            code=f"KS-2020-{number:05d}",
            person=person,
            owner_agency_id=agencies["police"].pk,
            stage=stage,
        )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    stages = dict(new.get_model("cases", "Case").objects.values_list("code", "stage"))
    assert stages == {
        "KS-2020-00000": "identification",
        "KS-2020-00001": "risk_and_referral",
        "KS-2020-00002": "initial_assistance",
        "KS-2020-00003": "closed",
    }
    closed = new.get_model("cases", "Case").objects.get(code="KS-2020-00003")
    assert closed.closing_reason == "other"
    migrated = new.get_model("cases", "Person").objects.get(pk=person.pk)
    assert migrated.citizenships == ["MD"]
    assert migrated.lookup_hash == Person.lookup_hash_for(
        given_name="Arber", family_name="KRASNIQI", birth_date=datetime.date(2004, 3, 1)
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
