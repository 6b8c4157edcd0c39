"""Staff pages of cases. Every one reads through the selectors, and so through the policies."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission

from . import selectors, services
from .policies import may_view_access_log


@staff_required(personal_data=True, permission=Permission.VIEW_PERSONAL_DATA)
def case_list(request: HttpRequest) -> HttpResponse:
    """Cases the user may see, by code; names stay on the detail page, where viewing is logged."""
    cases = selectors.case_list(user=request.user)[:500]
    return render(request, "cases/case_list.html", {"cases": cases})


@staff_required(personal_data=True)
def case_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One case with its person's identifying data; each request writes one view entry."""
    case = selectors.case_get(user=request.user, code=code)
    services.case_viewed(actor=request.user, case=case, request=request)
    context = {
        "case": case,
        "person": case.person,
        "may_view_access_log": may_view_access_log(request.user, case),
    }
    return render(request, "cases/case_detail.html", context)


@staff_required(personal_data=True)
def case_access_log(request: HttpRequest, code: str) -> HttpResponse:
    """Who has seen this case, and when: for coordinators."""
    case, entries = selectors.case_access_log(user=request.user, code=code)
    return render(
        request,
        "cases/case_access_log.html",
        {"case": case, "entries": entries.select_related(None)[:1000]},
    )
