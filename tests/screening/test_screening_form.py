"""The checklist form groups the indicators by dimension and shows errors in the user's language."""

import pytest
from django.utils import translation

from strehe.screening.forms import ScreeningForm
from strehe.screening.rules import Dimension


def test_indicators_are_grouped_by_dimension_in_order(indicators):
    form = ScreeningForm()

    groups = form.indicator_fields()

    assert [field.name for field in groups] == [f"indicators_{d.value}" for d in Dimension]
    sizes = [len(field.field.queryset) for field in groups]
    assert sizes == [10, 10, 16, 9, 15, 7]


def test_group_labels_and_indicators_render_in_serbian(indicators):
    with translation.override("sr"):
        html = ScreeningForm().as_div()

    assert "Obmanjujuće regrutovanje" in html
    assert "Obmana u pogledu uslova rada" in html


@pytest.mark.django_db
def test_an_unknown_choice_is_a_field_error_in_albanian():
    with translation.override("sq"):
        form = ScreeningForm(data={"means": ["bribery"]})
        assert not form.is_valid()
        message = form.errors["means"][0]

    assert "bribery" in message
    assert "Select a valid choice" not in message


def test_the_child_box_explains_that_means_are_not_needed(indicators):
    with translation.override("en"):
        html = ScreeningForm().as_div()

    assert "The person is a child (under 18)" in html
    assert "act and purpose suffice" in html
