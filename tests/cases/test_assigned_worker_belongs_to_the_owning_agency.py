"""The assigned worker is someone of the agency that owns the case.

Their grant is personal and rests on no consent: if staff of an agency the case is shared with
could be assigned (or assign themselves), they would keep seeing the case after the person
withdrew their consent to share with that agency.
"""

import pytest
from django.core.exceptions import ValidationError

from strehe.cases.models import AccessGrant, Case
from strehe.cases.policies import case_policy
from strehe.cases.services import (
    case_open,
    case_share,
    case_update,
    consent_record,
    consent_withdraw,
)
from tests.staff import open_test_case


@pytest.mark.django_db
def test_a_shared_agency_worker_cannot_assign_themselves_and_keep_access(staff, agencies):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    case = open_test_case(owner=agencies["advocates"], worker=arta, label="Assign")
    consent = consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])
    grants_before = AccessGrant.objects.count()

    with pytest.raises(ValidationError) as refused:
        case_update(actor=sokol, case=case, changes={"assigned_worker": sokol})
    consent_withdraw(actor=arta, consent=consent)

    assert "assigned_worker" in refused.value.message_dict
    assert Case.objects.get(pk=case.pk).assigned_worker == arta
    assert AccessGrant.objects.filter(user=sokol).count() == 0
    assert AccessGrant.objects.count() == grants_before
    assert not case_policy.may_view(sokol, case)


@pytest.mark.django_db
def test_a_case_is_not_opened_with_a_worker_of_another_agency(staff, agencies):
    with pytest.raises(ValidationError) as refused:
        case_open(
            actor=staff["advocate_arta"],
            owner_agency=agencies["advocates"],
            given_name="Besa",
            family_name="Hoxha",
            assigned_worker=staff["investigator_ilir"],
        )

    assert "assigned_worker" in refused.value.message_dict
    assert not Case.objects.exists()
    assert not case_policy.visible_to(staff["investigator_ilir"]).exists()


@pytest.mark.django_db
def test_a_colleague_of_the_owning_agency_is_assigned(staff, agencies):
    arta = staff["advocate_arta"]
    colleague = staff["colleague_advocates"]
    case = open_test_case(owner=agencies["advocates"], worker=arta, label="Colleague")

    case_update(actor=arta, case=case, changes={"assigned_worker": colleague})

    assert (
        AccessGrant.objects.get(case=case, basis="assigned", ended_at__isnull=True).user
        == colleague
    )
