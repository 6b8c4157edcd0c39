"""The printable case summary, for a court or a shelter hand-over: a page made for paper, and the
same summary as a PDF made on the server.

Both show what the case page shows the same user (the case policy decides, 404 otherwise) without
the links to act, under a "Confidential" marking with who printed it and when. Each request
writes the view entry of the case's personal data and an "exported" entry naming the format
(services.case_printed). The PDF fetches nothing: its stylesheet is inlined, and WeasyPrint's URL
fetcher refuses every address, so no page content can make the server reach out anywhere.
"""

from pathlib import Path
from typing import Any, NoReturn

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from strehe.accounts.decorators import staff_required
from strehe.accounts.models import Agency

from . import selectors, services
from .codes import ControlMethod, Exploitation
from .models import Case, CasePart
from .timeline import agency_ids, timeline_line
from .views import _labels, parts_shown, timeline_shown

PRINT_CSS = "cases/print.css"


def summary_context(user: Any, case: Case) -> dict[str, Any]:
    """What the summary shows: the case page's content, read through the same selectors."""
    today = timezone.localdate()
    # What the case page shows this user, no more: a referral's receiver prints its parts only.
    shows = parts_shown(user, case)
    timeline = timeline_shown(list(selectors.case_timeline(case)), shows)
    agencies = dict(
        Agency.objects.filter(pk__in=agency_ids(timeline)).values_list("pk", "organisation__name")
    )
    consents = case.consents.select_related("agency__organisation").order_by("-given_on", "-pk")
    return {
        "case": case,
        "person": case.person,
        "age": case.person.age_on(today),
        "forms_of_exploitation": _labels(Exploitation, case.forms_of_exploitation),
        "methods_of_control": _labels(ControlMethod, case.methods_of_control),
        "risk": selectors.case_current_risk(case) if shows[CasePart.RISK] else None,
        "shows": shows,
        "identification": selectors.case_latest_identification(case),
        "consents": [(consent, consent.is_in_force_on(today)) for consent in consents],
        "sharing": [grant for grant in selectors.case_sharing(case) if grant.in_force],
        "events": case.events.order_by("started_on", "pk") if shows[CasePart.EVENTS] else [],
        "follow_ups": list(selectors.case_open_follow_ups(case)),
        "timeline": [(entry, timeline_line(entry, agencies)) for entry in timeline],
        "printed_by": user,
        "printed_at": timezone.localtime(),
    }


@staff_required(personal_data=True)
@require_GET
def case_print(request: HttpRequest, code: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, code=code)
    services.case_printed(actor=request.user, case=case, output="print")
    return render(request, "cases/case_print.html", summary_context(request.user, case))


def refusing_fetcher() -> Any:
    """WeasyPrint's URL fetcher for the summary: it fetches nothing, from anywhere, and keeps the
    addresses it was asked for (`asked`, for the tests). The page has no image and its stylesheet
    is inlined, so a request for a URL could only come from content that should not be there;
    WeasyPrint then leaves the resource out and goes on."""
    from weasyprint.urls import URLFetcher  # Pango loads with WeasyPrint: only when a PDF is made.

    class RefusingFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols=())
            self.asked: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> NoReturn:
            self.asked.append(url)
            raise ValueError(f"the case summary fetches nothing: {url[:100]}")

    return RefusingFetcher()


def summary_pdf(html: str, fetcher: Any) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()  # type: ignore[no-any-return]


def inline_print_css() -> str:
    # From the package itself, not from collected static files: the PDF needs no server setup.
    return (Path(__file__).parent / "static" / PRINT_CSS).read_text(encoding="utf-8")


@staff_required(personal_data=True)
@require_GET
def case_pdf(request: HttpRequest, code: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, code=code)
    services.case_printed(actor=request.user, case=case, output="pdf")
    context = summary_context(request.user, case) | {"inline_css": inline_print_css()}
    html = render_to_string("cases/case_summary_pdf.html", context, request=request)
    response = HttpResponse(summary_pdf(html, refusing_fetcher()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.code}.pdf"'
    return response
