"""Contacts and events stored before their free text was encrypted are encrypted by the migration.

And unapplying the migration gives the plain text back, so it can be rolled back safely.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from strehe.cases.models import TraffickingEvent
from strehe.core.crypto import decrypt_text
from strehe.helpline.models import Contact

BEFORE = [("cases", "0003_access_grants"), ("helpline", "0003_contact_owner_agency")]
AFTER = [("cases", "0004_encrypt_free_text"), ("helpline", "0004_encrypt_free_text")]


def raw_rows(table: str, columns: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id")  # noqa: S608
        return cursor.fetchall()


def migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_stored_summaries_advice_and_places_are_encrypted_and_read_back(agencies):
    old = migrate(BEFORE)
    old_contact = old.get_model("helpline", "Contact").objects.create(
        channel="phone",
        language="sq",
        caller_type="possible_victim",
        topic="trafficking",
        outcome="advice_given",
        summary="Her cousin in Ferizaj called",
        advice_and_referrals="",
    )
    person = old.get_model("cases", "Person").objects.create(
        given_name="Teuta", family_name="Rota", lookup_hash="x"
    )
    case = old.get_model("cases", "Case").objects.create(
        code="KS-2020-00001", person=person, owner_agency_id=agencies["police"].pk
    )
    old.get_model("cases", "TraffickingEvent").objects.create(
        case=case, kind="Exploitation", country="XK", place="Fshati i Epërm"
    )

    try:
        migrate(AFTER)

        [(summary, advice)] = raw_rows("helpline_contact", "summary, advice_and_referrals")
        [(place,)] = raw_rows("cases_traffickingevent", "place")
        assert (decrypt_text(summary), decrypt_text(advice)) == ("Her cousin in Ferizaj called", "")
        assert decrypt_text(place) == "Fshati i Epërm"
        # Only the columns this migration knows: later migrations add others.
        contact = Contact.objects.only("summary", "advice_and_referrals").get(pk=old_contact.pk)
        assert (contact.summary, contact.advice_and_referrals) == (
            "Her cousin in Ferizaj called",
            "",
        )
        assert TraffickingEvent.objects.get().place == "Fshati i Epërm"

        migrate(BEFORE)

        assert raw_rows("helpline_contact", "summary, advice_and_referrals") == [
            ("Her cousin in Ferizaj called", "")
        ]
        assert raw_rows("cases_traffickingevent", "place") == [("Fshati i Epërm",)]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
