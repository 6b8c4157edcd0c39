"""ILO/EC combination rule: when a dimension is positive and when indicators point to a victim."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from strehe.screening.rules import (
    Dimension,
    Grade,
    assess_ilo_indicators,
    dimension_is_positive,
)

from .conftest import Indicator


def picks(dimension: str, *grades: str) -> list[Indicator]:
    return [Indicator(f"{dimension}-{n}", dimension, grade) for n, grade in enumerate(grades)]


@pytest.mark.parametrize(
    ("strong", "medium", "weak"),
    [(2, 0, 0), (1, 1, 0), (1, 0, 1), (0, 3, 0), (0, 2, 1)],
)
def test_each_named_combination_makes_a_dimension_positive(strong, medium, weak):
    assert dimension_is_positive(strong=strong, medium=medium, weak=weak)


@pytest.mark.parametrize(
    ("strong", "medium", "weak"),
    [(0, 0, 0), (1, 0, 0), (0, 2, 0), (0, 1, 5), (0, 0, 9)],
)
def test_fewer_or_weaker_indicators_leave_a_dimension_negative(strong, medium, weak):
    assert not dimension_is_positive(strong=strong, medium=medium, weak=weak)


def test_adult_worked_example_deceived_exploited_and_coerced():
    chosen = (
        picks("deceptive_recruitment", "strong", "medium")
        + picks("exploitative_conditions", "medium", "medium", "medium")
        + picks("coercion_at_destination", "strong", "strong")
    )

    result = assess_ilo_indicators(chosen, is_child=False)

    by_dimension = {item.dimension: item for item in result.dimensions}
    assert (by_dimension[Dimension.DECEPTIVE_RECRUITMENT].strong,
            by_dimension[Dimension.DECEPTIVE_RECRUITMENT].medium) == (1, 1)  # fmt: skip
    assert by_dimension[Dimension.EXPLOITATIVE_CONDITIONS].medium == 3
    assert result.recruitment_positive
    assert result.exploitation_positive
    assert result.destination_positive
    assert result.indicates_presumed_victim


def test_adult_without_a_destination_dimension_is_not_indicated():
    chosen = picks("coercive_recruitment", "strong", "strong") + picks(
        "exploitative_conditions", "strong", "weak"
    )

    result = assess_ilo_indicators(chosen, is_child=False)

    assert not result.destination_positive
    assert not result.indicates_presumed_victim


def test_child_needs_only_recruitment_and_exploitation():
    chosen = picks("recruitment_abuse_of_vulnerability", "medium", "medium", "weak") + picks(
        "exploitative_conditions", "strong", "medium"
    )

    assert assess_ilo_indicators(chosen, is_child=True).indicates_presumed_victim
    assert not assess_ilo_indicators(chosen, is_child=False).indicates_presumed_victim


def test_abuse_of_vulnerability_at_destination_counts_as_destination():
    chosen = (
        picks("deceptive_recruitment", "strong", "strong")
        + picks("exploitative_conditions", "strong", "medium")
        + picks("abuse_of_vulnerability_at_destination", "medium", "medium", "weak")
    )

    assert assess_ilo_indicators(chosen, is_child=False).indicates_presumed_victim


def test_positive_dimensions_in_the_wrong_groups_do_not_indicate():
    # Two positive destination dimensions but no recruitment: still not trafficking indicators.
    chosen = picks("coercion_at_destination", "strong", "strong") + picks(
        "abuse_of_vulnerability_at_destination", "medium", "medium", "medium"
    )

    assert not assess_ilo_indicators(chosen, is_child=False).indicates_presumed_victim


def test_an_indicator_chosen_twice_counts_once():
    twice = [Indicator("x-1", "exploitative_conditions", "strong")] * 2

    result = assess_ilo_indicators(twice, is_child=False)

    exploitation = next(r for r in result.dimensions if r.dimension == "exploitative_conditions")
    assert exploitation.strong == 1
    assert not exploitation.positive


def test_every_dimension_is_reported_with_its_counts_even_when_empty():
    result = assess_ilo_indicators([], is_child=False)

    assert [r.dimension for r in result.dimensions] == list(Dimension)
    assert all((r.strong, r.medium, r.weak) == (0, 0, 0) for r in result.dimensions)
    assert result.as_dict()["indicates_presumed_victim"] is False


def test_reasons_give_counts_per_dimension_and_the_guidance_notice():
    chosen = picks("coercive_recruitment", "strong", "weak")

    with translation.override("en"):
        reasons = assess_ilo_indicators(chosen, is_child=False).reasons()
        notice = assess_ilo_indicators(chosen, is_child=False).notice

    assert "Coercive recruitment: positive (1 strong, 0 medium, 1 weak)." in reasons
    assert "never a decision" in notice


# Keys are unique within a set, as they are in the data file.
indicator_sets = st.lists(
    st.builds(
        Indicator,
        key=st.text(alphabet="abcdef0123", min_size=1, max_size=4),
        dimension=st.sampled_from(Dimension.values),
        grade=st.sampled_from(Grade.values),
    ),
    unique_by=lambda indicator: indicator.key,
    max_size=25,
).map(frozenset)


@given(indicator_sets, indicator_sets, st.booleans())
def test_adding_indicators_never_turns_a_positive_dimension_negative(base, extra, is_child):
    before = assess_ilo_indicators(base, is_child=is_child)
    # Extra indicators get their own keys so they add to, never replace, the base set.
    added = {Indicator(f"extra-{i.key}", i.dimension, i.grade) for i in extra}
    after = assess_ilo_indicators(base | added, is_child=is_child)

    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        assert new.positive or not old.positive
    assert after.indicates_presumed_victim or not before.indicates_presumed_victim


@given(indicator_sets)
def test_a_child_is_indicated_whenever_an_adult_is(chosen):
    adult = assess_ilo_indicators(chosen, is_child=False)

    assert assess_ilo_indicators(chosen, is_child=True).indicates_presumed_victim or not (
        adult.indicates_presumed_victim
    )
