import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.services import case_update


@pytest.mark.django_db
def test_a_change_records_the_names_of_changed_fields_never_their_values(staff, records_of):
    case = records_of("advocate_arta").own

    changed = case_update(
        actor=staff["advocate_arta"],
        case=case,
        changes={
            "family_name": "Newsurname",
            "narrative": "Moved to a safe place.",
            "assigned_worker": case.assigned_worker,
        },
    )

    assert sorted(changed) == ["family_name", "narrative"]
    person_entry = AuditEntry.objects.get(
        action=AuditEntry.Action.CHANGE, target_type="cases.person"
    )
    case_entry = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE, target_type="cases.case")
    assert person_entry.fields == ["family_name"]
    assert case_entry.fields == ["narrative"]
    everything = str(list(AuditEntry.objects.values()))
    assert "Newsurname" not in everything
    assert "safe place" not in everything


@pytest.mark.django_db
def test_the_stage_is_not_an_editable_field(staff, records_of):
    case = records_of("advocate_arta").own

    with pytest.raises(ValueError, match="stage"):
        case_update(actor=staff["advocate_arta"], case=case, changes={"stage": "closed"})
