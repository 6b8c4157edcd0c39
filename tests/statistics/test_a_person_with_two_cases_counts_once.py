"""Statistics count persons: two cases about one person (as linking leaves them) count once, two
people twice; the person's latest decision in the period is the one that counts."""

import datetime

import pytest

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Case
from strehe.cases.services import case_open, identification_record
from strehe.statistics.report import Query, build_report

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 5, 4)


def open_identified(staff, person=None, *, status=TraffickingStatus.IDENTIFIED, day=DAY):  # type: ignore[no-untyped-def]
    police = staff["investigator_ilir"]
    case = case_open(
        actor=police,
        owner_agency=police.agency,
        given_name="Test",
        family_name="Person",
        birth_date=datetime.date(2003, 6, 1),
        citizenships=["AL"],
    )
    if person is not None:
        # What confirming "the same person" does: the case moves under the one person.
        Case.objects.filter(pk=case.pk).update(person=person)
        case.refresh_from_db()
    identification_record(actor=police, case=case, status=status, decided_on=day)
    return case


def count(status: str = "registered") -> int | None:
    query = Query(
        date_from=datetime.date(2020, 1, 1),
        date_to=datetime.date(2020, 12, 31),
        status=status,
        by=("citizenship",),
    )
    return build_report(query, public=False).total


def test_two_cases_of_one_person_count_once(staff):
    first = open_identified(staff)
    open_identified(staff, person=first.person, day=DAY + datetime.timedelta(days=3))

    assert Case.objects.count() == 2
    assert count() == 1


def test_two_people_count_twice(staff):
    open_identified(staff)
    open_identified(staff)

    assert count() == 2


def test_the_latest_decision_counts(staff):
    case = open_identified(staff, status=TraffickingStatus.PRESUMED)
    identification_record(
        actor=staff["investigator_ilir"],
        case=case,
        status=TraffickingStatus.IDENTIFIED,
        decided_on=DAY + datetime.timedelta(days=10),
    )

    assert count("identified") == 1
    assert count("presumed") == 0
    assert count("registered") == 1


def test_the_age_is_the_age_on_the_day_of_the_decision(staff):
    open_identified(staff, day=datetime.date(2020, 5, 31))  # born 2003-06-01: still 16
    query = Query(
        date_from=datetime.date(2020, 1, 1),
        date_to=datetime.date(2020, 12, 31),
        by=("age_band",),
        age_bands="child-adult",
    )

    assert build_report(query, public=False).breakdowns["age_band"] == {"0-17": 1}
