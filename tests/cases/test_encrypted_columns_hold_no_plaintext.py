import datetime

import pytest
from django.db import connection

from strehe.cases.models import Case, Person
from strehe.cases.services import case_open


@pytest.mark.django_db
def test_the_raw_rows_contain_no_plaintext_of_encrypted_fields(staff, agencies):
    case = case_open(
        actor=staff["investigator_ilir"],
        owner_agency=agencies["police"],
        given_name="Arbëresha",
        family_name="Plaintextova",
        birth_date=datetime.date(2004, 2, 29),
        identity_number="1234567890",
        phone="+38344123456",
        address="Rruga e Fshehtë 7, Prishtinë",
        narrative="She was told the job was in a bakery.",
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT given_name, family_name, birth_date, identity_number, phone, address,"
            " lookup_hash FROM cases_person WHERE id = %s",
            [case.person_id],
        )
        person_row = " ".join(str(value) for value in cursor.fetchone())
        cursor.execute("SELECT narrative FROM cases_case WHERE id = %s", [case.pk])
        case_row = str(cursor.fetchone()[0])

    for plaintext in (
        "Arbëresha",
        "Plaintextova",
        "2004-02-29",
        "1234567890",
        "38344123456",
        "Fshehtë",
    ):
        assert plaintext not in person_row
    assert "bakery" not in case_row
    # ...and the application reads them back.
    person = Person.objects.get(pk=case.person_id)
    assert (person.given_name, person.birth_date) == ("Arbëresha", datetime.date(2004, 2, 29))
    assert Case.objects.get(pk=case.pk).narrative == "She was told the job was in a bakery."


@pytest.mark.django_db
def test_the_keyed_lookup_hash_finds_a_person_despite_case_accents_and_spaces(staff, agencies):
    case = case_open(
        actor=staff["investigator_ilir"],
        owner_agency=agencies["police"],
        given_name="Arbëresha",
        family_name="Krasniqi",
        birth_date=datetime.date(2004, 2, 29),
    )

    wanted = Person.lookup_hash_for(
        given_name="  ARBERESHA ", family_name="krasniqi", birth_date=datetime.date(2004, 2, 29)
    )

    assert Person.objects.filter(lookup_hash=wanted).get().pk == case.person_id
    other_day = Person.lookup_hash_for(
        given_name="Arbëresha", family_name="Krasniqi", birth_date=datetime.date(2004, 3, 1)
    )
    assert other_day != wanted
