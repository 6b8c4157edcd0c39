import pytest
from django.core.exceptions import PermissionDenied

from strehe.audit.models import AuditEntry
from strehe.cases.models import Case
from strehe.cases.services import case_update


@pytest.mark.django_db
def test_shelter_staff_may_see_a_case_but_not_change_it(staff, records_of):
    case = records_of("shelter_staff_shpresa").own

    with pytest.raises(PermissionDenied):
        case_update(
            actor=staff["shelter_staff_shpresa"], case=case, changes={"narrative": "Changed."}
        )

    assert Case.objects.get(pk=case.pk).narrative != "Changed."
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CHANGE).exists()


@pytest.mark.django_db
def test_a_caseworker_may_not_change_another_agencys_case(staff, records_of):
    case = records_of("social_worker_sokol").other_agency

    with pytest.raises(PermissionDenied):
        case_update(actor=staff["social_worker_sokol"], case=case, changes={"narrative": "X"})

    assert Case.objects.get(pk=case.pk).narrative != "X"
