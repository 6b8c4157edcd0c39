"""The identification decision form: the status, the date and the grounds."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import FreeTextField, PastDateField

from .codes import TraffickingStatus


class IdentificationForm(forms.Form):
    """Validates input for services.identification_record; the service checks the rest."""

    status = forms.ChoiceField(label=_("Decision"), choices=TraffickingStatus.choices)
    decided_on = PastDateField(
        label=_("Date of the decision"),
        required=False,
        help_text=_("Today if left empty."),
    )
    grounds = FreeTextField(
        label=_("Grounds"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the decision rests on. Kept encrypted."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["decided_on"].initial = timezone.localdate
