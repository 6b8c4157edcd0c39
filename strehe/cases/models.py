"""Persons and their cases. Identifying data is encrypted at rest (strehe.core.crypto)."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency
from strehe.core.crypto import EncryptedCharField, EncryptedDateField, EncryptedTextField
from strehe.core.validation import (
    ADDRESS_MAX_LENGTH,
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    validate_birth_date,
    validate_past_date,
    validate_plan_date,
)

from .codes import (
    ControlMethod,
    DecisionOrganisation,
    EventKind,
    Exploitation,
    TraffickingStatus,
)
from .matching import person_match_key
from .search_index import index_hashes, name_tokens

COUNTRY_CODE = RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter country code, such as XK."))
LANGUAGE_CODE = RegexValidator(r"^[a-z]{2,3}$", _("Use a two- or three-letter language code."))
ADULT_AGE = 18
MAX_AGE = 120


def validate_codes(
    values: object, *, allowed: set[str] | None = None, pattern: RegexValidator | None = None
) -> None:
    """A JSON list of codes: each in `allowed`, or matching `pattern`."""
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise ValidationError(_("Expected a list of codes."))
    for value in values:
        if allowed is not None and value not in allowed:
            raise ValidationError(_("Unknown code: %(code)s") % {"code": value})
        if pattern is not None:
            pattern(value)


def validate_country_codes(values: object) -> None:
    validate_codes(values, pattern=COUNTRY_CODE)


def validate_language_codes(values: object) -> None:
    validate_codes(values, pattern=LANGUAGE_CODE)


def validate_exploitation_codes(values: object) -> None:
    validate_codes(values, allowed=set(Exploitation.values))


def validate_control_codes(values: object) -> None:
    validate_codes(values, allowed=set(ControlMethod.values))


def _keyed_hash(message: str) -> str:
    return hmac.new(
        settings.LOOKUP_HASH_KEY.encode("utf-8"), message.encode("utf-8"), hashlib.sha256
    ).hexdigest()


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def age_of(
    birth_date: datetime.date | None,
    estimated_age: int | None,
    estimated_on: datetime.date | None,
    day: datetime.date,
) -> int | None:
    """Person.age_on from the three fields it reads, for readers of plain values (statistics)."""
    if birth_date:
        return age_on(birth_date, day)
    if estimated_age is not None:
        return estimated_age + max(0, age_on(estimated_on or day, day))
    return None


class Person(models.Model):
    """A person a case is about. Never shown to anyone the need-to-know policy does not allow."""

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "unknown", _("Unknown")

    # Encrypted columns hold NULL rather than "" when empty: the library stores no ciphertext for
    # an empty value.
    # Either may be empty: a person can be known only by an alias (PersonAlias), or not by
    # name at all (an anonymous caller). "" is stored as the token of "", never as plain text.
    given_name = EncryptedCharField(_("given name"), max_length=NAME_MAX_LENGTH, blank=True)
    family_name = EncryptedCharField(_("family name"), max_length=NAME_MAX_LENGTH, blank=True)
    birth_date = EncryptedDateField(
        _("birth date"), null=True, blank=True, validators=[validate_birth_date]
    )
    identity_number = EncryptedCharField(_("identity number"), max_length=50, null=True, blank=True)
    phone = EncryptedCharField(_("phone number"), max_length=50, null=True, blank=True)
    address = EncryptedTextField(_("address"), max_length=ADDRESS_MAX_LENGTH, null=True, blank=True)
    # When the birth date is not known: the age as estimated, and the day it was estimated.
    estimated_age = models.PositiveSmallIntegerField(_("estimated age"), null=True, blank=True)
    age_estimated_on = models.DateField(_("age estimated on"), null=True, blank=True)
    # Keyed hashes (strehe.cases.matching): the same person is found again without decrypting.
    # lookup_hash: normalised name + birth date, for exact matches; birth_date_hash: the birth
    # date alone, to narrow the fuzzy name comparison to people born on the same day.
    lookup_hash = models.CharField(max_length=64, db_index=True, editable=False)
    birth_date_hash = models.CharField(max_length=64, db_index=True, editable=False, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    citizenships = models.JSONField(
        _("citizenships"),
        default=list,
        blank=True,
        help_text=_("ISO 3166 two-letter codes; XK for Kosovo."),
        validators=[validate_country_codes],
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Languages the person speaks, as ISO 639 codes (sq, sr, en, tr, rom)."),
        validators=[validate_language_codes],
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        # Never the name: str() ends up in logs, admin messages and error reports.
        return f"person-{self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived here so that no write path can leave the hashes out of step with the name.
        self.lookup_hash = self.lookup_hash_for(
            given_name=self.given_name, family_name=self.family_name, birth_date=self.birth_date
        )
        self.birth_date_hash = self.birth_date_hash_for(self.birth_date)
        if self.estimated_age is not None and self.age_estimated_on is None:
            self.age_estimated_on = timezone.localdate()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {  # type: ignore[misc]
                *update_fields,  # type: ignore[misc]
                "lookup_hash",
                "birth_date_hash",
                "age_estimated_on",
            }
        with transaction.atomic():
            super().save(*args, **kwargs)  # type: ignore[arg-type]
            # Every save, whatever its update_fields: `strehe rotatefieldkeys` saves with
            # update_fields=["lookup_hash"] to rehash with a new lookup key, and the name index
            # must follow.
            self.name_tokens_write()

    @property
    def has_name(self) -> bool:
        """Whether the real name is known (in part); else the person goes by aliases or none."""
        return bool(name_tokens(f"{self.given_name or ''} {self.family_name or ''}"))

    def name_tokens_write(self) -> None:
        """Replace the blind index of this person's names and aliases (search_index) with a
        fresh one; call again after the aliases change (the editing services do)."""
        aliases = " ".join(alias.name or "" for alias in self.aliases.all()) if self.pk else ""
        hashes = index_hashes(
            f"{self.given_name or ''} {self.family_name or ''} {aliases}",
            key=settings.LOOKUP_HASH_KEY.encode(),
        )
        stored = set(self.name_tokens.values_list("token_hash", flat=True))
        if stored == hashes:
            return
        self.name_tokens.exclude(token_hash__in=hashes).delete()
        PersonNameToken.objects.bulk_create(
            [PersonNameToken(person=self, token_hash=h) for h in sorted(hashes - stored)]
        )

    def clean(self) -> None:
        # The birth date's bounds are its validator's (strehe.core.validation).
        if self.estimated_age is not None and self.estimated_age > MAX_AGE:
            raise ValidationError({"estimated_age": _("Enter an age between 0 and 120.")})
        if self.birth_date and self.estimated_age is not None:
            raise ValidationError(
                {"estimated_age": _("Give the birth date or an estimated age, not both.")}
            )

    @property
    def audit_label(self) -> str:
        return str(self)

    @staticmethod
    def lookup_hash_for(
        *, given_name: str, family_name: str, birth_date: datetime.date | None
    ) -> str:
        """The exact-match key; "" without a name, so nameless persons never match each other
        (or a nameless newcomer) as "the same person" by their birth date alone."""
        if not name_tokens(f"{given_name or ''} {family_name or ''}"):
            return ""
        return person_match_key(
            f"{given_name} {family_name}", birth_date, key=settings.LOOKUP_HASH_KEY.encode()
        )

    @staticmethod
    def birth_date_hash_for(birth_date: datetime.date | None) -> str:
        return _keyed_hash(f"birth|{birth_date.isoformat()}") if birth_date else ""

    def age_on(self, day: datetime.date) -> int | None:
        """Whole years on `day`, from the birth date or else the estimate; None if unknown."""
        return age_of(self.birth_date, self.estimated_age, self.age_estimated_on, day)

    def is_child_on(self, day: datetime.date) -> bool:
        """Under 18 on `day`. An unknown age counts as a child: the protective default."""
        age = self.age_on(day)
        return age is None or age < ADULT_AGE


class PersonNameToken(models.Model):
    """One keyed hash of a token of a person's name: the blind index search compares
    (strehe.cases.search_index). Written by Person.save only; holds no name, only hashes."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_tokens")
    token_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "token_hash"], name="cases_personnametoken_once"
            )
        ]
        # Search looks a hash up and counts the persons it finds.
        indexes = [models.Index(fields=["token_hash", "person"], name="cases_nametoken_hash")]

    def __str__(self) -> str:
        return f"name token of person-{self.person_id}"


