"""Who serves where: districts, municipalities, organisations, their services and the shelters.

Reference data lives here as rows loaded from files (`strehe loadreference`), never as constants in
code, so another jurisdiction is served by loading other files. Facts the sources do not give are
loaded anyway so the network can be shown, but carry `illustrative=True`, which the admin shows.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
    # The slug is the municipality's stable public address (?municipality=prizren).
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    alt_names = models.CharField(
        _("other names"),
        max_length=200,
        blank=True,
        help_text=_("Other names in use, separated by semicolons."),
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
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the facts shown come from.")
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Some of this data is not confirmed by a source; see the data note."),
    )
    data_note = models.CharField(
        _("data note"),
        max_length=300,
        blank=True,
        help_text=_("For staff: which facts are illustrative and why."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """Something an organisation offers to people, with its contact channels and opening hours.

    Hours are wall-clock times in `time_zone`; `always_open` stands for round-the-clock services,
    because a weekly table cannot express 24:00.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=60, default="Europe/Belgrade")
    is_helpline = models.BooleanField(
        _("helpline"), default=False, help_text=_('Shown first on the public "Get help" page.')
    )
    always_open = models.BooleanField(_("open day and night"), default=False)
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    confidential = models.BooleanField(_("confidential"), default=False)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    covers_trafficking = models.BooleanField(_("trafficking in human beings"), default=False)
    covers_domestic_violence = models.BooleanField(_("domestic violence"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name


class ContactChannel(models.Model):
    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")
        WEB = "web", _("Website")
        IN_PERSON = "in_person", _("In person")

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="channels", verbose_name=_("service")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=200)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["service", "kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "kind", "value"], name="contact_channel_unique"
            ),
        ]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering, so no conversion is needed anywhere.
    MONDAY = 0, pgettext_lazy("weekday", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday", "Sunday")


class OpeningHours(models.Model):
    """One opening interval on a weekday, in the service's local wall-clock time."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("service")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["service", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")), name="opening_hours_opens_before_closes"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="opening_hours_weekday_range"
            ),
            models.UniqueConstraint(
                fields=["service", "weekday", "opens"], name="opening_hours_unique"
            ),
        ]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ServiceException(models.Model):
    """A dated change to the weekly hours: closed all day, or open only opens-closes that day."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("service")
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["service", "date"]
        constraints = [
            models.UniqueConstraint(fields=["service", "date"], name="service_exception_unique"),
            # Either closed all day (no times) or a proper interval.
            models.CheckConstraint(
                condition=Q(opens__isnull=True, closes__isnull=True)
                | Q(opens__isnull=False, closes__isnull=False, opens__lt=F("closes")),
                name="service_exception_closed_or_interval",
            ),
        ]
        verbose_name = _("dated exception")
        verbose_name_plural = _("dated exceptions")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"


class Shelter(models.Model):
    """A place where victims stay. Its address is for staff only and never shown publicly."""

    class Kind(models.TextChoices):
        TRAFFICKING_ONLY = "trafficking_only", _("Shelter for victims of trafficking only")
        DOMESTIC_VIOLENCE = (
            "domestic_violence",
            _("Domestic-violence shelter that also accepts low-risk trafficking victims"),
        )
        HIGH_SECURITY = "high_security", _("High-security facility")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    region = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shelters",
        verbose_name=_("region"),
        help_text=_("Empty when the region is not published."),
    )
    accepts_women = models.BooleanField(_("accepts women"), default=False)
    accepts_men = models.BooleanField(_("accepts men"), default=False)
    accepts_children = models.BooleanField(_("accepts children"), default=False)
    capacity = models.PositiveIntegerField(_("beds"))
    # Beds taken by open placements. Written only by strehe.shelters.services, with conditional
    # UPDATEs (`occupied < capacity`), never by saving a loaded row: see save().
    occupied = models.PositiveIntegerField(_("beds occupied"), default=0, editable=False)
    capacity_illustrative = models.BooleanField(_("bed count is illustrative"), default=False)
    address = models.TextField(_("address (never shown publicly)"), blank=True)
    operator = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shelters",
        verbose_name=_("operated by"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    data_note = models.CharField(_("data note"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "slug"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=0), name="shelter_capacity_positive"),
            # The database refuses an overbooked shelter, whatever the code above it does.
            models.CheckConstraint(
                condition=Q(occupied__gte=0) & Q(occupied__lte=F("capacity")),
                name="shelter_occupied_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(accepts_women=True) | Q(accepts_men=True) | Q(accepts_children=True),
                name="shelter_accepts_someone",
            ),
        ]
        verbose_name = _("shelter")
        verbose_name_plural = _("shelters")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A row loaded a minute ago holds a stale occupancy: saving it must not write it back.
        if (
            self.pk is not None
            and not kwargs.get("force_insert")
            and "update_fields" not in kwargs
            and type(self).objects.filter(pk=self.pk).exists()
        ):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "occupied"
            ]
        super().save(*args, **kwargs)

    @property
    def free_beds(self) -> int:
        return max(0, self.capacity - self.occupied)

    def clean(self) -> None:
        # The admin and the loader change capacity; they may not go below the beds occupied now
        # (the check constraint would refuse it anyway, as an error instead of a message).
        if self.pk is not None:
            occupied = Shelter.objects.filter(pk=self.pk).values_list("occupied", flat=True).first()
            if occupied is not None and self.capacity is not None and self.capacity < occupied:
                raise ValidationError(
                    {
                        "capacity": _(
                            "%(occupied)s beds are occupied; the capacity cannot be lower."
                        )
                        % {"occupied": occupied}
                    }
                )


class PublicHoliday(models.Model):
    """A day on which offices with weekly hours are closed (the helpline among them), unless a
    service's own dated exception says otherwise. Loaded from holidays.csv with its source."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("No source confirms this date; check it before relying on it."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class EmergencyNumber(models.Model):
    """A number to call at any hour (police, ambulance...), shown when the helpline is closed."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("No source confirms this number; check it before relying on it."),
    )

    class Meta:
        ordering = ["position", "number"]
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")

    def __str__(self) -> str:
        return f"{self.number} {self.name}"
