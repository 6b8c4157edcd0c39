"""Who serves where: districts, municipalities and the organisations of the network.

Reference data lives here as rows loaded from files, never as constants in code, so another
jurisdiction is served by loading other files.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("district"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        POLICE_UNIT = "police_unit", _("Police anti-trafficking unit")
        VICTIM_ADVOCATES = "victim_advocates", _("Victim advocates' office")
        SOCIAL_WORK_CENTRE = "social_work_centre", _("Centre for Social Work")
        SHELTER = "shelter", _("Shelter")
        HELPLINE = "helpline", _("Helpline")
        NGO = "ngo", _("Non-governmental organisation")
        PROSECUTION = "prosecution", _("Prosecution")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipalities served"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name