class PersonAlias(models.Model):
    """Another name the person is known by (a nickname, the name on a false passport), or the
    only one when the real name is not known. Encrypted like the name; Person.name_tokens_write
    puts its words into the same blind index, so search finds the person by it."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("person")
    )
    name = EncryptedCharField(_("alias"), max_length=NAME_MAX_LENGTH)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def __str__(self) -> str:
        # Never the alias itself: it identifies the person as much as the name.
        return f"alias-{self.pk} of person-{self.person_id}"


class CaseCodeCounter(models.Model):
    """The last case number given out per year; a row locked while the next code is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Stage(models.TextChoices):
    """The stages of the Kosovo standard operating procedures, in order."""

    IDENTIFICATION = "identification", _("Identification")
    RISK_AND_REFERRAL = "risk_and_referral", _("Risk assessment and referral")
    INITIAL_ASSISTANCE = "initial_assistance", _("Initial assistance and reflection period")
    LONG_TERM_ASSISTANCE = "long_term_assistance", _("Long-term assistance")
    REINTEGRATION = "reintegration", _("Return or reintegration")
    CLOSED = "closed", _("Closed")


class ClosingReason(models.TextChoices):
    REINTEGRATED = "reintegrated", _("Reintegrated")
    RETURNED = "returned", _("Returned to the country of origin")
    NOT_A_VICTIM = "not_a_victim", _("Not a victim of trafficking")
    DECLINED = "declined", _("The person declined assistance")
    LOST_CONTACT = "lost_contact", _("Contact lost")
    TRANSFERRED = "transferred", _("Transferred to another organisation")
    OTHER = "other", _("Other reason")


