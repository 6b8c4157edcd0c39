"""The form of the contact correction page; it parses input, editing.contact_correct decides."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import FreeTextField

from .editing import CONTACT_CORRECTABLE_FIELDS
from .models import CallerType, Channel, Contact, Language, Outcome, Topic


class ContactCorrectForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    caller_type = forms.ChoiceField(label=_("Caller"), choices=CallerType.choices)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    summary = FreeTextField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    advice_and_referrals = FreeTextField(
        label=_("Advice and referrals given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, contact: Contact, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {name: getattr(contact, name) for name in CONTACT_CORRECTABLE_FIELDS}
        )
        super().__init__(*args, **kwargs)

    def changes(self) -> dict[str, Any]:
        """Keyword `changes` for editing.contact_correct; call after is_valid()."""
        return {name: self.cleaned_data[name] or "" for name in CONTACT_CORRECTABLE_FIELDS}
