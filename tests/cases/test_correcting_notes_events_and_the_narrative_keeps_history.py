"""A corrected note, trafficking event or narrative leaves a "corrected" line on the timeline
and an audit entry naming the fields. The note stays in its place, marked as corrected; an
event's line keeps its earlier kind, country and dates but never its place; the narrative's line
says only that it was corrected."""

import datetime
import json

import pytest
from django.utils import translation
from django.utils.formats import date_format

from strehe.audit.models import AuditEntry
from strehe.cases.models import TimelineEntry
from strehe.cases.services import (
    case_note_add,
    event_correct,
    narrative_update,
    note_correct,
    trafficking_event_add,
)
from strehe.cases.timeline import timeline_line


def line(entry) -> str:
    with translation.override("en"):
        return timeline_line(entry)


def stored_text(case) -> str:
    corrections = case.timeline.filter(kind=TimelineEntry.Kind.CORRECTED)
    return "\n".join(
        [line(entry) for entry in corrections]
        + [json.dumps(entry.data, ensure_ascii=False) for entry in corrections]
        + [json.dumps(row, default=str) for row in AuditEntry.objects.values()]
    )


@pytest.mark.django_db
def test_a_corrected_note_keeps_its_place_and_says_it_was_corrected(staff, records_of):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="She met Agron in Ferizaj.")

    assert note_correct(actor=arta, case=case, note=note, text="She met Besnik in Gjilan.")

    note.refresh_from_db()
    assert note.note == "She met Besnik in Gjilan."
    assert line(note) == "Note added (later corrected)."
    correction = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    assert line(correction).startswith("The note of ") and "was corrected" in line(correction)
    assert correction.note is None
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE)
    assert (audit.fields, audit.target_id) == (["note"], str(note.pk))
    for word in ["Agron", "Ferizaj", "Besnik", "Gjilan"]:
        assert word not in stored_text(case)


@pytest.mark.django_db
def test_a_corrected_event_keeps_earlier_dates_and_country_but_not_the_place(
    staff, records_of, capsys
):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    event = trafficking_event_add(
        actor=arta,
        case=case,
        kind="Recruitment",
        country="AL",
        place="Fshati Qafë",
        started_on=datetime.date(2020, 3, 1),
    )

    changed = event_correct(
        actor=arta,
        case=case,
        event=event,
        kind="Recruitment",
        country="MK",
        place="Fshati Lumë",
        started_on=datetime.date(2020, 2, 1),
    )

    assert changed == ["country", "place", "started_on"]
    correction = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    text = line(correction)
    with translation.override("en"):
        earlier_start = date_format(datetime.date(2020, 3, 1), "DATE_FORMAT")
    assert text == (
        "Trafficking event (Recruitment in North Macedonia) corrected: changed country "
        f"(was: Albania), changed place, changed start (was: {earlier_start})."
    )
    assert correction.data["earlier"] == {"country": "AL", "started_on": "2020-03-01"}
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE)
    assert audit.fields == ["country", "place", "started_on"]
    assert "Qafë" not in stored_text(case) and "Lumë" not in stored_text(case)
    with capsys.disabled():
        print(f"\nevent correction line: {text}")


@pytest.mark.django_db
def test_a_corrected_narrative_is_named_never_quoted(staff, records_of):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own

    assert narrative_update(actor=arta, case=case, narrative="She left Prizren in May.")
    assert not narrative_update(actor=arta, case=case, narrative="She left Prizren in May.")

    case.refresh_from_db()
    assert case.narrative == "She left Prizren in May."
    correction = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    assert line(correction) == "The narrative was corrected."
    assert AuditEntry.objects.get(action=AuditEntry.Action.CHANGE).fields == ["narrative"]
    assert "Prizren" not in stored_text(case)
    assert "in her words" not in stored_text(case)  # the earlier narrative
