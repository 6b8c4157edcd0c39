"""My work reads through the policies: it never lists a case or a contact its user may not open.
The coordinator's national view sees every reflection period that is ending."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from strehe.cases.models import Case, Stage
from strehe.cases.services import case_share_end, follow_up_add
from strehe.helpline.models import Contact
from tests.cases.workflow import share_with_agencies_of
from tests.staff import NAMED_USERS, verified_client


def today() -> datetime.date:
    # When the test runs, not when it is collected: a run may cross local midnight.
    return timezone.localdate()


def my_work(user) -> str:
    with translation.override("en"):
        return verified_client(user).get(reverse("accounts:home")).content.decode()


def ending_in(case: Case, days: int) -> None:
    """Setup: the case is in initial assistance and its period ends in `days` days."""
    Case.objects.filter(pk=case.pk).update(
        stage=Stage.INITIAL_ASSISTANCE,
        reflection_starts_on=today() - datetime.timedelta(days=60),
        reflection_ends_on=today() + datetime.timedelta(days=days),
    )


@pytest.mark.django_db
def test_reflection_periods_ending_are_listed_for_those_who_may_see_the_case(records_of, staff):
    records = records_of("advocate_arta")
    ending_in(records.own_agency, 3)
    ending_in(records.other_agency, 2)
    later = records.own
    ending_in(later, 30)

    seen = {name: my_work(user) for name, user in staff.items() if name in NAMED_USERS}

    assert records.own_agency.code in seen["advocate_arta"]
    assert records.other_agency.code not in seen["advocate_arta"]
    assert later.code in seen["advocate_arta"]  # assigned to her, not as ending
    assert later.code not in seen["coordinator_drita"]
    # The national view: the coordinator sees both that end within the week.
    assert records.own_agency.code in seen["coordinator_drita"]
    assert records.other_agency.code in seen["coordinator_drita"]
    for name in ("investigator_ilir", "shelter_staff_shpresa", "statistician_besnik"):
        assert records.own_agency.code not in seen[name]
        assert records.other_agency.code not in seen[name]


@pytest.mark.django_db
def test_a_follow_up_on_a_case_no_longer_shared_leaves_my_work(records_of, staff):
    case = records_of("advocate_arta").other_agency
    arta = staff["advocate_arta"]
    share_with_agencies_of(case, [arta])
    follow_up_add(actor=arta, case=case, due_on=today(), note="Call back", assignee=arta)
    assert case.code in my_work(arta)

    [grant] = case.grants.filter(agency=arta.agency, ended_at=None)
    case_share_end(actor=staff["worker_elsewhere"], grant=grant, reason="Moved away")

    assert case.code not in my_work(arta)


@pytest.mark.django_db
def test_todays_contacts_are_those_of_the_operators_agency(staff):
    def contact(user, when) -> Contact:
        return Contact.objects.create(
            recorded_by=user,
            owner_agency=user.agency,
            contacted_at=when,
            channel="phone",
            language="sq",
            caller_type="possible_victim",
            topic="trafficking",
            outcome="advice_given",
        )

    now = timezone.now()
    ours = contact(staff["colleague_helpline"], now)
    theirs = contact(staff["worker_elsewhere"], now)
    old = contact(staff["colleague_helpline"], now - datetime.timedelta(days=2))

    page = my_work(staff["operator_olta"])

    def link(record) -> str:
        return f'"{reverse("helpline:detail", kwargs={"contact_id": record.pk})}"'

    with translation.override("en"):
        assert link(ours) in page
        assert link(theirs) not in page
        assert link(old) not in page
        assert "helpline contacts" not in my_work(staff["investigator_ilir"])
