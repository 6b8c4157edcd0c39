from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import FreeTextField, ModelChoiceField
from strehe.directory.models import Shelter

from .models import Placement
from .services import MAX_CAPACITY


class ShelterChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.free_beds})"


class PlaceForm(forms.Form):
    """Choose one of the eligible shelters (the page lists the others with their reasons)."""

    shelter = ShelterChoiceField(
        label=_("Shelter (free beds)"),
        queryset=Shelter.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args: Any, eligible: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["shelter"].queryset = Shelter.objects.filter(pk__in=eligible).order_by(  # type: ignore[attr-defined]
            "kind", "slug"
        )


class TransferForm(PlaceForm):
    note = FreeTextField(label=_("Why the person moves (optional)"), required=False)


class CheckOutForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason for leaving"),
        choices=[
            (value, label)
            for value, label in Placement.CheckOutReason.choices
            if value != Placement.CheckOutReason.TRANSFERRED
        ],
    )
    note = FreeTextField(label=_("Note (optional)"), required=False)


class CheckInForm(forms.Form):
    """Nothing to fill in: the button confirms that the person arrived."""


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=_("Beds"), min_value=0, max_value=MAX_CAPACITY)
