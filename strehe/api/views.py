"""/api/v1/: the same selectors, policies and services as the staff pages.

Every view without its own `permission_classes` requires a verified staff user (the default, see
settings.REST_FRAMEWORK): deny by default. Views that return personal data say so with
`shows_personal_data`, which the authorization matrix test reads.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from strehe.accounts.api import NoStoreMixin, role_permission
from strehe.accounts.roles import Permission
from strehe.cases import selectors as case_selectors
from strehe.cases import services as case_services
from strehe.cases.models import Case, IdentificationDecision
from strehe.cases.policies import case_policy
from strehe.directory import selectors as directory
from strehe.directory.hours import service_state
from strehe.directory.models import Municipality, Organisation, Service
from strehe.helpline import selectors as helpline_selectors
from strehe.helpline import services as helpline_services
from strehe.helpline.models import Contact
from strehe.helpline.policies import contact_policy
from strehe.screening.models import Screening

from .permissions import Public
from .serializers import (
    CaseDetailSerializer,
    CaseSummarySerializer,
    ContactSerializer,
    ContactSummarySerializer,
    DecisionSerializer,
    MunicipalitySerializer,
    OrganisationSerializer,
    ScreeningSerializer,
    ServiceSerializer,
    validated,
)

MAX_ID = 2**63 - 1


class Pages(PageNumberPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"


# --- The public directory --------------------------------------------------------------------


class PublicReadOnly(generics.GenericAPIView):  # type: ignore[type-arg]
    shows_personal_data = False
    permission_classes = [Public]
    authentication_classes = []
    pagination_class = Pages


class MunicipalityListAPI(PublicReadOnly, generics.ListAPIView):  # type: ignore[type-arg]
    serializer_class = MunicipalitySerializer
    queryset = Municipality.objects.order_by("name")


class OrganisationListAPI(PublicReadOnly, generics.ListAPIView):  # type: ignore[type-arg]
    serializer_class = OrganisationSerializer
    queryset = Organisation.objects.prefetch_related("municipalities").order_by("slug")
    filterset_fields = ["kind"]


class ServiceListAPI(PublicReadOnly, generics.ListAPIView):  # type: ignore[type-arg]
    serializer_class = ServiceSerializer
    filterset_fields = ["is_helpline"]

    def get_queryset(self) -> QuerySet[Service]:
        return (
            Service.objects.select_related("organisation")
            .prefetch_related("opening_hours", "exceptions", "channels")
            .order_by("slug")
        )


class HelplineStateAPI(PublicReadOnly):
    """Whether each helpline is open now, and until when or from when."""

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        now = timezone.now()
        states = []
        for service in directory.helpline_list():
            state = service_state(service, now)
            states.append(
                {
                    "service": service.slug,
                    "open_now": state.is_open,
                    "until": state.until,
                    "next_opening": state.next_opening,
                }
            )
        return Response({"at": now, "helplines": states})


# --- Cases -------------------------------------------------------------------------------------


class CaseListAPI(NoStoreMixin, generics.ListAPIView[Case]):
    """Cases the user may see, without names (the detail shows them, and logs the view)."""

    shows_personal_data = True
    serializer_class = CaseSummarySerializer
    pagination_class = Pages
    filterset_fields = ["stage"]

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), role_permission(Permission.VIEW_PERSONAL_DATA)()]

    def get_queryset(self) -> QuerySet[Case]:
        return (
            case_selectors.case_list(user=self.request.user)
            .select_related("owner_agency__organisation", "assigned_worker")
            .order_by("-opened_at", "pk")
        )


class CaseDetailAPI(NoStoreMixin, generics.RetrieveAPIView[Case]):
    """One case with its person; 404 for a case the user may not see. Each read is logged."""

    shows_personal_data = True
    serializer_class = CaseDetailSerializer

    def get_object(self) -> Case:
        case = case_selectors.case_get(user=self.request.user, code=self.kwargs["code"])
        case_services.case_viewed(actor=self.request.user, case=case)
        self.parts = case_policy.visible_parts(self.request.user, case)
        return case

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["parts"] = getattr(self, "parts", frozenset())
        return context


class CaseDecisionListAPI(NoStoreMixin, generics.ListCreateAPIView[IdentificationDecision]):
    """The identification decisions on a case; POST records the caller's agency's decision."""

    shows_personal_data = True
    serializer_class = DecisionSerializer
    pagination_class = Pages

    def case(self) -> Case:
        return case_selectors.case_get(user=self.request.user, code=self.kwargs["code"])

    def get_queryset(self) -> QuerySet[IdentificationDecision]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, without a case
            return IdentificationDecision.objects.none()
        return self.case().identification_decisions.order_by("-decided_on", "-pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.case()
        data = validated(DecisionSerializer(data=request.data))
        decision = case_services.identification_record(actor=request.user, case=case, **data)  # type: ignore[arg-type]
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


# --- Helpline contacts -------------------------------------------------------------------------


def record_or_404(visible: QuerySet[Any], pk: int) -> Any:
    """The record `pk` among those `visible` to the user; 404 otherwise, whether or not it
    exists."""
    if pk > MAX_ID:
        raise Http404  # beyond any id the database can hold: it would refuse the query
    return generics.get_object_or_404(visible, pk=pk)


def visible_contact(user: Any, contact_id: int) -> Contact:
    return record_or_404(contact_policy.visible_to(user), contact_id)  # type: ignore[no-any-return]


class ContactListAPI(NoStoreMixin, generics.ListCreateAPIView[Contact]):
    """Contacts of the caller's agency (all, for the national view); POST logs one."""

    shows_personal_data = True
    serializer_class = ContactSerializer
    pagination_class = Pages
    filterset_fields = ["channel", "topic", "outcome"]

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        # As the helpline list page: the roles that log contacts, and the national view.
        if not contact_policy.may_list(request.user):
            self.permission_denied(request)

    def get_queryset(self) -> QuerySet[Contact]:
        return contact_policy.visible_to(self.request.user).order_by("-contacted_at", "-pk")

    def get_serializer_class(self) -> Any:
        # The list leaves out what the caller said; the detail shows it, and logs the read.
        return ContactSummarySerializer if self.request.method == "GET" else ContactSerializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = validated(ContactSerializer(data=request.data))
        contact = helpline_services.contact_create(
            actor=request.user,  # type: ignore[arg-type]
            opening_hours_check=helpline_selectors.opening_hours_check_for(request.user),
            **data,
        )
        return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)


