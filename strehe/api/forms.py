from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import FreeTextField

LIFETIMES = [(30, _("30 days")), (90, _("90 days")), (180, _("180 days")), (365, _("One year"))]


class ApiTokenForm(forms.Form):
    name = FreeTextField(
        label=_("What the token is for"), max_length=100, help_text=_("For example: “case import”.")
    )
    lifetime_days = forms.TypedChoiceField(
        label=_("Valid for"), choices=LIFETIMES, coerce=int, initial=90
    )
