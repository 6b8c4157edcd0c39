"""Screening for signs of trafficking: the ILO/EC indicators (reference data) and assessments.

A Screening records what a screener found and the guidance the rules gave at that moment. It is
never an identification decision; that is recorded separately by the competent authority.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .rules import Dimension, Grade


class IloIndicator(models.Model):
    """One ILO/EC operational indicator, loaded from a data file by `strehe loadreference`."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier from the data file; never reused for another indicator."),
    )
    dimension = models.CharField(_("dimension"), max_length=40, choices=Dimension.choices)
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices)
    text = models.CharField(_("indicator"), max_length=300)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("ILO indicator")
        verbose_name_plural = _("ILO indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__in=Dimension.values), name="screening_indicator_dimension"
            ),
            models.CheckConstraint(
                condition=Q(grade__in=Grade.values), name="screening_indicator_grade"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Screening(models.Model):
    """One screening checklist as filled in, with the guidance computed when it was recorded."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="screenings",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    # A screening is often done during the call, before any case exists; opening a case from it,
    # or linking it to an existing one, fills these in.
    contact = models.ForeignKey(
        "helpline.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="screenings",
        verbose_name=_("helpline contact"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="screenings",
        verbose_name=_("case"),
    )
    is_child = models.BooleanField(_("child (under 18)"))
    # Code lists from rules.Act, rules.Means and rules.Purpose, validated by the form.
    acts = models.JSONField(_("acts"), default=list, blank=True)
    means = models.JSONField(_("means"), default=list, blank=True)
    purposes = models.JSONField(_("purposes"), default=list, blank=True)
    indicators = models.ManyToManyField(
        IloIndicator, blank=True, related_name="screenings", verbose_name=_("ILO indicators")
    )
    # The guidance as computed at recording time: later changes to the rules or the indicator
    # grades must not silently rewrite what the screener was shown.
    palermo_indicates_victim = models.BooleanField(_("legal elements indicate a presumed victim"))
    ilo_indicates_victim = models.BooleanField(_("indicators point to a presumed victim"))
    result = models.JSONField(_("result"), default=dict)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return str(_("Screening of %(date)s") % {"date": self.recorded_at.date().isoformat()})
