import datetime

import pytest
from django.db import connection

from strehe.cases.codes import EventKind, TraffickingStatus
from strehe.cases.models import (
    Case,
    ClosingReason,
    Person,
    RiskLevel,
    Stage,
    TimelineEntry,
    TraffickingEvent,
)
from strehe.cases.services import (
    case_move_stage,
    case_note_add,
    case_open,
    case_share,
    identification_record,
    risk_assessment_record,
    trafficking_event_add,
)
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create


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


def every_stored_value() -> str:
    """Every value of every table, as the database holds it."""
    quote = connection.ops.quote_name
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            values += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(values)


@pytest.mark.django_db
def test_no_free_text_that_may_identify_a_person_is_stored_in_plain_text(staff, agencies):
    police = staff["investigator_ilir"]
    words = {}

    def secret(label: str) -> str:
        words[label] = f"Plainword{label.capitalize()}"
        return f"Text with {words[label]} in it"

    contact = contact_create(
        actor=staff["advocate_arta"],
        channel="phone",
        language="sq",
        caller_type="possible_victim",
        topic="trafficking",
        outcome="advice_given",
        anonymous=False,
        summary=secret("summary"),
        advice_and_referrals=secret("advice"),
    )
    case = case_open(
        actor=police,
        owner_agency=agencies["police"],
        given_name="Teuta",
        family_name="Rota",
        birth_date=datetime.date(2001, 5, 4),
        address=secret("address"),
        narrative=secret("narrative"),
    )
    trafficking_event_add(
        actor=police, case=case, kind=EventKind.RECRUITMENT, country="XK", place=secret("place")
    )
    case_note_add(actor=police, case=case, text=secret("note"))
    identification_record(
        actor=police, case=case, status=TraffickingStatus.PRESUMED, grounds=secret("grounds")
    )
    case_share(
        actor=police, case=case, agency=agencies["advocates"], override_reason=secret("override")
    )
    risk_assessment_record(
        actor=police,
        case=case,
        level=RiskLevel.HIGH,
        reasons=secret("reasons"),
        assessors=[staff["advocate_arta"]],
    )
    case_move_stage(
        actor=police,
        case=case,
        to_stage=Stage.CLOSED,
        closing_reason=ClosingReason.OTHER,
        note=secret("closing"),
    )

    stored = every_stored_value()

    assert len(words) == 10
    assert case.code in stored  # the scan does read the rows
    assert [label for label, word in words.items() if word in stored] == []
    # ...and the application reads every one of them back.
    contact = Contact.objects.get(pk=contact.pk)
    assert words["summary"] in contact.summary
    assert words["advice"] in contact.advice_and_referrals
    assert words["place"] in TraffickingEvent.objects.get(case=case).place
    notes = " ".join(
        TimelineEntry.objects.filter(case=case).exclude(note=None).values_list("note", flat=True)
    )
    assert all(words[label] in notes for label in ("note", "override", "closing"))
