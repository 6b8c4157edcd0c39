"""The filters of the case list. They narrow selectors.case_overview, never widen it."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency, User

from . import selectors
from .models import Case, RiskLevel, Stage


def _agencies(request: Any) -> QuerySet[Agency]:
    # Agency names are the public directory's: listing all of them reveals nothing.
    return Agency.objects.select_related("organisation")


def _workers(request: Any) -> QuerySet[User]:
    # Only workers of cases the user may see: a name in this list is itself a fact about a case.
    if request is None:
        return User.objects.none()
    visible = selectors.case_list(user=request.user).values("assigned_worker_id")
    return User.objects.filter(pk__in=visible).order_by("username")


class CaseFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices)
    risk = django_filters.ChoiceFilter(
        label=_("Current risk level"), field_name="current_risk_level", choices=RiskLevel.choices
    )
    owner_agency = django_filters.ModelChoiceFilter(label=_("Owning agency"), queryset=_agencies)
    assigned_worker = django_filters.ModelChoiceFilter(
        label=_("Assigned worker"), queryset=_workers
    )

    class Meta:
        model = Case
        fields = ["stage", "risk", "owner_agency", "assigned_worker"]
