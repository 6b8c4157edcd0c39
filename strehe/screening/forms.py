"""The screening checklist: Palermo elements and the ILO/EC indicators grouped by dimension."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import ModelMultipleChoiceField

from .models import IloIndicator
from .rules import Act, Dimension, Means, Purpose


def indicator_field_name(dimension: str) -> str:
    return f"indicators_{dimension}"


class ScreeningForm(forms.Form):
    """One checkbox group per Palermo element and one per ILO dimension.

    Each dimension has its own field so that the checklist reads in the order screeners are
    trained on, and so an indicator can only be ticked under its own dimension.
    """

    is_child = forms.BooleanField(
        label=_("The person is a child (under 18)"),
        required=False,
        help_text=_("For a child, act and purpose suffice; the means need not be established."),
    )
    acts = forms.MultipleChoiceField(
        label=_("Act"),
        choices=Act.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    means = forms.MultipleChoiceField(
        label=_("Means"),
        choices=Means.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    purposes = forms.MultipleChoiceField(
        label=_("Purpose of exploitation"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in Dimension:
            self.fields[indicator_field_name(dimension.value)] = ModelMultipleChoiceField(
                label=dimension.label,
                queryset=IloIndicator.objects.filter(dimension=dimension.value),
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def indicator_fields(self) -> list[forms.BoundField]:
        """The indicator groups in dimension order, for templates."""
        return [self[indicator_field_name(dimension.value)] for dimension in Dimension]

    def chosen_indicators(self) -> list[IloIndicator]:
        """Every ticked indicator across the dimensions; call after is_valid()."""
        return [
            indicator
            for dimension in Dimension
            for indicator in self.cleaned_data[indicator_field_name(dimension.value)]
        ]
