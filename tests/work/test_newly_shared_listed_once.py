"""A case shared with my agency is listed under "newly shared" on my next visit of My work,
and not on the visit after it."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.services import case_share_end
from tests.cases.workflow import share_with_agencies_of


def newly_shared(client) -> str:
    with translation.override("en"):
        page = client.get(reverse("accounts:home")).content.decode()
    start = page.index('id="shared"')
    return page[start : page.index("</section>", start)]


@pytest.mark.django_db
def test_a_shared_case_is_new_once(records_of, staff, login_as):
    case = records_of("investigator_ilir").other_agency
    client = login_as("investigator_ilir")
    before = newly_shared(client)

    share_with_agencies_of(case, [staff["investigator_ilir"]])
    first = newly_shared(client)
    second = newly_shared(client)

    assert case.code not in before
    assert case.code in first
    assert case.code not in second


@pytest.mark.django_db
def test_a_colleague_who_has_not_visited_still_sees_it_as_new(records_of, staff, login_as):
    case = records_of("investigator_ilir").other_agency
    newly_shared(login_as("investigator_ilir"))

    share_with_agencies_of(case, [staff["investigator_ilir"]])
    newly_shared(login_as("investigator_ilir"))

    assert case.code in newly_shared(login_as("colleague_police"))


@pytest.mark.django_db
def test_a_sharing_ended_before_the_visit_is_not_listed(records_of, staff, login_as):
    case = records_of("investigator_ilir").other_agency
    client = login_as("investigator_ilir")
    newly_shared(client)
    share_with_agencies_of(case, [staff["investigator_ilir"]])
    [grant] = case.grants.filter(agency=staff["investigator_ilir"].agency, ended_at=None)
    case_share_end(actor=staff["worker_elsewhere"], grant=grant, reason="Not needed any more")

    assert case.code not in newly_shared(client)
