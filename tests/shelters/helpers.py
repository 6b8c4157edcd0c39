"""Shelters and people to place, for the shelter tests and the authorization matrix."""

import datetime
import importlib
import itertools

import pytest
from django.utils import timezone

from strehe.accounts.models import Agency
from strehe.cases.models import Case, Person, RiskAssessment
from strehe.cases.services import case_open
from strehe.directory.models import Shelter
from strehe.shelters.models import ShelterKindRule

_numbers = itertools.count(1)


def _letters(number: int) -> str:
    # Names are searched by words of letters (the blind index drops digits).
    word = ""
    while number:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
    return word


def kind_rules_loaded() -> None:
    """The risk rules of the kinds of shelter, as their data migration loads them: a
    transactional test's flush empties every table, migrated reference rows included."""
    rules = importlib.import_module("strehe.shelters.migrations.0002_kind_rules").RULES
    for kind, (low, medium, high) in rules.items():
        ShelterKindRule.objects.get_or_create(
            kind=kind,
            defaults={"takes_low_risk": low, "takes_medium_risk": medium, "takes_high_risk": high},
        )


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
    kind_rules_loaded()
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
        given_name=f"Given{label or _letters(next(_numbers))}",
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


def resident_records(staff, agencies, shelter: Shelter) -> dict[str, Case]:
    """Two cases of another agency placed in `shelter` by that agency's social worker: one
    living there now ("resident"), one checked out ("former_resident")."""
    from strehe.shelters.services import placement_check_out, placement_create

    worker = staff["worker_elsewhere"]
    records = {}
    for relation in ("resident", "former_resident"):
        case = person_case(owner=agencies["elsewhere"], worker=worker, risk="low")
        placement = placement_create(actor=worker, case=case, shelter=shelter)
        if relation == "former_resident":
            placement_check_out(actor=worker, placement=placement, reason="moved_on")
        records[relation] = case
    return records
