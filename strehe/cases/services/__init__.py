"""Writes on cases, by sub-domain. Each runs in one transaction with its timeline line and audit
entry (services._acts.act_recorded), and checks the actor itself through the case policy, so
that a page, the API, a command and an import cannot differ. Bad input raises ValidationError
naming the offending field, and nothing is saved then.

- opening: case codes, opening a case, linking records made before it
- access: sharing with an agency and ending it, the assigned worker (access grants)
- assignment: assigning, reassigning, unassigning a worker; transferring to another agency
- printing: the printed or downloaded case summary (audited)
- consent: recording and withdrawing consent; the rule that acts need it
- assessments: identification decisions, risk assessments
- stages: moving through the procedures, closing
- records: the case's fields, notes, trafficking events, reads
- followups: tasks with a due date and an assignee, done and reopened
- editing: corrections with history (person and aliases, narrative, notes, events)
- linking: two cases confirmed to be one person (reversible), or different people
"""

from .access import case_share, case_share_end
from .assessments import identification_record, risk_assessment_record
from .assignment import case_assign, case_transfer
from .consent import consent_in_force, consent_record, consent_required, consent_withdraw
from .editing import (
    PERSON_EDITABLE_FIELDS,
    PERSON_IDENTIFYING_FIELDS,
    event_correct,
    linked_record_corrected,
    narrative_update,
    note_correct,
    person_update,
)
from .followups import follow_up_add, follow_up_done, follow_up_reopen
from .linking import person_link, person_unlink, persons_distinguish
from .opening import case_code_next, case_open, case_records_attach, duplicates_search
from .printing import case_printed
from .records import (
    CASE_UPDATABLE_FIELDS,
    PERSON_UPDATABLE_FIELDS,
    case_note_add,
    case_update,
    case_viewed,
    trafficking_event_add,
)
from .stages import case_move_stage

__all__ = [
    "CASE_UPDATABLE_FIELDS",
    "PERSON_EDITABLE_FIELDS",
    "PERSON_IDENTIFYING_FIELDS",
    "PERSON_UPDATABLE_FIELDS",
    "case_assign",
    "case_code_next",
    "case_move_stage",
    "case_note_add",
    "case_open",
    "case_printed",
    "case_records_attach",
    "case_share",
    "case_share_end",
    "case_transfer",
    "case_update",
    "case_viewed",
    "consent_in_force",
    "consent_record",
    "consent_required",
    "consent_withdraw",
    "duplicates_search",
    "event_correct",
    "follow_up_add",
    "follow_up_done",
    "follow_up_reopen",
    "identification_record",
    "linked_record_corrected",
    "narrative_update",
    "note_correct",
    "person_link",
    "person_unlink",
    "person_update",
    "persons_distinguish",
    "risk_assessment_record",
    "trafficking_event_add",
]
