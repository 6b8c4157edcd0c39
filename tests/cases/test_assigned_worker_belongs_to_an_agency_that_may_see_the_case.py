"""The assigned worker is someone of an agency that holds a grant in force on the case: the owning
agency, or one the case is shared with (by consent or an override).

Their grant is personal and held as a member of that agency: it ends, in the same transaction,
when the agency's last grant on the case ends (consent withdrawn, sharing stopped, transfer), so
an assignment never outlives the consent the agency's access rested on.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, Case, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services import (
    case_assign,
    case_open,
    case_share,
    case_share_end,
    case_update,
    consent_record,
    consent_withdraw,
)
from strehe.work.selectors import cases_assigned_to
from tests.staff import open_test_case


def shared_with_social_work(staff, agencies, label):
    arta = staff["advocate_arta"]
    case = open_test_case(owner=agencies["advocates"], worker=arta, label=label)
    consent = consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    grant = case_share(actor=arta, case=case, agency=agencies["social"])
    return case, consent, grant


def sokols_grants_in_force(staff, case):
    return AccessGrant.objects.filter(
        case=case, user=staff["social_worker_sokol"], ended_at__isnull=True
    )


@pytest.mark.django_db
def test_a_worker_of_an_agency_the_case_is_shared_with_may_be_assigned(staff, agencies):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    case, _consent, _grant = shared_with_social_work(staff, agencies, "Shared")

    case_update(actor=arta, case=case, changes={"assigned_worker": sokol})

    assert Case.objects.get(pk=case.pk).assigned_worker == sokol
    assert sokols_grants_in_force(staff, case).get().agency == agencies["social"]
    assert case in cases_assigned_to(sokol)


@pytest.mark.django_db
def test_the_assignment_ends_when_the_person_withdraws_the_consent_to_share(staff, agencies):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    case, consent, _grant = shared_with_social_work(staff, agencies, "Withdrawn")
    case_assign(actor=arta, case=case, worker=sokol)

    consent_withdraw(actor=arta, consent=consent)

    ended = AccessGrant.objects.get(case=case, user=sokol)
    assert ended.end_cause == AccessGrant.EndCause.CONSENT_WITHDRAWN
    assert Case.objects.get(pk=case.pk).assigned_worker is None
    assert not case_policy.may_view(sokol, case)
    assert case not in cases_assigned_to(sokol)
    line = case.timeline.filter(kind=TimelineEntry.Kind.ASSIGNED).order_by("-pk").first()
    assert line.data == {
        "worker": None,
        "agency": agencies["social"].pk,
        "cause": "consent_withdrawn",
    }
    assert AuditEntry.objects.filter(
        target_type="cases.accessgrant", target_id=str(ended.pk), action="change"
    ).exists()


@pytest.mark.django_db
def test_the_assignment_ends_when_sharing_is_stopped(staff, agencies):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    case, _consent, grant = shared_with_social_work(staff, agencies, "Stopped")
    case_assign(actor=arta, case=case, worker=sokol)

    case_share_end(actor=arta, grant=grant, reason="The social work centre's part is done.")

    assert AccessGrant.objects.get(case=case, user=sokol).end_cause == "sharing_stopped"
    assert Case.objects.get(pk=case.pk).assigned_worker is None
    assert not case_policy.may_view(sokol, case)


@pytest.mark.django_db
def test_a_shared_agency_worker_cannot_assign_themselves(staff, agencies):
    sokol = staff["social_worker_sokol"]
    case, _consent, _grant = shared_with_social_work(staff, agencies, "Self")
    grants_before = AccessGrant.objects.count()

    with pytest.raises(PermissionDenied):
        case_update(actor=sokol, case=case, changes={"assigned_worker": sokol})
    with pytest.raises(PermissionDenied):
        case_assign(actor=sokol, case=case, worker=sokol)

    assert Case.objects.get(pk=case.pk).assigned_worker == staff["advocate_arta"]
    assert AccessGrant.objects.count() == grants_before


@pytest.mark.django_db
def test_a_worker_of_an_agency_that_cannot_see_the_case_is_refused(staff, agencies):
    arta = staff["advocate_arta"]
    case = open_test_case(owner=agencies["advocates"], worker=arta, label="Police")
    grants_before = AccessGrant.objects.count()

    with pytest.raises(ValidationError) as refused:
        case_update(actor=arta, case=case, changes={"assigned_worker": staff["investigator_ilir"]})

    assert "assigned_worker" in refused.value.message_dict
    assert Case.objects.get(pk=case.pk).assigned_worker == arta
    assert AccessGrant.objects.count() == grants_before
    assert not case_policy.may_view(staff["investigator_ilir"], case)


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