class ContactDetailAPI(NoStoreMixin, generics.RetrieveAPIView[Contact]):
    shows_personal_data = True
    serializer_class = ContactSerializer

    def get_object(self) -> Contact:
        contact = visible_contact(self.request.user, self.kwargs["contact_id"])
        helpline_services.contact_viewed(actor=self.request.user, contact=contact)  # type: ignore[arg-type]
        return contact


class ContactScreeningsAPI(NoStoreMixin, generics.ListCreateAPIView[Screening]):
    """GET: the screenings of a contact the user may see. POST: screen its caller, as the
    helpline's screening page does (the roles that screen)."""

    shows_personal_data = True
    serializer_class = ScreeningSerializer
    pagination_class = Pages

    def contact(self) -> Contact:
        return visible_contact(self.request.user, self.kwargs["contact_id"])

    def get_queryset(self) -> QuerySet[Screening]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, without a contact
            return Screening.objects.none()
        return (
            self.contact().screenings.prefetch_related("indicators").order_by("-recorded_at", "-pk")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # As the screening page: a role that does not screen is refused before any lookup.
        if not request.user.has_role_permission(Permission.SCREEN):  # type: ignore[union-attr]
            self.permission_denied(request)
        contact = self.contact()
        data = validated(ScreeningSerializer(data=request.data))
        screening = helpline_services.contact_screen(
            actor=request.user,  # type: ignore[arg-type]
            contact=contact,
            data=ScreeningSerializer.checklist(data),
        )
        return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)
