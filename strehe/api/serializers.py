"""What the API shows and accepts. Writes go through the services, which check the actor."""

import datetime
from typing import Any

from django.core.validators import slug_re
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Case, CasePart, IdentificationDecision, Person, PersonAlias
from strehe.cases.policies import ALL_PARTS
from strehe.core.validation import TEXT_MAX_LENGTH
from strehe.directory.hours import service_state
from strehe.directory.models import Municipality, Organisation, Service, Shelter
from strehe.helpline.forms import ContactTimeField
from strehe.helpline.models import (
    DURATION_MAX_MINUTES,
    AgeGroup,
    CallerType,
    Channel,
    Contact,
    Language,
    Outcome,
    Sex,
    Topic,
)
from strehe.referrals.models import Referral, Urgency
from strehe.referrals.selectors import referral_summary
from strehe.screening.forms import indicator_field_name
from strehe.screening.models import IloIndicator, Screening
from strehe.screening.rules import Act, Dimension, Means, Purpose
from strehe.shelters.models import Placement

SLUG_MAX_LENGTH = 200


class SlugReference(serializers.SlugRelatedField[Any]):
    """A record named by its slug. A value that cannot be a slug is answered "does not exist"
    without a query: PostgreSQL refuses a query with a NUL byte, and a slug never has one."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or len(data) > SLUG_MAX_LENGTH or not slug_re.fullmatch(data):
            self.fail(
                "does_not_exist", slug_name=self.slug_field, value=str(data)[:SLUG_MAX_LENGTH]
            )
        return super().to_internal_value(data)


class MunicipalitySerializer(serializers.ModelSerializer[Municipality]):
    class Meta:
        model = Municipality
        fields = ["slug", "name"]


class ServiceSerializer(serializers.ModelSerializer[Service]):
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    open_now = serializers.SerializerMethodField()
    phones = serializers.SerializerMethodField()

    class Meta:
        model = Service
        fields = [
            "slug",
            "name",
            "organisation",
            "is_helpline",
            "always_open",
            "free_of_charge",
            "anonymous",
            "open_now",
            "phones",
        ]

    def get_open_now(self, service: Service) -> bool:
        return service_state(service, timezone.now()).is_open

    def get_phones(self, service: Service) -> list[str]:
        return [c.value for c in service.channels.all() if c.kind == "phone"]


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    municipalities: Any = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "description", "municipalities"]


class CaseSummarySerializer(serializers.ModelSerializer[Case]):
    owner_agency = serializers.CharField(source="owner_agency.organisation.name")
    assigned_worker = serializers.CharField(
        source="assigned_worker.username", default=None, allow_null=True
    )

    class Meta:
        model = Case
        fields = ["code", "stage", "owner_agency", "assigned_worker", "opened_at"]


class PersonSerializer(serializers.ModelSerializer[Person]):
    # Other names the person is known by; the only ones when the real name is not known.
    aliases: serializers.SlugRelatedField[PersonAlias] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )

    class Meta:
        model = Person
        fields = [
            "given_name",
            "family_name",
            "aliases",
            "birth_date",
            "identity_number",
            "phone",
            "address",
            "estimated_age",
            "sex",
            "citizenships",
            "languages",
        ]


# What the API leaves out of a case for a user who may not see a part of it (a referral shares
# only the parts its sender chose: cases.policies.CasePolicy.visible_parts).
IDENTITY_FIELDS = (
    "given_name",
    "family_name",
    "aliases",
    "birth_date",
    "identity_number",
    "phone",
    "address",
)


class CaseDetailSerializer(CaseSummarySerializer):
    person = PersonSerializer()

    def to_representation(self, instance: Case) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        parts = self.context.get("parts", ALL_PARTS)
        if CasePart.IDENTITY not in parts:
            for field in IDENTITY_FIELDS:
                data["person"].pop(field, None)
        if CasePart.NARRATIVE not in parts:
            data.pop("narrative", None)
        data["parts_shared"] = sorted(parts)
        return data

    class Meta(CaseSummarySerializer.Meta):
        fields = [
            *CaseSummarySerializer.Meta.fields,
            "person",
            "narrative",
            "forms_of_exploitation",
            "methods_of_control",
            "reflection_starts_on",
            "reflection_ends_on",
            "closing_reason",
        ]


class DecisionSerializer(serializers.ModelSerializer[IdentificationDecision]):
    status = serializers.ChoiceField(choices=TraffickingStatus.choices)
    decided_on = serializers.DateField(required=False)
    grounds = serializers.CharField(
        required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH, write_only=True
    )
    organisation_type = serializers.CharField(read_only=True)

    class Meta:
        model = IdentificationDecision
        fields = ["id", "status", "organisation_type", "decided_on", "grounds", "recorded_at"]
        read_only_fields = ["id", "organisation_type", "recorded_at"]


# What a list of contacts shows: nothing the caller said, no number.
CONTACT_SUMMARY_FIELDS = [
    "id",
    "contacted_at",
    "channel",
    "language",
    "caller_type",
    "topic",
    "outcome",
    "duration_minutes",
    "caller_age_group",
    "caller_sex",
    "municipality",
]


class ContactSerializer(serializers.ModelSerializer[Contact]):
    channel = serializers.ChoiceField(choices=Channel.choices)
    language = serializers.ChoiceField(choices=Language.choices)
    caller_type = serializers.ChoiceField(choices=CallerType.choices)
    topic = serializers.ChoiceField(choices=Topic.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    advice_and_referrals = serializers.CharField(
        required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH
    )
    # The desk's fields, as on the helpline form: when, how long, who called and from where.
    contacted_at = serializers.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=DURATION_MAX_MINUTES
    )
    caller_age_group = serializers.ChoiceField(choices=AgeGroup.choices, required=False)
    caller_sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    municipality: Any = SlugReference(
        slug_field="slug",
        queryset=Municipality.objects.all(),
        required=False,
        allow_null=True,
    )
    # Taken as typed, stored normalised and encrypted; a later contact from the number is found
    # by its keyed hash. Shown in international form.
    caller_phone = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, max_length=40
    )

    class Meta:
        model = Contact
        fields = [
            *CONTACT_SUMMARY_FIELDS,
            "summary",
            "advice_and_referrals",
            "caller_phone",
            "within_opening_hours",
            "anonymous",
        ]
        read_only_fields = ["id", "within_opening_hours", "anonymous"]

    def validate_contacted_at(self, value: datetime.datetime) -> datetime.datetime | None:
        # The desk form's rule: from 1990 to now (its Django ValidationError becomes this
        # field's error).
        return ContactTimeField().clean(value)

    def validate_caller_phone(self, value: str | None) -> str:
        return value or ""


class ContactSummarySerializer(serializers.ModelSerializer[Contact]):
    municipality: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Contact
        fields = CONTACT_SUMMARY_FIELDS


class ScreeningSerializer(serializers.ModelSerializer[Screening]):
    """A screening against the legal definition (acts, means, purposes) and the ILO/EC
    indicators (by key), with the guidance computed from them when it was recorded."""

    acts = serializers.ListField(
        child=serializers.ChoiceField(choices=Act.choices), required=False, max_length=20
    )
    means = serializers.ListField(
        child=serializers.ChoiceField(choices=Means.choices), required=False, max_length=20
    )
    purposes = serializers.ListField(
        child=serializers.ChoiceField(choices=Purpose.choices), required=False, max_length=20
    )
    indicators: Any = SlugReference(
        slug_field="key", many=True, queryset=IloIndicator.objects.all(), required=False
    )
    is_child = serializers.BooleanField(default=False)

    class Meta:
        model = Screening
        fields = [
            "id",
            "recorded_at",
            "is_child",
            "acts",
            "means",
            "purposes",
            "indicators",
            "palermo_indicates_victim",
            "ilo_indicates_victim",
            "result",
        ]
        read_only_fields = [
            "id",
            "recorded_at",
            "palermo_indicates_victim",
            "ilo_indicates_victim",
            "result",
        ]

    @staticmethod
    def checklist(data: dict[str, Any]) -> dict[str, Any]:
        """Validated input as the checklist form posts it: indicators under their dimension."""
        indicators = data.get("indicators", [])
        return {
            "is_child": data["is_child"],
            "acts": data.get("acts", []),
            "means": data.get("means", []),
            "purposes": data.get("purposes", []),
            **{
                indicator_field_name(dimension.value): [
                    i.pk for i in indicators if i.dimension == dimension.value
                ]
                for dimension in Dimension
            },
        }


def validated(serializer: serializers.Serializer[Any]) -> dict[str, Any]:
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


# --- Referrals ---------------------------------------------------------------------------------


class ReferralSummarySerializer(serializers.Serializer[Any]):
    """What a receiving agency sees before it accepts (referrals.selectors.referral_summary):
    nothing that identifies the person."""

    stage = serializers.CharField()
    sex = serializers.CharField()
    age = serializers.IntegerField(allow_null=True)
    forms_of_exploitation = serializers.ListField(child=serializers.CharField())
    risk_level = serializers.CharField()


class ReferralSerializer(serializers.ModelSerializer[Referral]):
    """A referral as its parties see it. Its reasons are free text about a person: given only to
    those who see the case (`sees_case` True in the context); a receiver who has not yet
    accepted (`sees_case` False) gets the summary the referral pages show instead. A list
    (no `sees_case`) shows neither."""

    case = serializers.CharField(source="case.code", read_only=True)
    service: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sending_agency = serializers.CharField(source="sending_agency.organisation.slug")
    receiving_agency = serializers.CharField(source="receiving_agency.organisation.slug")
    parts = serializers.ListField(child=serializers.ChoiceField(choices=CasePart.choices))
    reason = serializers.SerializerMethodField()
    decline_reason = serializers.SerializerMethodField()
    revoke_reason = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()

    class Meta:
        model = Referral
        fields = [
            "id",
            "case",
            "service",
            "sending_agency",
            "receiving_agency",
            "urgency",
            "parts",
            "state",
            "sent_at",
            "answer_due_at",
            "answered_at",
            "ended_at",
            "reason",
            "decline_reason",
            "revoke_reason",
            "summary",
        ]
        read_only_fields = fields

    @extend_schema_field(ReferralSummarySerializer(allow_null=True))
    def get_summary(self, referral: Referral) -> dict[str, Any] | None:
        # Only where the reasons are withheld from a receiver (a list shows neither).
        if self.context.get("sees_case") is not False:
            return None
        return ReferralSummarySerializer(referral_summary(referral)).data

    def _private(self, referral: Referral, field: str) -> str | None:
        if not self.context.get("sees_case", False):
            return None
        return getattr(referral, field) or None

    def get_reason(self, referral: Referral) -> str | None:
        return self._private(referral, "reason")

    def get_decline_reason(self, referral: Referral) -> str | None:
        return self._private(referral, "decline_reason")

    def get_revoke_reason(self, referral: Referral) -> str | None:
        return self._private(referral, "revoke_reason")


class ReferralSendSerializer(serializers.Serializer[Any]):
    service: Any = SlugReference(
        slug_field="slug", queryset=Service.objects.filter(organisation__agency__is_active=True)
    )
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    parts = serializers.ListField(
        child=serializers.ChoiceField(choices=CasePart.choices), required=False, max_length=10
    )
    override_reason = serializers.CharField(
        required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH
    )


class ReasonSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)


# --- Shelters and placements -------------------------------------------------------------------


class ShelterOccupancySerializer(serializers.ModelSerializer[Shelter]):
    """Beds of a shelter; never its address."""

    free = serializers.SerializerMethodField()

    class Meta:
        model = Shelter
        fields = [
            "slug",
            "name",
            "kind",
            "accepts_women",
            "accepts_men",
            "accepts_children",
            "capacity",
            "occupied",
            "free",
        ]

    def get_free(self, shelter: Shelter) -> int:
        return max(0, shelter.capacity - shelter.occupied)


class PlacementSerializer(serializers.ModelSerializer[Placement]):
    case = serializers.CharField(source="case.code", read_only=True)
    shelter: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "case",
            "shelter",
            "placed_at",
            "checked_in_at",
            "checked_out_at",
            "check_out_reason",
            "transferred_from",
            "is_open",
        ]
        read_only_fields = fields


class PlacementCreateSerializer(serializers.Serializer[Any]):
    case = serializers.CharField(max_length=40, help_text="The case code.")
    shelter: Any = SlugReference(slug_field="slug", queryset=Shelter.objects.all())


class CheckOutSerializer(serializers.Serializer[Any]):
    reason = serializers.ChoiceField(
        choices=[c for c in Placement.CheckOutReason.choices if c[0] != "transferred"]
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)


class TransferSerializer(serializers.Serializer[Any]):
    shelter: Any = SlugReference(slug_field="slug", queryset=Shelter.objects.all())
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
