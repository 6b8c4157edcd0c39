"""Transferring a case to another agency: it needs the person's consent to share with the
receiving agency (or a police override with a reason); the previous owner's grant ends
("transferred") with the grant of a worker assigned as its member, the new owner's starts, with a
timeline line and audit entries, in one transaction. A refused transfer writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, Case, ConsentOverride, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services import case_assign, case_share, case_transfer, consent_record
from strehe.cases.timeline import timeline_line
from strehe.work.selectors import cases_assigned_to
from tests.staff import open_test_case, verified_client


def counts() -> tuple[int, ...]:
    return (
        AccessGrant.objects.count(),
        TimelineEntry.objects.count(),
        ConsentOverride.objects.count(),
        AuditEntry.objects.filter(target_type__startswith="cases.").count(),
    )


@pytest.fixture
def case(staff, agencies):
    return open_test_case(owner=agencies["advocates"], worker=staff["advocate_arta"], label="Move")


def post_transfer(user, case, agency, **extra):
    with translation.override("en"):
        return verified_client(user).post(
            reverse("cases:transfer", kwargs={"code": case.code}),
            {"agency": agency.pk, **extra},
        )


@pytest.mark.django_db
def test_a_transfer_with_consent_moves_ownership_and_ends_the_old_owners_access(
    staff, agencies, case
):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])

    response = post_transfer(arta, case, agencies["social"], note="She moved to Prizren.")

    # Arta's agency no longer sees the case: she goes back to the case list.
    assert response.status_code == 302
    with translation.override("en"):
        assert response["Location"] == reverse("cases:list")
    moved = Case.objects.get(pk=case.pk)
    assert moved.owner_agency == agencies["social"]
    assert moved.assigned_worker is None
    grants = AccessGrant.objects.filter(case=case)
    old_owner = grants.get(basis="owner", agency=agencies["advocates"])
    assert old_owner.end_cause == "transferred" and old_owner.end_note == "She moved to Prizren."
    assert grants.get(basis="owner", agency=agencies["social"]).in_force
    assert grants.get(basis="consent").end_cause == "transferred"
    assert grants.get(basis="assigned", user=arta).end_cause == "transferred"
    assert not case_policy.may_view(arta, case)
    assert not case_policy.may_view(staff["colleague_advocates"], case)
    assert case_policy.may_view(sokol, case)
    line = case.timeline.get(kind=TimelineEntry.Kind.TRANSFERRED)
    assert line.data["from_agency"] == agencies["advocates"].pk
    assert line.note == "She moved to Prizren."
    names = {agencies["advocates"].pk: "advocates office", agencies["social"].pk: "social office"}
    with translation.override("en"):
        assert timeline_line(line, names) == "Transferred from advocates office to social office."
    assert AuditEntry.objects.filter(
        actor=arta, target_type="cases.case", fields=["owner_agency"]
    ).exists()


@pytest.mark.django_db
def test_a_worker_of_the_receiving_agency_stays_assigned(staff, agencies, case):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])
    case_assign(actor=arta, case=case, worker=sokol)

    case_transfer(actor=arta, case=case, agency=agencies["social"])

    assert Case.objects.get(pk=case.pk).assigned_worker == sokol
    assert case in cases_assigned_to(sokol)


@pytest.mark.django_db
def test_without_consent_the_transfer_is_refused_and_writes_nothing(staff, agencies, case):
    before = counts()

    response = post_transfer(staff["advocate_arta"], case, agencies["social"])

    assert response.status_code == 200
    assert "has not consented" in response.content.decode()
    assert counts() == before
    assert Case.objects.get(pk=case.pk).owner_agency == agencies["advocates"]


@pytest.mark.django_db
def test_police_transfer_without_consent_by_giving_a_reason(staff, agencies):
    ilir = staff["investigator_ilir"]
    case = open_test_case(owner=agencies["police"], worker=ilir, label="Police")
    with pytest.raises(ValidationError):
        case_transfer(actor=ilir, case=case, agency=agencies["advocates"])

    case_transfer(
        actor=ilir,
        case=case,
        agency=agencies["advocates"],
        override_reason="She is in danger tonight; the advocates take her case.",
    )

    override = ConsentOverride.objects.get(case=case)
    assert override.action == "transfer" and override.agency == agencies["advocates"]
    assert Case.objects.get(pk=case.pk).owner_agency == agencies["advocates"]
    assert case.timeline.filter(kind="consent_override").exists()


@pytest.mark.django_db
def test_a_coordinator_transfers_with_consent_but_cannot_override(staff, agencies, case):
    drita = staff["coordinator_drita"]
    before = counts()
    with pytest.raises(ValidationError):
        case_transfer(actor=drita, case=case, agency=agencies["police"], override_reason="Why")
    assert counts() == before
    consent_record(
        actor=staff["advocate_arta"], case=case, scope="sharing", agency=agencies["police"]
    )

    case_transfer(actor=drita, case=case, agency=agencies["police"])

    assert Case.objects.get(pk=case.pk).owner_agency == agencies["police"]
    assert case_policy.may_view(drita, case)


@pytest.mark.django_db
def test_staff_of_an_agency_the_case_is_shared_with_may_not_transfer_it(staff, agencies, case):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])
    before = counts()

    with pytest.raises(PermissionDenied):
        case_transfer(actor=sokol, case=case, agency=agencies["social"])
    response = post_transfer(sokol, case, agencies["social"])

    assert response.status_code == 403
    assert counts() == before


@pytest.mark.django_db
def test_a_transfer_to_the_owner_itself_is_refused(staff, agencies, case):
    before = counts()

    response = post_transfer(staff["advocate_arta"], case, agencies["advocates"])

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert counts() == before
