from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.directory.models import Municipality
from strehe.directory.selectors import municipality_list


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:  # type: ignore[override]
        return obj.name


class MunicipalityForm(forms.Form):
    """The plain GET form on "Get help": no JavaScript, no session, no CSRF cookie."""

    municipality = MunicipalityChoiceField(
        label=_("Your municipality"),
        queryset=municipality_list(),
        to_field_name="slug",
        empty_label=_("Choose a municipality"),
        error_messages={
            "required": _("Choose a municipality from the list."),
            "invalid_choice": _("We do not know this municipality. Choose one from the list."),
        },
    )
