"""Statistics pages: exact figures for staff with the statistics permission, suppressed ones for
everyone on the public site. Neither shows a person: the report reads de-identified rows only."""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission

from .charts import bar_chart
from .dimensions import DIMENSION_LABELS, key_label
from .exports import export_audited, report_csv, report_xlsx
from .forms import StatisticsForm, default_period
from .published import PUBLIC_CACHE_SECONDS, decisions_fingerprint, default_year, publication
from .report import Report, build_report
from .selectors import identification_years

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _crosstab_rows(report: Report) -> list[tuple[str, list[int | None]]]:
    if report.crosstab is None:
        return []
    first, second = report.query.by
    bands = report.query.bands
    return [
        (
            key_label(first, a, bands),
            [report.crosstab.get(a, {}).get(b) for b in report.keys[second]],
        )
        for a in report.keys[first]
    ]


def _report_context(report: Report) -> dict:
    bands = report.query.bands
    context: dict = {
        "report": report,
        "charts": [
            bar_chart(report, dimension, chart_id=f"chart-{dimension}")
            for dimension in report.query.by
        ],
        "crosstab_rows": _crosstab_rows(report),
        "narrative": report.narrative.get(get_language() or "en", ""),
    }
    if report.crosstab is not None:
        first, second = report.query.by
        context["crosstab_first"] = DIMENSION_LABELS[first]
        context["crosstab_columns"] = [key_label(second, b, bands) for b in report.keys[second]]
    return context


@staff_required(personal_data=False, permission=Permission.VIEW_AGGREGATES)
def staff_statistics(request: HttpRequest) -> HttpResponse:
    """Counts of persons for a period, exact or as they would be published."""
    if "format" in request.GET:
        return _download(request)
    form = StatisticsForm(request.GET if "date_from" in request.GET else default_period())
    context: dict = {"form": form}
    if form.is_valid():
        report = build_report(form.query(), public=form.cleaned_data["public"])
        context |= _report_context(report)
        context["query_string"] = request.GET.urlencode() or _default_query_string()
    return render(request, "statistics/staff.html", context)


def _default_query_string() -> str:
    query = QueryDict(mutable=True)
    query.update(default_period())
    return query.urlencode()


def _download(request: HttpRequest) -> HttpResponse:
    """The figures of the page as CSV or XLSX (?format=csv|xlsx); every download is audited."""
    form = StatisticsForm(request.GET)
    export_format = request.GET.get("format", "csv")
    if export_format not in {"csv", "xlsx"} or not form.is_valid():
        return HttpResponseBadRequest(_("Choose the figures on the statistics page first."))
    report = build_report(form.query(), public=form.cleaned_data["public"])
    export_audited(actor=request.user, report=report, export_format=export_format, via="page")
    query = report.query
    name = f"statistics-{query.date_from}-{query.date_to}{'-public' if report.public else ''}"
    if export_format == "xlsx":
        response = HttpResponse(report_xlsx(report), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _published_year(request: HttpRequest, years: list[int]) -> int | None:
    """The year asked for, if it has figures; else the latest whole year that has some."""
    asked = request.GET.get("year", "")
    if asked.isdigit() and len(asked) == 4 and int(asked) in years:
        return int(asked)
    return default_year(years)


@require_safe
@never_cache
def public_statistics(request: HttpRequest) -> HttpResponse:
    """The published statistics of a year: registered victims (identified or presumed), each
    person once, with every cell that could point at a person suppressed.

    Solving the suppression takes a moment, so the page is kept for a few minutes per language
    and year, and made anew as soon as a decision is added (the fingerprint changes)."""
    years = identification_years()
    year = _published_year(request, years)
    key = f"statistics-public:{get_language()}:{year}:{decisions_fingerprint()}"
    content = cache.get(key)
    if content is None:
        content = _public_page(request, years, year).content
        cache.set(key, content, PUBLIC_CACHE_SECONDS)
    return HttpResponse(content)


def _public_page(request: HttpRequest, years: list[int], year: int | None) -> HttpResponse:
    context: dict = {"years": years, "year": year}
    if year is not None:
        published = publication(year)
        charts = [
            bar_chart(report, dimension, chart_id=f"chart-{dimension}")
            for report, dimension in published.shown
        ]
        context |= {
            "report": published.main,
            "charts": charts,
            "narrative": published.main.narrative.get(get_language() or "en", ""),
        }
    return render(request, "statistics/public.html", context)
