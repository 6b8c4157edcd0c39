"""Aliases are stored encrypted, like names: the raw rows hold neither the alias nor its words,
and the name index holds only keyed hashes of them."""

import pytest
from django.db import connection

from strehe.cases.services import case_open, person_update


@pytest.mark.django_db
def test_the_alias_rows_and_the_name_index_hold_no_alias_in_plain_text(staff, agencies):
    case = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        aliases=["Shqiponja Plaintextova"],
    )
    person_update(
        actor=staff["advocate_arta"],
        case=case,
        changes={"aliases": ["Shqiponja Plaintextova", "Zana Cleartextaj"]},
    )

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_personalias WHERE person_id = %s", [case.person_id])
        alias_rows = [str(row[0]) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT token_hash FROM cases_personnametoken WHERE person_id = %s", [case.person_id]
        )
        index_rows = " ".join(str(row[0]) for row in cursor.fetchall())
        cursor.execute("SELECT data FROM cases_timelineentry WHERE case_id = %s", [case.pk])
        timeline_rows = " ".join(str(row[0]) for row in cursor.fetchall())

    assert len(alias_rows) == 2
    stored = " ".join([*alias_rows, index_rows, timeline_rows]).casefold()
    for word in ["shqiponja", "plaintextova", "zana", "cleartextaj"]:
        assert word not in stored
    assert all(row.startswith("gAAAA") for row in alias_rows)  # Fernet tokens
    assert sorted(alias.name for alias in case.person.aliases.all()) == [
        "Shqiponja Plaintextova",
        "Zana Cleartextaj",
    ]
