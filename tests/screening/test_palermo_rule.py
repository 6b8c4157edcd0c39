"""Palermo art. 3: an adult needs act + means + purpose; a child act + purpose."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from strehe.screening.rules import Act, Means, Purpose, assess_palermo


def test_adult_with_act_means_and_purpose_is_indicated():
    result = assess_palermo(
        acts=["recruitment"], means=["deception"], purposes=["forced_labour"], is_child=False
    )

    assert (result.act_met, result.means_met, result.purpose_met) == (True, True, True)
    assert result.indicates_presumed_victim


def test_adult_without_means_is_not_indicated():
    result = assess_palermo(
        acts=["recruitment", "transportation"], means=[], purposes=["forced_begging"],
        is_child=False,
    )  # fmt: skip

    assert not result.means_met
    assert not result.indicates_presumed_victim


def test_child_needs_no_means():
    result = assess_palermo(
        acts=["harbouring"], means=[], purposes=["sexual_exploitation"], is_child=True
    )

    assert result.indicates_presumed_victim
    assert not result.means_required


@pytest.mark.parametrize(("acts", "purposes"), [([], ["servitude"]), (["receipt"], []), ([], [])])
@pytest.mark.parametrize("is_child", [True, False])
def test_without_act_or_purpose_nobody_is_indicated(acts, purposes, is_child):
    result = assess_palermo(acts=acts, means=["force"], purposes=purposes, is_child=is_child)

    assert not result.indicates_presumed_victim


def test_unknown_codes_are_refused():
    with pytest.raises(ValueError):
        assess_palermo(acts=["kidnap"], means=[], purposes=[], is_child=False)


def test_reasons_name_the_elements_and_consent_in_the_active_language():
    result = assess_palermo(
        acts=["recruitment"], means=["threat"], purposes=["organ_removal"], is_child=False
    )

    with translation.override("en"):
        reasons = result.reasons()
        notice = result.notice

    assert "Act: Recruitment." in reasons
    assert "Means: Threat." in reasons
    assert any("consent" in reason for reason in reasons)
    assert "Purpose of exploitation: Removal of organs." in reasons
    assert reasons[-1] == "The legal elements recorded indicate a presumed victim of trafficking."
    assert "never a decision" in notice


def test_reasons_for_a_child_say_means_are_not_needed():
    result = assess_palermo(acts=["transfer"], means=[], purposes=["slavery"], is_child=True)

    with translation.override("en"):
        reasons = " ".join(result.reasons())

    assert "child (under 18)" in reasons
    assert "No means" not in reasons


def test_reasons_are_translated_to_albanian():
    result = assess_palermo(acts=[], means=[], purposes=[], is_child=False)

    with translation.override("sq"):
        albanian = result.reasons()
    with translation.override("en"):
        english = result.reasons()

    assert albanian != english


codes = {
    "acts": st.sets(st.sampled_from(Act.values)),
    "means": st.sets(st.sampled_from(Means.values)),
    "purposes": st.sets(st.sampled_from(Purpose.values)),
}


@given(**codes)
def test_a_child_is_indicated_whenever_an_adult_with_the_same_facts_is(acts, means, purposes):
    adult = assess_palermo(acts=acts, means=means, purposes=purposes, is_child=False)
    child = assess_palermo(acts=acts, means=means, purposes=purposes, is_child=True)

    assert child.indicates_presumed_victim or not adult.indicates_presumed_victim


@given(**codes, extra_means=st.sampled_from(Means.values), is_child=st.booleans())
def test_adding_a_means_never_withdraws_an_indication(acts, means, purposes, extra_means, is_child):
    before = assess_palermo(acts=acts, means=means, purposes=purposes, is_child=is_child)
    after = assess_palermo(
        acts=acts, means=means | {extra_means}, purposes=purposes, is_child=is_child
    )

    assert after.indicates_presumed_victim or not before.indicates_presumed_victim
