"""Forms of the correction pages: the person's details, the narrative, a note, an event.

Like every form of the case pages they parse input only; what may change, and the history a
change leaves, is services.editing's to decide.
"""

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import (
    BirthDateField,
    FreeTextField,
    ModelChoiceField,
    NameField,
)
from strehe.core.readable import language_name
from strehe.core.validation import ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH

from .countries import country_choices
from .forms import EventForm
from .models import Case, Person, TimelineEntry, TraffickingEvent
from .services.editing import MAX_ALIASES

# Languages a person in Kosovo's register commonly speaks, as the ISO 639 codes Person stores;
# a code recorded otherwise (the API takes any) is added to the list so that it is kept.
COMMON_LANGUAGES = ("sq", "sr", "en", "tr", "rom", "bs", "mk", "de")
PERSON_FORM_FIELDS = (
    "given_name",
    "family_name",
    "aliases",
    "birth_date",
    "estimated_age",
    "identity_number",
    "phone",
    "address",
    "sex",
    "citizenships",
    "languages",
)


class AliasesField(FreeTextField):
    """Aliases, one per line; cleaned to a list (the service checks each one's length)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_ALIASES * (NAME_MAX_LENGTH + 1))
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value) or ""
        lines = [" ".join(line.split()) for line in text.splitlines()]
        too_long = [line for line in lines if len(line) > NAME_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Each alias can be at most %(count)s characters long."),
                params={"count": NAME_MAX_LENGTH},
            )
        return [line for line in lines if line]


class PersonForm(forms.Form):
    given_name = NameField(label=_("Given name"), required=False)
    family_name = NameField(label=_("Family name"), required=False)
    aliases = AliasesField(
        label=_("Aliases"),
        required=False,
        help_text=_(
            "Other names the person is known by, one per line. When the real name is not "
            "known, leave the names empty and record what the person is called here."
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
    identity_number = FreeTextField(label=_("Identity number"), required=False, max_length=50)
    phone = FreeTextField(label=_("Phone number"), required=False, max_length=50)
    address = FreeTextField(
        label=_("Address"),
        required=False,
        max_length=ADDRESS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Person.Sex.choices)
    citizenships = forms.MultipleChoiceField(
        label=_("Citizenships"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("initial", person_initial(person))
        super().__init__(*args, **kwargs)
        citizenships = self.fields["citizenships"]
        if isinstance(citizenships, forms.ChoiceField):
            citizenships.choices = country_choices()
        languages = self.fields["languages"]
        if isinstance(languages, forms.ChoiceField):
            codes = [*COMMON_LANGUAGES, *(c for c in person.languages if c not in COMMON_LANGUAGES)]
            languages.choices = [(code, language_name(code)) for code in codes]

    def changes(self) -> dict[str, Any]:
        """Keyword `changes` for services.person_update; call after is_valid()."""
        return {name: self.cleaned_data[name] for name in PERSON_FORM_FIELDS}


def person_initial(person: Person) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(person, name) for name in PERSON_FORM_FIELDS if name != "aliases"
    }
    initial["aliases"] = [alias.name for alias in person.aliases.all()]
    return initial


class NarrativeForm(forms.Form):
    narrative = FreeTextField(
        label=_("Narrative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("The timeline records that the narrative was corrected, not what it said."),
    )


class NoteChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: TimelineEntry) -> str:
        return _("Note of %(when)s") % {
            "when": date_format(localtime(obj.recorded_at), "DATETIME_FORMAT")
        }


class NoteCorrectForm(forms.Form):
    note = NoteChoiceField(label=_("Note"), queryset=TimelineEntry.objects.none())
    text = FreeTextField(
        label=_("Corrected text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Replaces the note's text; the timeline records that it was corrected."),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].queryset = case_notes(case)  # type: ignore[attr-defined]


def case_notes(case: Case) -> Any:
    return case.timeline.filter(kind=TimelineEntry.Kind.NOTE).order_by("-recorded_at", "-pk")


class EventChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: TraffickingEvent) -> str:
        return _("%(kind)s in %(country)s, recorded on %(date)s") % {
            "kind": obj.get_kind_display(),
            "country": obj.country,
            "date": date_format(localtime(obj.recorded_at), "DATE_FORMAT"),
        }


class EventCorrectForm(EventForm):
    event = EventChoiceField(label=_("Trafficking event"), queryset=TraffickingEvent.objects.none())

    field_order = ["event", "kind", "country", "place", "started_on", "ended_on"]

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = case.events.order_by("started_on", "pk")  # type: ignore[attr-defined]
