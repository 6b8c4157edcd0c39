"""The operators' form: a call is logged in a few fields; only channel and language are preset."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency, User
from strehe.cases.countries import country_choices
from strehe.cases.forms import DueDateChoiceField, TaskForm, TaskStatusForm
from strehe.cases.forms_editing import AliasesField
from strehe.cases.models import Person
from strehe.core.forms import (
    BirthDateField,
    FreeTextField,
    ModelChoiceField,
    NameField,
)
from strehe.core.validation import EARLIEST_RECORDED_DATE
from strehe.directory.models import Municipality

from .followups import assignee_candidates
from .models import (
    DURATION_MAX_MINUTES,
    FUTURE_TOLERANCE,
    AgeGroup,
    CallerType,
    Channel,
    Contact,
    ContactFollowUp,
    Language,
    Outcome,
    Sex,
    Topic,
)
from .phones import PHONE_ERROR, NotAPhoneNumber, normalised_phone

CONTACT_TIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ContactTimeField(forms.DateTimeField):
    """When the contact was: 1990 to now, as typed in local time; empty means now."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        try:
            moment = super().to_python(value)
        except OverflowError:
            # Year 1 or 9999 in a time zone east or west of UTC falls outside datetime's range.
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if moment is None:
            return None
        if moment.date() < EARLIEST_RECORDED_DATE:
            raise ValidationError(_("Enter a time on or after 1 January 1990."), code="too_early")
        if moment > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(_("The time of contact cannot be in the future."), code="future")
        return moment


class ContactForm(forms.ModelForm):
    """Log one helpline contact, as `recorded_by`.

    The form only validates; the view saves with
    contact_create(actor=user, **form.contact_data(), within_opening_hours=...).
    """

    class Meta:
        model = Contact
        fields = [
            "contacted_at",
            "duration_minutes",
            "channel",
            "language",
            "caller_type",
            "caller_age_group",
            "caller_sex",
            "municipality",
            "caller_phone",
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
        field_classes = {"contacted_at": ContactTimeField, "municipality": ModelChoiceField}
        help_texts = {
            "summary": _("What the caller needed, in a few words. No names unless necessary."),
            "anonymous": _("Leave ticked unless the caller agreed to give their identity."),
            "caller_phone": _(
                "Optional. Stored encrypted; used to recognise a caller who calls again."
            ),
        }

    def __init__(self, *args: Any, recorded_by: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The model's checks depend on who records (a staff contact may be non-anonymous).
        self.instance.recorded_by = recorded_by
        # Most contacts are phone calls in Albanian. What the call was about and how it ended are
        # never preset: an untouched form must not record a trafficking call that never was.
        self.fields["channel"].initial = Channel.PHONE
        self.fields["language"].initial = Language.ALBANIAN
        # The time a call is logged is usually the time it came in; a call logged later says when.
        contacted_at = self.fields["contacted_at"]
        contacted_at.required = False
        contacted_at.widget = CONTACT_TIME_INPUT
        contacted_at.initial = lambda: timezone.localtime().replace(second=0, microsecond=0)
        contacted_at.help_text = _("Leave as it is for a call that is going on now.")
        duration = self.fields["duration_minutes"]
        if isinstance(duration, forms.IntegerField):
            duration.min_value = 0
            duration.max_value = DURATION_MAX_MINUTES
            duration.widget.attrs.update({"min": 0, "max": DURATION_MAX_MINUTES})
        municipality = self.fields["municipality"]
        if isinstance(municipality, forms.ModelChoiceField):
            municipality.queryset = Municipality.objects.order_by("name")
            municipality.empty_label = _("Not known")
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
        # Age group and sex have an answer of their own for "the caller would not say".
        answer_lists: dict[str, type[models.TextChoices]] = {
            "caller_age_group": AgeGroup,
            "caller_sex": Sex,
        }
        for name, answers in answer_lists.items():
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                field.choices = answers.choices
                field.initial = "unknown"
                # Not sent at all (an older client, the API): "not known", as nobody asked.
                field.required = False

    def clean_contacted_at(self) -> datetime.datetime:
        return self.cleaned_data.get("contacted_at") or timezone.now()

    def clean_caller_age_group(self) -> str:
        return self.cleaned_data.get("caller_age_group") or AgeGroup.UNKNOWN

    def clean_caller_sex(self) -> str:
        return self.cleaned_data.get("caller_sex") or Sex.UNKNOWN

    def clean_caller_phone(self) -> str:
        typed = (self.cleaned_data.get("caller_phone") or "").strip()
        if not typed:
            return ""
        try:
            return normalised_phone(typed)
        except NotAPhoneNumber:
            raise ValidationError(PHONE_ERROR, code="invalid") from None

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


class ContactFollowUpForm(TaskForm):
    """A call-back on a contact: what, by when, by whom (someone who may act on the contact)."""

    note = FreeTextField(
        label=_("What is to be done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: call back about the shelter place."),
    )

    def __init__(self, *args: Any, contact: Contact, user: User, **kwargs: Any) -> None:
        super().__init__(*args, candidates=assignee_candidates(contact), user=user, **kwargs)


class ContactFollowUpStatusForm(TaskStatusForm):
    """Done or open again; the call-back is a POST field, so the URL has the contact only."""

    follow_up = DueDateChoiceField(label=_("Call-back"), queryset=ContactFollowUp.objects.none())
    field_order = ["follow_up", "done"]

    def __init__(self, *args: Any, contact: Contact, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].queryset = contact.follow_ups.all()  # type: ignore[attr-defined]
