"""/api/v1/statistics/ and /api/v1/public/statistics/: the statistics pages' figures as JSON.

The staff endpoint takes the staff page's parameters, validated by the page's own form, and
answers its report (exact, or with `public` as it would be published); like every other way
figures leave Strehë as a file (the page's downloads, `strehe stats`), each answer is audited
as an export. The public endpoint answers exactly what the public page publishes for a year,
from the same publication (strehe.statistics.published): no count a reader could tie to a few
people, and no inner cell of the two-way table the page keeps to itself.
"""

from typing import Any

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from strehe.accounts.api import NoStoreMixin, role_permission
from strehe.accounts.roles import Permission
from strehe.statistics.dimensions import DIMENSION_LABELS, MULTI_VALUED, key_label
from strehe.statistics.exports import export_audited
from strehe.statistics.forms import StatisticsForm
from strehe.statistics.published import (
    PUBLIC_CACHE_SECONDS,
    decisions_fingerprint,
    default_year,
    publication,
)
from strehe.statistics.report import LANGUAGES, Report, build_report, disclosure_threshold
from strehe.statistics.selectors import REGISTERED, identification_years

from .permissions import AnonymousRateThrottle, Public, VerifiedStaff
from .serializers_statistics import (
    PublicStatisticsQuerySerializer,
    PublishedStatisticsSerializer,
    StatisticsQuerySerializer,
    StatisticsSerializer,
)

LANGUAGE_CHOICES = [(code, code) for code in LANGUAGES]


class LanguageForm(forms.Form):
    lang = forms.ChoiceField(choices=LANGUAGE_CHOICES, required=False)


class StatisticsAPIForm(StatisticsForm, LanguageForm):
    """The staff page's form, and the language of the answer."""


class PublicStatisticsForm(LanguageForm):
    year = forms.IntegerField(min_value=1990, max_value=9999, required=False)


def _valid(form: forms.Form) -> dict[str, Any]:
    """The form's cleaned data; its errors, field by field, as the API's 400 (errors.py)."""
    if not form.is_valid():
        raise DjangoValidationError(form.errors.as_data())
    return form.cleaned_data


def _language(request: Request, data: dict[str, Any]) -> str:
    """The `lang` asked for, else the request's language if it is one of ours, else English."""
    asked = data.get("lang") or translation.get_language_from_request(request._request)
    return asked if asked in LANGUAGES else "en"


def _table(report: Report, dimension: str) -> dict[str, Any]:
    bands = report.query.bands
    counts = report.breakdowns[dimension]
    return {
        "dimension": dimension,
        "label": str(DIMENSION_LABELS[dimension]),
        "multi_valued": dimension in MULTI_VALUED,
        "cells": [
            {
                "key": key,
                "label": key_label(dimension, key, bands),
                "count": counts.get(key),
                "suppressed": key not in counts,
            }
            for key in report.keys[dimension]
        ],
        "suppressed_total": report.suppressed_sum(dimension),
    }


def _crosstab(report: Report) -> dict[str, Any] | None:
    if report.crosstab is None:
        return None
    first, second = report.query.by
    bands = report.query.bands
    cells = []
    for a in report.keys[first]:
        for b in report.keys[second]:
            count = report.crosstab.get(a, {}).get(b)
            cells.append(
                {
                    "values": {first: a, second: b},
                    "labels": {
                        first: key_label(first, a, bands),
                        second: key_label(second, b, bands),
                    },
                    "count": count,
                    "suppressed": count is None,
                }
            )
    return {"dimensions": [first, second], "cells": cells}


def report_data(report: Report, language: str) -> dict[str, Any]:
    """The report as the staff endpoint answers it, labels in `language`."""
    query = report.query
    with translation.override(language):
        return {
            "date_from": query.date_from,
            "date_to": query.date_to,
            "status": query.status,
            "decided_by": query.decided_by,
            "by": list(query.by),
            "age_bands": [band.key for band in query.bands],
            "public": report.public,
            "unit": "persons",
            "threshold": report.threshold if report.public else None,
            "total": report.total,
            "language": language,
            "narrative": report.narrative.get(language, ""),
            "narratives": {code: report.narrative.get(code, "") for code in LANGUAGES},
            "tables": [_table(report, dimension) for dimension in query.by],
            "crosstab": _crosstab(report),
        }


def published_data(years: list[int], year: int | None, language: str) -> dict[str, Any]:
    """What the public page shows for `year`, labels and narrative in `language`."""
    data: dict[str, Any] = {
        "year": year,
        "years": years,
        "date_from": None,
        "date_to": None,
        "status": REGISTERED,
        "unit": "persons",
        "threshold": disclosure_threshold(),
        "total": None,
        "language": language,
        "narrative": "",
        "tables": [],
    }
    if year is None:
        return data
    published = publication(year)
    main = published.main
    with translation.override(language):
        data |= {
            "date_from": main.query.date_from,
            "date_to": main.query.date_to,
            "threshold": main.threshold,
            "total": main.total,
            "narrative": main.narrative.get(language, ""),
            "tables": [_table(report, dimension) for report, dimension in published.shown],
        }
    return data


class StatisticsAPI(NoStoreMixin, GenericAPIView):  # type: ignore[type-arg]
    """Counts of persons for a period, by one or two dimensions: exact, or as published."""

    shows_personal_data = False
    permission_classes = [VerifiedStaff, role_permission(Permission.VIEW_AGGREGATES)]
    serializer_class = StatisticsSerializer

    @extend_schema(
        parameters=[StatisticsQuerySerializer],
        responses={200: StatisticsSerializer},
    )
    def get(self, request: Request) -> Response:
        data = request.query_params.copy()
        # As `strehe stats`: registered victims unless another status is asked for.
        if not data.get("status"):
            data["status"] = REGISTERED
        form = StatisticsAPIForm(data)
        cleaned = _valid(form)
        report = build_report(form.query(), public=cleaned["public"])
        export_audited(actor=request.user, report=report, export_format="json", via="api")
        return Response(StatisticsSerializer(report_data(report, _language(request, cleaned))).data)


class PublicStatisticsAPI(GenericAPIView):  # type: ignore[type-arg]
    """The published statistics of a year, exactly as on the public statistics page: registered
    victims, each person once, every count that could point at a person suppressed."""

    shows_personal_data = False
    permission_classes = [Public]
    authentication_classes = []
    throttle_classes = [AnonymousRateThrottle]
    serializer_class = PublishedStatisticsSerializer

    @extend_schema(
        parameters=[PublicStatisticsQuerySerializer],
        responses={200: PublishedStatisticsSerializer},
    )
    def get(self, request: Request) -> Response:
        cleaned = _valid(PublicStatisticsForm(request.query_params))
        language = _language(request, cleaned)
        years = identification_years()
        year = cleaned.get("year")
        if year is None:
            year = default_year(years)
        elif year not in years:
            raise exceptions.ValidationError(
                {"year": [_("No figures are published for this year.")]}
            )
        key = f"statistics-public-api:{language}:{year}:{decisions_fingerprint()}"
        data = cache.get(key)
        if data is None:
            data = PublishedStatisticsSerializer(published_data(years, year, language)).data
            cache.set(key, data, PUBLIC_CACHE_SECONDS)
        return Response(data)
