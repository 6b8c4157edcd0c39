"""Assigning, reassigning and unassigning a case's worker, through the page and the service: each
is a grant change with a timeline line and an audit entry; the new worker finds the case in My
work, the previous one no longer does; a refused change writes nothing."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, Case, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services import case_share, consent_record
from strehe.work.selectors import cases_assigned_to
from tests.staff import open_test_case, verified_client


def counts() -> tuple[int, int, int]:
    """What an act on a case writes (logging in writes audit entries of its own)."""
    return (
        AccessGrant.objects.count(),
        TimelineEntry.objects.count(),
        AuditEntry.objects.filter(target_type__startswith="cases.").count(),
    )


def post_assign(user, case, worker):
    with translation.override("en"):
        return verified_client(user).post(
            reverse("cases:assign", kwargs={"code": case.code}),
            {"assigned_worker": worker.pk if worker else ""},
        )


def my_work(user) -> str:
    with translation.override("en"):
        return verified_client(user).get(reverse("accounts:home")).content.decode()


@pytest.fixture
def case(staff, agencies):
    return open_test_case(owner=agencies["advocates"], worker=staff["advocate_arta"], label="Page")


@pytest.mark.django_db
def test_reassigning_moves_the_case_to_the_new_workers_my_work(staff, case):
    arta, colleague = staff["advocate_arta"], staff["colleague_advocates"]
    assert case.code in my_work(arta)

    response = post_assign(arta, case, colleague)

    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).assigned_worker == colleague
    grants = AccessGrant.objects.filter(case=case, basis="assigned")
    assert grants.get(ended_at__isnull=True).user == colleague
    assert grants.get(user=arta).end_cause == AccessGrant.EndCause.REASSIGNED
    line = case.timeline.filter(kind=TimelineEntry.Kind.ASSIGNED).latest("pk")
    assert line.data == {"worker": colleague.pk} and line.recorded_by == arta
    assert AuditEntry.objects.filter(
        actor=arta, action="change", target_type="cases.case", fields=["assigned_worker"]
    ).exists()
    assert case in cases_assigned_to(colleague) and case.code in my_work(colleague)
    assert case not in cases_assigned_to(arta) and case.code not in my_work(arta)


@pytest.mark.django_db
def test_unassigning_leaves_the_case_with_nobody(staff, case):
    arta = staff["advocate_arta"]

    response = post_assign(arta, case, None)

    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).assigned_worker is None
    assert not AccessGrant.objects.filter(case=case, basis="assigned", ended_at__isnull=True)
    assert case.timeline.filter(kind="assigned").latest("pk").data == {"worker": None}
    assert case not in cases_assigned_to(arta)
    # Her agency still owns the case: she keeps seeing it, only not as her own work.
    assert case_policy.may_view(arta, case)


@pytest.mark.django_db
def test_a_coordinator_assigns_a_worker_of_an_agency_the_case_is_shared_with(staff, agencies, case):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])
    with translation.override("en"):
        page = verified_client(staff["coordinator_drita"]).get(
            reverse("cases:assign", kwargs={"code": case.code})
        )
    assert f'value="{sokol.pk}"' in page.content.decode()
    assert f'value="{staff["investigator_ilir"].pk}"' not in page.content.decode()

    response = post_assign(staff["coordinator_drita"], case, sokol)

    assert response.status_code == 302
    assert case in cases_assigned_to(sokol)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("operator_olta", 404),  # another agency's case: not even its code is confirmed
        ("colleague_helpline", 404),
        ("colleague_shelter", 404),
        ("shelter_staff_shpresa", 404),
    ],
)
def test_who_cannot_see_the_case_gets_404_and_nothing_changes(staff, case, actor, status):
    before = counts()

    response = post_assign(staff[actor], case, staff[actor])

    assert response.status_code == status
    assert counts() == before


@pytest.mark.django_db
def test_staff_of_an_agency_the_case_is_shared_with_may_not_assign(staff, agencies, case):
    arta, sokol = staff["advocate_arta"], staff["social_worker_sokol"]
    consent_record(actor=arta, case=case, scope="sharing", agency=agencies["social"])
    case_share(actor=arta, case=case, agency=agencies["social"])
    before = counts()

    response = post_assign(sokol, case, sokol)

    assert response.status_code == 403
    assert counts() == before
    assert Case.objects.get(pk=case.pk).assigned_worker == arta


@pytest.mark.django_db
@pytest.mark.parametrize(
    "worker",
    [
        "investigator_ilir",  # an agency that cannot see the case
        "colleague_shelter",  # likewise, and a role that does not work on cases
        "advocate_arta",  # assigned already
    ],
)
def test_an_ineligible_worker_is_refused_on_the_form(staff, case, worker):
    before = counts()

    response = post_assign(staff["advocate_arta"], case, staff[worker])

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert counts() == before
    assert Case.objects.get(pk=case.pk).assigned_worker == staff["advocate_arta"]


@pytest.mark.django_db
def test_the_case_page_links_assignment_for_those_who_may_assign(staff, agencies, case):
    consent_record(
        actor=staff["advocate_arta"], case=case, scope="sharing", agency=agencies["social"]
    )
    case_share(actor=staff["advocate_arta"], case=case, agency=agencies["social"])
    with translation.override("en"):
        link = reverse("cases:assign", kwargs={"code": case.code})
        pages = {
            name: verified_client(staff[name])
            .get(reverse("cases:detail", kwargs={"code": case.code}))
            .content.decode()
            for name in ("advocate_arta", "coordinator_drita")
        }

    assert link in pages["advocate_arta"] and link in pages["coordinator_drita"]
