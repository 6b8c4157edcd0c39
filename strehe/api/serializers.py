"""What the API shows and accepts. Writes go through the services, which check the actor."""

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Case, IdentificationDecision, Person, PersonAlias
from strehe.core.validation import TEXT_MAX_LENGTH
from strehe.directory.hours import service_state
from strehe.directory.models import Municipality, Organisation, Service
from strehe.helpline.models import CallerType, Channel, Contact, Language, Outcome, Topic


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


class CaseDetailSerializer(CaseSummarySerializer):
    person = PersonSerializer()

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

    class Meta:
        model = Contact
        fields = [
            "id",
            "contacted_at",
            "channel",
            "language",
            "caller_type",
            "topic",
            "outcome",
            "summary",
            "advice_and_referrals",
            "anonymous",
        ]
        read_only_fields = ["id", "contacted_at", "anonymous"]


class ContactSummarySerializer(serializers.ModelSerializer[Contact]):
    class Meta:
        model = Contact
        fields = ["id", "contacted_at", "channel", "language", "caller_type", "topic", "outcome"]


def validated(serializer: serializers.Serializer[Any]) -> dict[str, Any]:
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
