"""Choosing a shelter lists only the eligible ones; each excluded shelter carries the rule that
excluded it (risk, age, sex, free beds), on the page and in the service's refusal."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from strehe.cases.models import Person
from strehe.directory.models import Shelter
from strehe.shelters.eligibility import shelter_choices
from strehe.shelters.services import placement_create
from tests.shelters.helpers import make_shelter, person_case

pytestmark = pytest.mark.django_db
Kind = Shelter.Kind


def reasons_for(case, shelter) -> list[str]:
    with translation.override("en"):
        (choice,) = shelter_choices(case, [shelter])
        return choice.reasons


def test_high_risk_excludes_a_domestic_violence_shelter(agencies):
    case = person_case(owner=agencies["social"], risk="high")
    domestic = make_shelter(kind=Kind.DOMESTIC_VIOLENCE)

    assert reasons_for(case, domestic) == [
        "Risk: high; Domestic-violence shelter that also accepts low-risk trafficking victims "
        "takes low risk only."
    ]
    assert reasons_for(case, make_shelter(kind=Kind.TRAFFICKING_ONLY)) == []
    assert reasons_for(case, make_shelter(kind=Kind.HIGH_SECURITY)) == []


def test_low_risk_excludes_the_high_security_facility_as_configured(agencies):
    case = person_case(owner=agencies["social"], risk="low")

    assert reasons_for(case, make_shelter(kind=Kind.HIGH_SECURITY)) == [
        "Risk: low; High-security facility takes medium, high risk only."
    ]
    assert reasons_for(case, make_shelter(kind=Kind.DOMESTIC_VIOLENCE)) == []


def test_an_unassessed_case_is_placed_as_high_risk(agencies):
    case = person_case(owner=agencies["social"], risk=None)

    assert reasons_for(case, make_shelter(kind=Kind.DOMESTIC_VIOLENCE)) == [
        "Risk: not assessed yet, so treated as high; Domestic-violence shelter that also "
        "accepts low-risk trafficking victims takes low risk only."
    ]


def test_a_child_only_where_children_are_accepted(agencies):
    child = person_case(owner=agencies["social"], age=15)
    unknown_age = person_case(owner=agencies["social"], age=None)
    adults_only = make_shelter(children=False)

    assert reasons_for(child, adults_only) == [
        "Age: a child; this shelter does not accept children."
    ]
    assert reasons_for(unknown_age, adults_only) == [
        "Age: unknown, so treated as a child; this shelter does not accept children."
    ]
    assert reasons_for(child, make_shelter(women=False, men=False, children=True)) == []


def test_sex_must_be_accepted(agencies):
    woman = person_case(owner=agencies["social"], sex=Person.Sex.FEMALE)
    man = person_case(owner=agencies["social"], sex=Person.Sex.MALE)
    other = person_case(owner=agencies["social"], sex=Person.Sex.UNKNOWN)

    assert reasons_for(woman, make_shelter(women=False)) == [
        "Sex: a woman; this shelter does not accept women."
    ]
    assert reasons_for(man, make_shelter(men=False)) == [
        "Sex: a man; this shelter does not accept men."
    ]
    assert reasons_for(other, make_shelter(women=False, men=False)) == [
        "Age: an adult; this shelter accepts children only."
    ]


def test_a_full_shelter_says_so(agencies):
    case = person_case(owner=agencies["social"])

    assert reasons_for(case, make_shelter(capacity=0)) == [
        "Free beds: none (0 of 0 beds occupied)."
    ]


def test_the_service_refuses_an_excluded_shelter_with_the_same_reason(staff, agencies):
    sokol = staff["social_worker_sokol"]
    case = person_case(owner=agencies["social"], worker=sokol, risk="high")
    domestic = make_shelter(kind=Kind.DOMESTIC_VIOLENCE)

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        placement_create(actor=sokol, case=case, shelter=domestic)

    assert refused.value.message_dict["shelter"] == reasons_for(case, domestic)
    domestic.refresh_from_db()
    assert domestic.occupied == 0


def test_the_page_offers_eligible_shelters_and_lists_the_others_with_reasons(
    staff, agencies, login_as
):
    case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"], risk="high")
    make_shelter(kind=Kind.TRAFFICKING_ONLY, name="Eligible house")
    make_shelter(kind=Kind.DOMESTIC_VIOLENCE, name="Excluded house")

    with translation.override("en"):
        page = login_as("social_worker_sokol").get(
            reverse("shelters:place", kwargs={"code": case.code})
        )
    content = page.content.decode()

    assert page.status_code == 200
    offered, excluded = content.split("Shelters that may not, and why")
    assert "Eligible house" in offered and 'type="radio"' in offered
    assert "Excluded house" not in offered
    assert "Excluded house" in excluded
    assert "Risk: high; Domestic-violence shelter" in excluded
    assert "Secret street" not in content
