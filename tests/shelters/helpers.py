"""Shelters and people to place, for the shelter tests and the authorization matrix."""

import datetime
import itertools

import pytest
from django.utils import timezone

from strehe.accounts.models import Agency
from strehe.cases.models import Case, Person, RiskAssessment
from strehe.cases.services import case_open
from strehe.directory.models import Shelter

_numbers = itertools.count(1)


def make_shelter(
    *,
    operator: Agency | None = None,
    kind: str = Shelter.Kind.TRAFFICKING_ONLY,
    capacity: int = 10,
    women: bool = True,
    men: bool = True,
    children: bool = True,
    name: str = "",
) -> Shelter:
    number = next(_numbers)
    return Shelter.objects.create(
        slug=f"test-shelter-{number}",
        name=name or f"Test shelter {number}",
        kind=kind,
        capacity=capacity,
        accepts_women=women,
        accepts_men=men,
        accepts_children=children,
        address=f"Secret street {number}",
        operator=operator.organisation if operator else None,
    )


def person_case(
    *,
    owner: Agency,
    worker=None,
    sex: str = Person.Sex.FEMALE,
    age: int | None = 30,
    risk: str | None = "low",
    label: str = "",
) -> Case:
    """A case about an adult woman at low risk unless told otherwise; age None: unknown."""
    today = timezone.localdate()
    birth_date = None if age is None else datetime.date(today.year - age - 1, 1, 1)
    case = case_open(
        actor=None,
        owner_agency=owner,
        assigned_worker=worker,
        given_name=f"Given{label or next(_numbers)}",
        family_name="Resident",
        birth_date=birth_date,
        sex=sex,
    )
    if risk:
        RiskAssessment.objects.create(
            case=case, level=risk, assessed_on=today, reasons="Assessed for the test."
        )
    return case


@pytest.fixture
def shelter_of_agency(agencies):
    """A trafficking-only shelter run by the test shelter agency, for everyone, 10 beds."""
    return make_shelter(operator=agencies["shelter"])
