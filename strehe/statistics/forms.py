"""The choice of figures on the statistics pages: a plain GET form, so a result is a link."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.cases.codes import DecisionOrganisation
from strehe.core.forms import PastDateField

from .dimensions import (
    AGE_BAND_PRESETS,
    CITIZENSHIP,
    DIMENSION_LABELS,
    DIMENSIONS,
)
from .report import Query
from .selectors import IDENTIFIED, PRESUMED, REGISTERED

STATUS_CHOICES = [
    (REGISTERED, _("Registered victims (identified or presumed)")),
    (IDENTIFIED, _("Identified victims")),
    (PRESUMED, _("Presumed victims")),
]
AGE_BAND_CHOICES = [
    ("national", _("National bands: 0–13, 14–17, 18–22, 23 or older")),  # noqa: RUF001
    ("child-adult", _("Children and adults: 0–17, 18 or older")),  # noqa: RUF001
    ("ctdc", _("CTDC bands: 0–8, 9–17, 18–20 … 48 or older")),  # noqa: RUF001
]
DIMENSION_CHOICES = [(dimension, DIMENSION_LABELS[dimension]) for dimension in DIMENSIONS]


class StatisticsForm(forms.Form):
    date_from = PastDateField(label=_("From"))
    date_to = PastDateField(label=_("To"))
    status = forms.ChoiceField(label=_("Victims"), choices=STATUS_CHOICES, initial=REGISTERED)
    decided_by = forms.ChoiceField(
        label=_("Decided by"),
        choices=[("", _("Any organisation")), *DecisionOrganisation.choices],
        required=False,
    )
    by = forms.ChoiceField(label=_("Break down by"), choices=DIMENSION_CHOICES, initial=CITIZENSHIP)
    then_by = forms.ChoiceField(
        label=_("and by (optional)"),
        choices=[("", _("Nothing else")), *DIMENSION_CHOICES],
        required=False,
    )
    age_bands = forms.ChoiceField(label=_("Age bands"), choices=AGE_BAND_CHOICES, required=False)
    public = forms.BooleanField(
        label=_("Show as published (small cells suppressed)"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end cannot be before the start."))
        if data.get("then_by") and data.get("then_by") == data.get("by"):
            self.add_error("then_by", _("Choose a different second dimension, or none."))
        return data

    def query(self) -> Query:
        data = self.cleaned_data
        by = (data["by"], data["then_by"]) if data.get("then_by") else (data["by"],)
        return Query(
            date_from=data["date_from"],
            date_to=data["date_to"],
            status=data["status"],
            decided_by=data.get("decided_by") or None,
            by=by,
            age_bands=AGE_BAND_PRESETS[data.get("age_bands") or "national"],
        )


def default_period(today: datetime.date | None = None) -> dict[str, str]:
    """The last whole year: what the page shows before anyone chooses."""
    today = today or timezone.localdate()
    return {
        "date_from": datetime.date(today.year - 1, 1, 1).isoformat(),
        "date_to": datetime.date(today.year - 1, 12, 31).isoformat(),
        "status": REGISTERED,
        "by": CITIZENSHIP,
    }
