"""The cases API: the same selectors and policies as the staff pages."""

from typing import Any

from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination

from strehe.accounts.api import NoStoreMixin, StaffVerified, role_permission
from strehe.accounts.roles import Permission

from . import selectors, services
from .models import Case, CasePart, Person
from .policies import ALL_PARTS, case_policy


class CaseSummarySerializer(serializers.ModelSerializer[Case]):
    owner_agency = serializers.CharField(source="owner_agency.organisation.name")
    assigned_worker = serializers.CharField(
        source="assigned_worker.username", default=None, allow_null=True
    )

    class Meta:
        model = Case
        fields = ["code", "stage", "owner_agency", "assigned_worker", "opened_at"]


class PersonSerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = [
            "given_name",
            "family_name",
            "birth_date",
            "identity_number",
            "phone",
            "address",
            "estimated_age",
            "sex",
            "citizenships",
            "languages",
        ]


# What the API leaves out of a case for a user who may not see a part (CasePolicy.visible_parts).
IDENTITY_FIELDS = ("given_name", "family_name", "birth_date", "identity_number", "phone", "address")


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


class CasePagination(PageNumberPagination):
    page_size = 100


class CaseListAPI(NoStoreMixin, generics.ListAPIView[Case]):
    """Cases the user may see, without names (the detail shows them, and logs the view)."""

    shows_personal_data = True
    serializer_class = CaseSummarySerializer
    permission_classes = [StaffVerified, role_permission(Permission.VIEW_PERSONAL_DATA)]
    pagination_class = CasePagination

    def get_queryset(self) -> Any:
        return selectors.case_list(user=self.request.user).order_by("-opened_at", "pk")


class CaseDetailAPI(NoStoreMixin, generics.RetrieveAPIView[Case]):
    """One case with its person; 404 for a case the user may not see. Each read is logged."""

    shows_personal_data = True
    serializer_class = CaseDetailSerializer
    permission_classes = [StaffVerified]
    lookup_field = "code"

    def get_object(self) -> Case:
        case = selectors.case_get(user=self.request.user, code=self.kwargs["code"])
        services.case_viewed(actor=self.request.user, case=case)
        self.parts = case_policy.visible_parts(self.request.user, case)
        return case

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["parts"] = getattr(self, "parts", frozenset())
        return context
