"""The operators' form: a call is logged in a few fields; only channel and language are preset."""

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency, User
from strehe.cases.countries import country_choices
from strehe.cases.forms_editing import AliasesField
from strehe.cases.models import Person
from strehe.core.forms import BirthDateField, FreeTextField, ModelChoiceField, NameField

from .models import CallerType, Channel, Contact, Language, Outcome, Topic


class ContactForm(forms.ModelForm):
    """Log one helpline contact, as `recorded_by`.

    The form only validates; the view saves with
    contact_create(actor=user, **form.contact_data(), within_opening_hours=...).
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
        # Most contacts are phone calls in Albanian. What the call was about and how it ended are
        # never preset: an untouched form must not record a trafficking call that never was.
        self.fields["channel"].initial = Channel.PHONE
        self.fields["language"].initial = Language.ALBANIAN
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
                # An empty first entry, so that a browser sends nothing for an unanswered list
                # and the form says it is required, instead of sending the first answer.
                field.choices = [("", "—"), *codes.choices]

    def contact_data(self) -> dict[str, Any]:
        """The cleaned fields as keyword arguments for contact_create; call after is_valid()."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or []}


# Languages a person in Kosovo's register commonly speaks, as the ISO 639 codes Person stores.
PERSON_LANGUAGES = [
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
    ("bs", _("Bosnian")),
    ("mk", _("Macedonian")),
    ("de", _("German")),
]


class CaseFromContactForm(forms.Form):
    """Open a case about the person a helpline contact was about.

    The owning agency is the user's own; the form validates the input, and the view hands it to
    cases.services.case_open, whose ValidationErrors come back as field errors. The rules between
    fields (a birth date or an estimated age; an agency to share with) are the model's and
    case_open's, so that every caller meets them, not only this form.
    """

    # Optional: an anonymous caller's case opens without a name, and a person whose real name
    # is not known is recorded under an alias; the case page shows "name unknown".
    given_name = NameField(label=_("Given name"), required=False)
    family_name = NameField(label=_("Family name"), required=False)
    aliases = AliasesField(
        label=_("Aliases"),
        required=False,
        help_text=_(
            "Other names the person is known by, one per line; leave the names empty "
            "when only an alias is known."
        ),
    )
    birth_date = BirthDateField(label=_("Birth date"), required=False)
    estimated_age = forms.IntegerField(
        label=_("Estimated age"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Only when the birth date is not known."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Person.Sex.choices, initial=Person.Sex.UNKNOWN)
    citizenships = forms.MultipleChoiceField(
        label=_("Citizenships"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        choices=PERSON_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    share_with = ModelChoiceField(
        label=_("Share with"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Do not share"),
        help_text=_("Another agency that should work on the case, such as the police."),
    )
    sharing_consent = forms.BooleanField(
        label=_("The person agreed to share with this agency"), required=False
    )
    # Set by the "different people" button to the codes of the matches the user was shown, so
    # that a changed name or birth date with new matches is shown again rather than confirmed.
    different_from = FreeTextField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, owner_agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        citizenships = self.fields["citizenships"]
        if isinstance(citizenships, forms.ChoiceField):
            citizenships.choices = country_choices()
        share_with = self.fields["share_with"]
        if isinstance(share_with, forms.ModelChoiceField):
            share_with.queryset = (
                Agency.objects.filter(is_active=True)
                .exclude(pk=owner_agency.pk)
                .select_related("organisation")
            )

    def confirmed_different_from(self) -> set[str]:
        """The case codes the user confirmed to be about other people; call after is_valid()."""
        return {code for code in self.cleaned_data["different_from"].split() if code}

    def case_data(self) -> dict[str, Any]:
        """Keyword arguments for case_open; call after is_valid()."""
        names = [
            "given_name",
            "family_name",
            "aliases",
            "birth_date",
            "estimated_age",
            "sex",
            "citizenships",
            "languages",
            "share_with",
            "sharing_consent",
        ]
        return {name: self.cleaned_data[name] for name in names}
