"""Shelter occupancy and placements over the API, through the shelter services.

`POST /api/v1/placements/` answers 201 with the placement, 409 "shelter_full" when no bed is
free, 422 "not_eligible" naming each rule that excludes the shelter; check-in, check-out and
transfer are POSTs on the placement. A placement is found only through a case the user may see.
"""

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from strehe.accounts.api import NoStoreMixin, role_permission
from strehe.accounts.roles import Permission
from strehe.cases import selectors as case_selectors
from strehe.directory.models import Shelter
from strehe.shelters import selectors, services
from strehe.shelters.models import Placement

from .serializers import (
    CheckOutSerializer,
    PlacementCreateSerializer,
    PlacementSerializer,
    ShelterOccupancySerializer,
    TransferSerializer,
    validated,
)
from .views import Pages, record_or_404


class ShelterOccupancyAPI(generics.ListAPIView[Shelter]):
    """Beds, occupied and free per shelter, as the occupancy board shows them."""

    shows_personal_data = False
    serializer_class = ShelterOccupancySerializer
    pagination_class = Pages
    filterset_fields = ["kind"]
    queryset = Shelter.objects.order_by("kind", "slug")

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), role_permission(Permission.VIEW_OCCUPANCY)()]


class PlacementFilter(django_filters.FilterSet):
    shelter = django_filters.CharFilter(field_name="shelter__slug")
    open = django_filters.BooleanFilter(field_name="checked_out_at", lookup_expr="isnull")

    class Meta:
        model = Placement
        fields = ["shelter", "open"]


class PlacementListAPI(NoStoreMixin, generics.ListCreateAPIView[Placement]):
    """GET: placements of the cases the user may see, newest first, by shelter (slug) and open
    or ended. POST: place the person of a case in a shelter."""

    shows_personal_data = True
    serializer_class = PlacementSerializer
    pagination_class = Pages
    filterset_class = PlacementFilter

    def get_permissions(self) -> list[Any]:
        # A POST looks the case up first, as the placement page does: 404 for a case the user
        # may not see (every case, for a role without personal data), then the service's 403.
        if self.request.method == "POST":
            return list(super().get_permissions())
        return [*super().get_permissions(), role_permission(Permission.VIEW_PERSONAL_DATA)()]

    def get_queryset(self) -> QuerySet[Placement]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, without a user
            return Placement.objects.none()
        return selectors.placements_visible_to(self.request.user).order_by("-placed_at", "-pk")

    @extend_schema(request=PlacementCreateSerializer, responses={201: PlacementSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = validated(PlacementCreateSerializer(data=request.data))
        case = case_selectors.case_get(user=request.user, code=data["case"])
        placement = services.placement_create(
            actor=request.user, case=case, shelter=data["shelter"]
        )
        return Response(PlacementSerializer(placement).data, status=status.HTTP_201_CREATED)


class PlacementActionAPI(NoStoreMixin, generics.GenericAPIView[Placement]):
    shows_personal_data = True
    serializer_class = PlacementSerializer
    queryset = Placement.objects.none()  # for the schema: the placement is looked up in post()

    def placement(self, placement_id: int) -> Placement:
        visible = selectors.placements_visible_to(self.request.user)
        return record_or_404(visible, placement_id)  # type: ignore[no-any-return]


class PlacementCheckInAPI(PlacementActionAPI):
    """The person arrived: by the shelter's own staff."""

    @extend_schema(request=None, responses={200: PlacementSerializer})
    def post(self, request: Request, placement_id: int) -> Response:
        placement = services.placement_check_in(
            actor=request.user, placement=self.placement(placement_id)
        )
        return Response(PlacementSerializer(placement).data)


class PlacementCheckOutAPI(PlacementActionAPI):
    """The person leaves: the bed is freed and the shelter staff's access ends."""

    @extend_schema(request=CheckOutSerializer, responses={200: PlacementSerializer})
    def post(self, request: Request, placement_id: int) -> Response:
        placement = self.placement(placement_id)
        data = validated(CheckOutSerializer(data=request.data))
        placement = services.placement_check_out(
            actor=request.user,
            placement=placement,
            reason=data["reason"],
            note=data.get("note", ""),
        )
        return Response(PlacementSerializer(placement).data)


class PlacementTransferAPI(PlacementActionAPI):
    """To another shelter, both or neither: answers the new placement."""

    @extend_schema(request=TransferSerializer, responses={201: PlacementSerializer})
    def post(self, request: Request, placement_id: int) -> Response:
        placement = self.placement(placement_id)
        data = validated(TransferSerializer(data=request.data))
        new = services.placement_transfer(
            actor=request.user,
            placement=placement,
            shelter=data["shelter"],
            note=data.get("note", ""),
        )
        return Response(PlacementSerializer(new).data, status=status.HTTP_201_CREATED)