class Case(models.Model):
    Stage = Stage
    ClosingReason = ClosingReason

    # Pseudonymous: the code is what staff write in e-mails and on paper, never the name.
    code = models.CharField(_("code"), max_length=20, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="cases", verbose_name=_("person")
    )
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="cases", verbose_name=_("owning agency")
    )
    assigned_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned worker"),
    )
    stage = models.CharField(
        _("stage"), max_length=30, choices=Stage.choices, default=Stage.IDENTIFICATION
    )
    narrative = EncryptedTextField(
        _("narrative"), max_length=TEXT_MAX_LENGTH, null=True, blank=True
    )
    forms_of_exploitation = models.JSONField(
        _("forms of exploitation"),
        default=list,
        blank=True,
        validators=[validate_exploitation_codes],
    )
    methods_of_control = models.JSONField(
        _("methods of control"), default=list, blank=True, validators=[validate_control_codes]
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    # Set when the case enters initial assistance, from the rule in force on the first day.
    reflection_starts_on = models.DateField(
        _("reflection period starts"), null=True, blank=True, validators=[validate_plan_date]
    )
    reflection_ends_on = models.DateField(_("reflection period ends"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closing_reason = models.CharField(
        _("closing reason"), max_length=20, choices=ClosingReason.choices, blank=True
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="cases_case_stage"),
            # A closed case always says why; an open one has no reason.
            models.CheckConstraint(
                condition=(Q(stage="closed") & ~Q(closing_reason="") & Q(closed_at__isnull=False))
                | (~Q(stage="closed") & Q(closing_reason="")),
                name="cases_case_closed_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(reflection_starts_on__isnull=True, reflection_ends_on__isnull=True)
                | Q(reflection_ends_on__gte=models.F("reflection_starts_on")),
                name="cases_case_reflection_period",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def audit_label(self) -> str:
        return self.code


class ReflectionPeriodRule(models.Model):
    """How long the recovery and reflection period is, from a date on (reference data).

    A case's period is computed once, from the rule in force on its first day; a later change of
    the law does not move the end date of a period already running.
    """

    effective_from = models.DateField(_("in force from"), unique=True)
    days = models.PositiveSmallIntegerField(_("days"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("The date is not known from a source and stands in for the real one."),
    )

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("reflection period rule")
        verbose_name_plural = _("reflection period rules")
        constraints = [
            models.CheckConstraint(condition=Q(days__gt=0), name="cases_reflection_days_positive")
        ]

    def __str__(self) -> str:
        return f"{self.effective_from}: {self.days}"


class CaseRecord(models.Model):
    """Fields every record of a case carries: which case, who recorded it and when."""

    # Each subclass names the reverse accessor with Meta.default_related_name (case.timeline...).
    case = models.ForeignKey(Case, on_delete=models.PROTECT, verbose_name=_("case"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"{self.case.code}/{self._meta.model_name}-{self.pk}"


class TraffickingEvent(CaseRecord):
    """Where and when the person was recruited, moved or exploited (HTCDS trafficking event)."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    country = models.CharField(_("country"), max_length=2, validators=[COUNTRY_CODE])
    # Encrypted: a village or a street may point at the person. Stores "" as the token of "".
    place = EncryptedCharField(_("place"), max_length=NAME_MAX_LENGTH, blank=True)
    started_on = models.DateField(_("from"), null=True, blank=True, validators=[validate_past_date])
    ended_on = models.DateField(_("until"), null=True, blank=True, validators=[validate_past_date])

    class Meta(CaseRecord.Meta):
        verbose_name = _("trafficking event")
        verbose_name_plural = _("trafficking events")
        default_related_name = "events"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="cases_event_kind"),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="cases_event_dates_in_order",
            ),
        ]

    def clean(self) -> None:
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The end cannot be before the start.")})


class IdentificationDecision(CaseRecord):
    """The formal decision on a person's status, by an authorised role (not the screening)."""

    status = models.CharField(_("decision"), max_length=40, choices=TraffickingStatus.choices)
    organisation_type = models.CharField(
        _("decision-making organisation"), max_length=40, choices=DecisionOrganisation.choices
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency")
    )
    decided_on = models.DateField(_("date of the decision"), validators=[validate_past_date])
    grounds = EncryptedTextField(_("grounds"), max_length=TEXT_MAX_LENGTH, null=True, blank=True)

    class Meta(CaseRecord.Meta):
        verbose_name = _("identification decision")
        verbose_name_plural = _("identification decisions")
        default_related_name = "identification_decisions"
        # Statistics read the decisions of a period (strehe.statistics.selectors).
        indexes = [models.Index(fields=["decided_on"], name="cases_decision_decided_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TraffickingStatus.values),
                name="cases_identification_status",
            ),
            models.CheckConstraint(
                condition=Q(organisation_type__in=DecisionOrganisation.values),
                name="cases_identification_organisation",
            ),
        ]


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class RiskAssessment(CaseRecord):
    """A risk assessment; the newest one of a case is its current risk level."""

    level = models.CharField(_("risk level"), max_length=10, choices=RiskLevel.choices)
    assessed_on = models.DateField(_("assessed on"), validators=[validate_past_date])
    reasons = EncryptedTextField(_("reasons"), max_length=TEXT_MAX_LENGTH)
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("assessed by")
    )
    with_child_rule = models.BooleanField(
        _("assessed as a child"),
        default=False,
        help_text=_("The person was under 18 (or of unknown age) on the day of the assessment."),
    )

    class Meta(CaseRecord.Meta):
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        default_related_name = "risk_assessments"
        ordering = ["-assessed_on", "-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=RiskLevel.values), name="cases_risk_level")
        ]


class ConsentScope(models.TextChoices):
    ASSISTANCE = "assistance", _("Assistance")
    SHARING = "sharing", _("Sharing with a named agency")
    DATA_RETENTION = "data_retention", _("Keeping the data after the case closes")


class Consent(CaseRecord):
    """What the person agreed to, when, and whether they withdrew it."""

    scope = models.CharField(_("agreed to"), max_length=20, choices=ConsentScope.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
        help_text=_("For sharing: the agency the person agreed to share with."),
    )
    given_on = models.DateField(_("given on"), validators=[validate_past_date])
    withdrawn_on = models.DateField(
        _("withdrawn on"), null=True, blank=True, validators=[validate_past_date]
    )

    class Meta(CaseRecord.Meta):
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        default_related_name = "consents"
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=ConsentScope.values), name="cases_consent_scope"
            ),
            # Sharing is always with a named agency; the other scopes name none.
            models.CheckConstraint(
                condition=Q(scope="sharing", agency__isnull=False)
                | (~Q(scope="sharing") & Q(agency__isnull=True)),
                name="cases_consent_sharing_names_agency",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="cases_consent_withdrawn_after_given",
            ),
        ]

    def is_in_force_on(self, day: datetime.date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


class ConsentOverride(CaseRecord):
    """An action taken without the consent it needed, with the reason an authorised user gave."""

    scope = models.CharField(_("consent missing for"), max_length=20, choices=ConsentScope.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    action = models.CharField(_("action"), max_length=40)
    reason = EncryptedTextField(_("reason"), max_length=TEXT_MAX_LENGTH)

    class Meta(CaseRecord.Meta):
        verbose_name = _("consent override")
        verbose_name_plural = _("consent overrides")
        default_related_name = "consent_overrides"


class CasePart(models.TextChoices):
    """The parts of a case a grant may be limited to (a referral shares the ones the sender
    chose). A grant without a list of parts opens the whole case."""

    IDENTITY = "identity", _("Identity")
    RISK = "risk", _("Risk")
    NARRATIVE = "narrative", _("Narrative")
    EVENTS = "events", _("Trafficking events")
    NOTES = "notes", _("Notes")


def validate_case_parts(values: object) -> None:
    if values is not None:
        validate_codes(values, allowed=set(CasePart.values))


class GrantBasis(models.TextChoices):
    OWNER = "owner", _("Owning agency")
    ASSIGNED = "assigned", _("Assigned worker")
    CONSENT = "consent", _("Shared with the person's consent")
    OVERRIDE = "override", _("Shared without consent, for a recorded reason")
    REFERRAL = "referral", _("Referral")
    PLACEMENT = "placement", _("Shelter placement")


class AccessGrant(models.Model):
    """Why an agency, or one person in it, may see a case; in force until it is ended.

    Need-to-know is nothing but the grants in force (cases.policies): the owning agency, the
    assigned worker, an agency the person consented to share with, an agency shared with by an
    audited override, and (with their issues) a referral or a placement. A grant is never
    deleted. When its reason ends (consent withdrawn, sharing stopped, worker reassigned, case
    transferred) the service that ends the reason ends the grant in the same transaction, saying
    who, when and why. The assigned worker's grant also ends when their agency's last grant on the
    case ends (services._grants.grants_end): it never outlives the access it was given under.

    A personal grant (`user` set) is held as a member of `agency`: it counts only while the user
    still belongs to that agency, so moving someone to another agency changes what they see at
    once, with no write to any case.
    """

    Basis = GrantBasis

    class EndCause(models.TextChoices):
        CONSENT_WITHDRAWN = "consent_withdrawn", _("The person withdrew their consent")
        SHARING_STOPPED = "sharing_stopped", _("Sharing was stopped")
        REASSIGNED = "reassigned", _("The case was assigned to someone else")
        TRANSFERRED = "transferred", _("The case was transferred to another agency")
        CHECKED_OUT = "checked_out", _("The person left the shelter")
        REFERRAL_REVOKED = "referral_revoked", _("The referral was revoked")
        REFERRAL_COMPLETED = "referral_completed", _("The referral was completed")

    # Bases on which a case is shared with another agency, and that "stop sharing" ends.
    SHARING = (Basis.CONSENT, Basis.OVERRIDE)

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="grants", verbose_name=_("case")
    )
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="case_grants", verbose_name=_("agency")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_grants",
        verbose_name=_("person"),
        help_text=_("For a personal grant (the assigned worker); empty for the whole agency."),
    )
    consent = models.ForeignKey(
        "Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("consent"),
    )
    override = models.ForeignKey(
        "ConsentOverride",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("override"),
    )
    # The parts of the case the grant opens (CasePart codes); NULL: the whole case. A referral's
    # grant carries the parts its sender chose to share (CasePolicy.visible_parts).
    parts = models.JSONField(
        _("parts shared"), null=True, blank=True, validators=[validate_case_parts]
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_cause = models.CharField(
        _("why it ended"), max_length=30, choices=EndCause.choices, blank=True
    )
    # What the person who ended it wrote; free text that may identify someone, so encrypted.
    end_note = EncryptedTextField(_("note on the end"), null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        indexes = [models.Index(fields=["agency", "ended_at"]), models.Index(fields=["user"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(basis__in=GrantBasis.values), name="cases_grant_basis"
            ),
            # The assigned worker's grant is personal; every other basis is the agency's.
            models.CheckConstraint(
                condition=Q(basis="assigned", user__isnull=False)
                | (~Q(basis="assigned") & Q(user__isnull=True)),
                name="cases_grant_personal_only_when_assigned",
            ),
            models.CheckConstraint(
                condition=~Q(basis="consent") | Q(consent__isnull=False),
                name="cases_grant_consent_names_consent",
            ),
            models.CheckConstraint(
                condition=~Q(basis="override") | Q(override__isnull=False),
                name="cases_grant_override_names_override",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("granted_at")),
                name="cases_grant_ends_after_start",
            ),
            # An ended grant says why; one in force has no cause of ending.
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True, end_cause="")
                | (Q(ended_at__isnull=False) & ~Q(end_cause="")),
                name="cases_grant_end_has_cause",
            ),
            # One grant in force per case, basis and grantee: sharing twice at once (two clicks,
            # two users) cannot leave two rows that must both be ended later.
            models.UniqueConstraint(
                fields=["case", "basis", "agency"],
                condition=Q(ended_at__isnull=True, user__isnull=True),
                name="cases_grant_one_agency_grant_in_force",
            ),
            models.UniqueConstraint(
                fields=["case", "basis", "user"],
                condition=Q(ended_at__isnull=True, user__isnull=False),
                name="cases_grant_one_personal_grant_in_force",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"{self.case.code}/grant-{self.pk}"

    @property
    def in_force(self) -> bool:
        return self.ended_at is None


class TimelineEntry(CaseRecord):
    """One line of a case's history. Written by the services, in the transaction of the act.

    `data` holds codes and ids only (stage names, risk level, the id of a screening); free text
    that may identify someone goes to the encrypted `note`.
    """

    class Kind(models.TextChoices):
        OPENED = "opened", _("Case opened")
        NOTE = "note", _("Note")
        CONTACT = "contact", _("Helpline contact")
        SCREENING = "screening", _("Screening")
        IDENTIFICATION = "identification", _("Identification decision")
        STAGE = "stage", _("Stage change")
        RISK = "risk", _("Risk assessment")
        CONSENT = "consent", _("Consent given")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
        CONSENT_OVERRIDE = "consent_override", _("Action without consent")
        SHARED = "shared", _("Shared with an agency")
        SHARING_ENDED = "sharing_ended", _("Sharing ended")
        ASSIGNED = "assigned", _("Worker assigned")
        TRANSFERRED = "transferred", _("Transferred to another agency")
        EVENT = "event", _("Trafficking event")
        REFERRAL = "referral", _("Referral")
        PLACEMENT = "placement", _("Shelter placement")
        FOLLOW_UP = "follow_up", _("Follow-up added")
        FOLLOW_UP_DONE = "follow_up_done", _("Follow-up done")
        FOLLOW_UP_REOPENED = "follow_up_reopened", _("Follow-up reopened")
        # A record of the case corrected (services.editing): data names the record and fields.
        CORRECTED = "corrected", _("Correction")
        SAME_PERSON = "same_person", _("Confirmed the same person as another case")
        SAME_PERSON_UNDONE = "same_person_undone", _("Same-person link undone")
        DIFFERENT_PERSON = "different_person", _("Confirmed a different person from another case")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    data = models.JSONField(_("data"), default=dict, blank=True)
    note = EncryptedTextField(_("note"), max_length=TEXT_MAX_LENGTH, null=True, blank=True)

    class Meta(CaseRecord.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        default_related_name = "timeline"


class FollowUp(CaseRecord):
    """Something to do on a case by a day: "call back tomorrow 10:00", "accompany to court".

    The note may name people and places, so it is encrypted; the kind, the dates and who is
    assigned are plain, for My work to list them without decrypting anything. A follow-up is
    never deleted: it is done (who, when) or reopened, each with a timeline line.
    """

    class Kind(models.TextChoices):
        TASK = "task", _("Task")
        # Made by case_move_stage when the case enters initial assistance.
        REFLECTION_END = "reflection_end", _("The reflection period ends: decide what comes next")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TASK)
    due_on = models.DateField(_("due on"), validators=[validate_plan_date])
    due_time = models.TimeField(_("at"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("assigned to"),
    )
    note = EncryptedTextField(_("note"), max_length=TEXT_MAX_LENGTH, null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta(CaseRecord.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        default_related_name = "follow_ups"
        ordering = ["due_on", "due_time", "pk"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["task", "reflection_end"]), name="cases_followup_kind"
            ),
            # Who marked it done is known only while it is done.
            models.CheckConstraint(
                condition=Q(done_at__isnull=False) | Q(done_by__isnull=True),
                name="cases_followup_done_by_only_when_done",
            ),
            # One reminder of the reflection period's end per case, however often it is asked.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(kind="reflection_end"),
                name="cases_followup_one_reflection_end_per_case",
            ),
        ]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue_on(self, day: datetime.date) -> bool:
        return not self.is_done and self.due_on < day


class PersonLink(models.Model):
    """Staff confirmed that two records are one person: the cases of `merged` moved to `kept`.

    Statistics count persons, not cases, so this is what makes a victim met by two agencies
    count once. Reversible: the merged person's row stays (it holds what that case recorded about
    the person), `moved_cases` says which cases moved, and undoing the link moves exactly those
    back. Written only by strehe.cases.services.linking.
    """

    kept = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="links_kept", verbose_name=_("kept person")
    )
    merged = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="links_merged",
        verbose_name=_("merged person"),
    )
    moved_cases = models.ManyToManyField(
        Case, related_name="person_links", verbose_name=_("cases moved")
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("linked by"),
    )
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undone by"),
    )
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        ordering = ["-linked_at", "-id"]
        verbose_name = _("same-person link")
        verbose_name_plural = _("same-person links")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kept=models.F("merged")), name="cases_personlink_two_persons"
            ),
            models.CheckConstraint(
                condition=Q(undone_at__isnull=True, undone_by__isnull=True)
                | Q(undone_at__isnull=False),
                name="cases_personlink_undone_by_only_when_undone",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"person-{self.merged_id}->person-{self.kept_id}"

    @property
    def in_force(self) -> bool:
        return self.undone_at is None


class PersonDistinction(models.Model):
    """Staff confirmed that two persons who look alike are different people.

    The pair is stored in order (`first` has the lower id), so that it is recorded once whichever
    case it was confirmed from; the possible duplicates of a case leave such pairs out. A later
    "same person" link ends it (`ended_at`), so the history stays.
    """

    first = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("different-people confirmation")
        verbose_name_plural = _("different-people confirmations")
        constraints = [
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="cases_distinction_ordered_pair"
            ),
            models.UniqueConstraint(
                fields=["first", "second"],
                condition=Q(ended_at__isnull=True),
                name="cases_distinction_once_in_force",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"person-{self.first_id}/person-{self.second_id}"
