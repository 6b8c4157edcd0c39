"""Every correction service refuses an actor who may not change the case (or contact), and
writes nothing: the record, its timeline and the audit trail stay as they were.

Refused: roles without MANAGE_CASE (shelter staff, the coordinator's national view, the
statistician, the administrator), a caseworker of another agency, and nobody at all (None).
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

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
from tests.helpline.flow import CALL

REFUSED = [
    "shelter_staff_shpresa",
    "coordinator_drita",
    "statistician_besnik",
    "administrator_agim",
    "worker_elsewhere",
    None,
]


def corrections(case, note, event):
    """Each correction service, as a call taking the actor."""
    return {
        "person_update": lambda actor: person_update(
            actor=actor, case=case, changes={"given_name": "Changed", "aliases": ["Alias"]}
        ),
        "narrative_update": lambda actor: narrative_update(
            actor=actor, case=case, narrative="Changed narrative."
        ),
        "note_correct": lambda actor: note_correct(
            actor=actor, case=case, note=note, text="Changed note."
        ),
        "event_correct": lambda actor: event_correct(
            actor=actor,
            case=case,
            event=event,
            kind="Exploitation",
            country="RS",
            place="Changed place",
            started_on=datetime.date(2020, 1, 1),
        ),
    }


def state(case) -> tuple:
    case.refresh_from_db()
    person = case.person
    person.refresh_from_db()
    return (
        person.given_name,
        person.lookup_hash,
        sorted(person.name_tokens.values_list("token_hash", flat=True)),
        list(person.aliases.values_list("pk", flat=True)),
        case.narrative,
        list(case.timeline.values_list("pk", "note", "data")),
        list(case.events.values_list("kind", "country", "place", "started_on")),
        AuditEntry.objects.count(),
    )


@pytest.mark.django_db
def test_case_corrections_refuse_who_may_not_change_the_case(staff, records_of, capsys):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="First note.")
    event = trafficking_event_add(actor=arta, case=case, kind="Recruitment", country="AL")
    before = state(case)

    refused = 0
    for name, correct in corrections(case, note, event).items():
        for username in REFUSED:
            actor = staff[username] if username else None
            with pytest.raises(PermissionDenied):
                correct(actor)
            assert state(case) == before, f"{name} as {username} wrote something"
            refused += 1

    with capsys.disabled():
        print(f"\ncorrections refused: {refused} (service, actor) pairs, nothing written")
    assert not case.timeline.filter(kind=TimelineEntry.Kind.CORRECTED).exists()


@pytest.mark.django_db
def test_the_case_worker_of_the_case_may_correct(staff, records_of):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="First note.")
    event = trafficking_event_add(actor=arta, case=case, kind="Recruitment", country="AL")

    for correct in corrections(case, note, event).values():
        assert correct(arta)

    assert case.timeline.filter(kind=TimelineEntry.Kind.CORRECTED).count() == 4


@pytest.mark.django_db
def test_a_contact_is_corrected_only_by_a_role_that_logs_contacts_of_its_agency(staff):
    contact = contact_create(actor=staff["operator_olta"], anonymous=False, **CALL)
    audit_before = AuditEntry.objects.count()

    for username in [
        "investigator_ilir",
        "coordinator_drita",
        "statistician_besnik",
        "administrator_agim",
        "advocate_arta",  # logs contacts, but of another agency
        "worker_elsewhere",
    ]:
        with pytest.raises(PermissionDenied):
            contact_correct(actor=staff[username], contact=contact, changes={"summary": "Other."})

    contact.refresh_from_db()
    assert contact.summary == CALL["summary"]
    assert AuditEntry.objects.count() == audit_before
    assert contact_correct(
        actor=staff["colleague_helpline"], contact=contact, changes={"summary": "Other."}
    ) == ["summary"]
