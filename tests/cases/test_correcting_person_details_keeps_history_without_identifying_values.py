"""Correcting each detail of a person leaves a timeline line and an audit entry naming the field.

For fields that identify the person (names, aliases, birth date, identity number, phone,
address) neither the line, the entry's data nor the audit trail holds the earlier or the new
value; for codes (sex, citizenships, languages) and the estimated age the line keeps the earlier
value.
"""

import datetime
import json

import pytest
from django.utils import timezone, translation

from strehe.audit.models import AuditEntry
from strehe.cases.models import TimelineEntry
from strehe.cases.services import case_open, person_update
from strehe.cases.timeline import timeline_line

# field: (value before, value after, what the timeline line says in English)
IDENTIFYING = {
    "given_name": ("Vjollca", "Violeta", "changed given name"),
    "family_name": ("Gashiqi", "Gashi-Hoxha", "changed family name"),
    "aliases": (["Lola Bardhi"], ["Lola Bardhi", "Mimoza Zeka"], "changed aliases"),
    "birth_date": (datetime.date(1999, 4, 7), datetime.date(1998, 7, 4), "changed birth date"),
    "identity_number": ("1112223334", "9998887776", "changed identity number"),
    "phone": ("+38344111222", "+38349333444", "changed phone number"),
    "address": ("Rruga Lulishtja 12, Ferizaj", "Rruga Dardania 3, Gjilan", "changed address"),
}
NOT_IDENTIFYING = {
    "sex": ("unknown", "female", "changed sex (was: Unknown)"),
    "citizenships": (["XK"], ["XK", "AL"], "changed citizenships (was: Kosovo)"),
    "languages": (["sq"], ["sq", "sr"], "changed languages (was: Albanian)"),
}


def opened(staff, agencies, **before):
    values = {name: value[0] for name, value in {**IDENTIFYING, **NOT_IDENTIFYING}.items()}
    values.update(before)
    return case_open(actor=staff["advocate_arta"], owner_agency=agencies["advocates"], **values)


def everything_stored_about(case) -> str:
    """The timeline's lines, data and notes, and every audit entry, as one text."""
    entries = list(case.timeline.all())
    with translation.override("en"):
        lines = [timeline_line(entry) for entry in entries]
    data = [json.dumps(entry.data, ensure_ascii=False) for entry in entries]
    notes = [entry.note or "" for entry in entries]
    audit = [
        json.dumps(row, default=str, ensure_ascii=False) for row in AuditEntry.objects.values()
    ]
    return "\n".join(lines + data + notes + audit)


def plain(value) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, datetime.date):
        return [value.isoformat(), value.strftime("%d.%m.%Y")]
    return [str(value)]


@pytest.mark.django_db
@pytest.mark.parametrize("field", sorted(IDENTIFYING))
def test_an_identifying_detail_is_named_as_changed_never_shown(staff, agencies, field, capsys):
    case = opened(staff, agencies)
    before, after, expected_line = IDENTIFYING[field]

    changed = person_update(actor=staff["advocate_arta"], case=case, changes={field: after})

    assert changed == [field]
    entry = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    with translation.override("en"):
        line = timeline_line(entry)
    assert line == f"Person details corrected: {expected_line}."
    assert entry.data == {"record": "person", "fields": [field], "earlier": {}}
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE, target_type="cases.person")
    assert audit.fields == [field]
    assert audit.actor == staff["advocate_arta"]
    stored = everything_stored_about(case)
    leaked = [text for text in plain(before) + plain(after) if text in stored]
    assert leaked == []
    case.person.refresh_from_db()
    if field == "aliases":
        assert [alias.name for alias in case.person.aliases.all()] == after
    else:
        assert getattr(case.person, field) == after
    with capsys.disabled():
        print(f"\n{field}: timeline says {line!r}; audit fields {audit.fields}")


@pytest.mark.django_db
@pytest.mark.parametrize("field", sorted(NOT_IDENTIFYING))
def test_a_code_detail_keeps_its_earlier_value_on_the_timeline(staff, agencies, field):
    case = opened(staff, agencies)
    before, after, expected_line = NOT_IDENTIFYING[field]

    person_update(actor=staff["advocate_arta"], case=case, changes={field: after})

    entry = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    with translation.override("en"):
        assert timeline_line(entry) == f"Person details corrected: {expected_line}."
    assert entry.data["earlier"] == {field: before}
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE, target_type="cases.person")
    assert audit.fields == [field]
    assert audit.detail in ({}, None)


@pytest.mark.django_db
def test_a_new_estimate_of_the_age_is_dated_today_and_keeps_the_earlier_one(staff, agencies):
    case = opened(staff, agencies, birth_date=None, estimated_age=20)

    person_update(actor=staff["advocate_arta"], case=case, changes={"estimated_age": 22})

    case.person.refresh_from_db()
    assert case.person.estimated_age == 22
    assert case.person.age_estimated_on == timezone.localdate()
    entry = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    assert entry.data["earlier"] == {"estimated_age": 20}


@pytest.mark.django_db
def test_several_details_at_once_are_one_line_and_one_audit_entry(staff, agencies):
    case = opened(staff, agencies)

    changed = person_update(
        actor=staff["advocate_arta"],
        case=case,
        changes={"phone": "+38349000000", "sex": "female", "address": "Rruga Dardania 3, Gjilan"},
    )

    assert sorted(changed) == ["address", "phone", "sex"]
    assert case.timeline.filter(kind=TimelineEntry.Kind.CORRECTED).count() == 1
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE, target_type="cases.person")
    assert audit.fields == ["address", "phone", "sex"]


@pytest.mark.django_db
def test_saving_the_same_details_again_records_nothing(staff, agencies):
    case = opened(staff, agencies)
    entries = AuditEntry.objects.count()

    changed = person_update(
        actor=staff["advocate_arta"],
        case=case,
        changes={name: value[0] for name, value in {**IDENTIFYING, **NOT_IDENTIFYING}.items()},
    )

    assert changed == []
    assert not case.timeline.filter(kind=TimelineEntry.Kind.CORRECTED).exists()
    assert AuditEntry.objects.count() == entries
