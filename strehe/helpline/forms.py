"""The operators' form: a call is logged in a few fields, with the common answers preset."""

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import User

from .models import CallerType, Channel, Contact, Language, Outcome, Topic


class ContactForm(forms.ModelForm):
    """Log one helpline contact, as `recorded_by`.

    The form only validates; the view saves with
    contact_create(recorded_by=user, **form.contact_data(), within_opening_hours=...).
    """

    class Meta:
        model = Contact
        fields = [
            "channel",
            "language",
            "caller_type",
            "topic",
            "outcome",
            "summary",
            "advice_and_referrals",
            "anonymous",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "advice_and_referrals": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "summary": _("What the caller needed, in a few words. No names unless necessary."),
            "anonymous": _("Leave ticked unless the caller agreed to give their identity."),
        }

    def __init__(self, *args: Any, recorded_by: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The model's checks depend on who records (a staff contact may be non-anonymous).
        self.instance.recorded_by = recorded_by
        # Most contacts are phone calls in Albanian that end with advice; the operator changes
        # only what differs.
        self.fields["channel"].initial = Channel.PHONE
        self.fields["language"].initial = Language.ALBANIAN
        self.fields["outcome"].initial = Outcome.ADVICE_GIVEN
        choice_lists: dict[str, type[models.TextChoices]] = {
            "channel": Channel,
            "language": Language,
            "caller_type": CallerType,
            "topic": Topic,
            "outcome": Outcome,
        }
        for name, codes in choice_lists.items():
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                # No empty "---------" entry: every one of these must be answered.
                field.choices = codes.choices

    def contact_data(self) -> dict[str, Any]:
        """The cleaned fields as keyword arguments for contact_create; call after is_valid()."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or []}
