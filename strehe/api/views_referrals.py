"""Referrals over the API: the same selectors, policies and services as the referral pages.

A case's referrals are read and sent under the case's code, as on its referral page; each step
of a referral (accept, decline, complete, revoke) is a POST on the referral. A referral the user
may not see is 404, a step their role or side may not take 403, a step its state does not allow
400, each before anything is written.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from strehe.accounts.api import NoStoreMixin, role_permission
from strehe.accounts.roles import Permission
from strehe.cases import selectors as case_selectors
from strehe.cases.policies import case_policy
from strehe.referrals import selectors, services
from strehe.referrals.models import Referral
from strehe.referrals.policies import referral_policy

from .serializers import ReasonSerializer, ReferralSendSerializer, ReferralSerializer, validated
from .views import Pages, record_or_404


class ReferralListAPI(NoStoreMixin, generics.ListAPIView[Referral]):
    """Referrals to the user's agency that are running, and those their agency sent, newest
    first, as the referrals page lists them. Reasons are on the case's referrals."""

    shows_personal_data = True
    serializer_class = ReferralSerializer
    pagination_class = Pages
    filterset_fields = ["state", "urgency"]

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), role_permission(Permission.VIEW_PERSONAL_DATA)()]

    def get_queryset(self) -> QuerySet[Referral]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, without a user
            return Referral.objects.none()
        user = self.request.user
        incoming = selectors.referrals_incoming(user).values("pk")
        outgoing = selectors.referrals_outgoing(user).values("pk")
        return (
            Referral.objects.filter(Q(pk__in=incoming) | Q(pk__in=outgoing))
            .select_related("case", "service", "sending_agency__organisation")
            .select_related("receiving_agency__organisation")
            .order_by("-sent_at", "-pk")
        )


class CaseReferralsAPI(NoStoreMixin, generics.GenericAPIView[Referral]):
    """GET: the referrals of a case, in full for those who see the case, else the summary of
    each waiting for the user's agency (each read is logged). POST: refer the case."""

    shows_personal_data = True
    serializer_class = ReferralSerializer
    queryset = Referral.objects.none()  # for the schema: the referrals come from the selector

    @extend_schema(responses={200: ReferralSerializer(many=True)})
    def get(self, request: Request, code: str) -> Response:
        found = selectors.case_referrals(user=request.user, code=code)
        referrals = found.referrals or [summary.referral for summary in found.summaries]
        services.referrals_viewed(actor=request.user, referrals=referrals)
        context = {"sees_case": found.sees_case}
        return Response(ReferralSerializer(referrals, many=True, context=context).data)

    @extend_schema(request=ReferralSendSerializer, responses={201: ReferralSerializer})
    def post(self, request: Request, code: str) -> Response:
        case = case_selectors.case_get(user=request.user, code=code)
        case_policy.require(request.user, Permission.MANAGE_CASE, case)
        data = validated(ReferralSendSerializer(data=request.data))
        referral = services.referral_send(
            actor=request.user,
            case=case,
            service=data["service"],
            reason=data["reason"],
            urgency=data["urgency"],
            parts=data.get("parts", []),
            override_reason=data.get("override_reason", ""),
        )
        body = ReferralSerializer(referral, context={"sees_case": True}).data
        return Response(body, status=status.HTTP_201_CREATED)


class ReferralStepAPI(NoStoreMixin, generics.GenericAPIView[Referral]):
    """One step of a referral the user may see; answers the referral as it is after the step."""

    shows_personal_data = True
    serializer_class = ReferralSerializer
    queryset = Referral.objects.none()  # for the schema: the referral is looked up in post()
    # The service that takes the step, called with actor, referral and, if needed, reason.
    step: Callable[..., Referral]
    needs_reason = False

    def post(self, request: Request, referral_id: int) -> Response:
        visible = referral_policy.visible_to(request.user).select_related("case")
        referral = record_or_404(visible, referral_id)
        data = validated(ReasonSerializer(data=request.data)) if self.needs_reason else {}
        referral = self.step(actor=request.user, referral=referral, **data)
        sees_case = referral_policy.sees_case(request.user, referral)
        return Response(ReferralSerializer(referral, context={"sees_case": sees_case}).data)


REASONED = extend_schema(request=ReasonSerializer, responses={200: ReferralSerializer})
PLAIN = extend_schema(request=None, responses={200: ReferralSerializer})


@PLAIN
class ReferralAcceptAPI(ReferralStepAPI):
    step = staticmethod(services.referral_accept)


@REASONED
class ReferralDeclineAPI(ReferralStepAPI):
    step = staticmethod(services.referral_decline)
    needs_reason = True


@PLAIN
class ReferralCompleteAPI(ReferralStepAPI):
    step = staticmethod(services.referral_complete)


@REASONED
class ReferralRevokeAPI(ReferralStepAPI):
    step = staticmethod(services.referral_revoke)
    needs_reason = True
