"""A correction with bad input is refused on its field, and nothing of it is saved: not the
record, not a timeline line, not an audit entry, not the name index."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from strehe.audit.models import AuditEntry
from strehe.cases.models import TimelineEntry
from strehe.cases.services import (
    case_note_add,
    event_correct,
    narrative_update,
    note_correct,
    person_update,
    trafficking_event_add,
)
from strehe.helpline.editing import contact_correct
from strehe.helpline.services import contact_create
from tests.helpline.flow import CALL, url

TOO_LONG_NAME = "A" * 201
MEGABYTE = "A" * 1_000_000


def snapshot(case) -> tuple:
    case.refresh_from_db()
    person = case.person
    person.refresh_from_db()
    return (
        [getattr(person, name) for name in ("given_name", "family_name", "birth_date", "phone")],
        person.estimated_age,
        sorted(person.name_tokens.values_list("token_hash", flat=True)),
        list(person.aliases.values_list("pk", flat=True)),
        case.narrative,
        list(case.timeline.values_list("pk", "note")),
        list(case.events.values_list("pk", "place", "started_on", "ended_on")),
        AuditEntry.objects.count(),
    )


@pytest.mark.django_db
def test_bad_input_to_the_services_is_refused_on_its_field(staff, records_of, capsys):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="First note.")
    event = trafficking_event_add(actor=arta, case=case, kind="Recruitment", country="AL")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    attempts = {
        "given_name": lambda: person_update(
            actor=arta, case=case, changes={"given_name": TOO_LONG_NAME, "phone": "+383440"}
        ),
        "aliases": lambda: person_update(
            actor=arta, case=case, changes={"aliases": ["Ok alias", TOO_LONG_NAME]}
        ),
        "birth_date": lambda: person_update(
            actor=arta, case=case, changes={"birth_date": tomorrow, "aliases": ["New"]}
        ),
        "estimated_age": lambda: person_update(
            actor=arta,
            case=case,
            changes={"birth_date": datetime.date(2000, 1, 1), "estimated_age": 20},
        ),
        "narrative": lambda: narrative_update(actor=arta, case=case, narrative=MEGABYTE),
        "text": lambda: note_correct(actor=arta, case=case, note=note, text="   "),
        "ended_on": lambda: event_correct(
            actor=arta,
            case=case,
            event=event,
            kind="Recruitment",
            country="AL",
            place="A village",
            started_on=datetime.date(2021, 5, 1),
            ended_on=datetime.date(2021, 4, 1),
        ),
        "country": lambda: event_correct(
            actor=arta, case=case, event=event, kind="Recruitment", country="Albania"
        ),
    }
    before = snapshot(case)

    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert field in refused.value.message_dict, (field, refused.value.message_dict)
        assert snapshot(case) == before, f"{field}: something was saved"

    with capsys.disabled():
        print(f"\ncorrections with bad input refused: {len(attempts)}, nothing saved")
    assert not TimelineEntry.objects.filter(kind=TimelineEntry.Kind.CORRECTED).exists()


@pytest.mark.django_db
def test_a_note_or_event_of_another_case_cannot_be_corrected_through_this_one(staff, records_of):
    arta = staff["advocate_arta"]
    records = records_of("advocate_arta")
    other_note = case_note_add(actor=arta, case=records.own_agency, text="Other case's note.")
    other_event = trafficking_event_add(
        actor=arta, case=records.own_agency, kind="Transit", country="RS"
    )

    with pytest.raises(ValidationError) as refused:
        note_correct(actor=arta, case=records.own, note=other_note, text="Changed.")
    assert "note" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        event_correct(actor=arta, case=records.own, event=other_event, kind="Transit", country="AL")
    assert "event" in refused.value.message_dict
    other_note.refresh_from_db()
    assert other_note.note == "Other case's note."


@pytest.mark.django_db
def test_the_person_page_shows_errors_and_saves_nothing(staff, records_of, login_as):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    before = snapshot(case)

    response = client.post(
        url("cases:person", code=case.code),
        {
            "given_name": "Vera",
            "family_name": "",
            "aliases": "Fine\n" + TOO_LONG_NAME,
            "birth_date": "3000-01-01",
            "estimated_age": "9" * 30,
            "sex": "female",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"aliases", "birth_date", "estimated_age"} <= set(errors)
    assert snapshot(case) == before


@pytest.mark.django_db
def test_a_contact_correction_with_bad_input_saves_nothing(staff):
    contact = contact_create(actor=staff["operator_olta"], anonymous=False, **CALL)
    audit_before = AuditEntry.objects.count()

    with pytest.raises(ValidationError) as refused:
        contact_correct(
            actor=staff["operator_olta"],
            contact=contact,
            changes={"summary": "Fine.", "topic": "not a topic"},
        )

    assert "topic" in refused.value.message_dict
    contact.refresh_from_db()
    assert (contact.summary, contact.topic) == (CALL["summary"], CALL["topic"])
    assert AuditEntry.objects.count() == audit_before
