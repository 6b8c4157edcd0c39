"""Staff pages that decide who works on a case: assign, reassign or unassign its worker, and
transfer it to another agency.

Like the other action pages (views.py): 404 for a case the user may not see, then 403 unless
case_policy.may_assign (coordinators, and the owning agency's staff whose role works on cases).
`required_policy` names that rule for the authorization matrix test.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strehe.accounts.decorators import staff_required
from strehe.core.forms import posted, with_once_token
from strehe.core.readable import staff_name
from strehe.core.views import saved_once

from . import selectors, services
from .forms_assignment import AssignForm, TransferForm
from .models import Case
from .policies import case_policy

CaseView = Callable[[HttpRequest, Case], HttpResponse]


def assignment_action(view: CaseView) -> Callable[..., HttpResponse]:
    @staff_required(personal_data=True)
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def wrapped(request: HttpRequest, code: str) -> HttpResponse:
        case = selectors.case_get(user=request.user, code=code)
        if not case_policy.may_assign(request.user, case):
            raise PermissionDenied
        return view(request, case)

    wrapped.required_policy = "may_assign"  # type: ignore[attr-defined]
    return wrapped


@assignment_action
def case_assign(request: HttpRequest, case: Case) -> HttpResponse:
    """Assign, reassign or unassign the case's worker."""
    form = with_once_token(AssignForm(posted(request), case=case))
    detail = reverse("cases:detail", kwargs={"code": case.code})
    if request.method == "POST":

        def save(data: dict[str, Any]) -> str:
            services.case_assign(actor=request.user, case=case, worker=data.get("assigned_worker"))
            return detail

        response = saved_once(
            request, form, save, done=_("The assigned worker was changed."), fallback_url=detail
        )
        if response is not None:
            return response
    context = {
        "case": case,
        "form": form,
        "title": _("Assign a worker to case %(code)s") % {"code": case.code},
        "intro": _("Now assigned: %(worker)s.")
        % {"worker": staff_name(case.assigned_worker) or _("nobody")},
        "submit": _("Save the assignment"),
    }
    return render(request, "cases/case_action.html", context)


@assignment_action
def case_transfer(request: HttpRequest, case: Case) -> HttpResponse:
    """Transfer the case to another agency. The actor may lose access with it: then they go
    back to the case list, with a message saying so."""
    form = with_once_token(TransferForm(posted(request), case=case, user=request.user))
    detail = reverse("cases:detail", kwargs={"code": case.code})
    if request.method == "POST":

        def save(data: dict[str, Any]) -> str:
            moved = services.case_transfer(
                actor=request.user,
                case=case,
                agency=data["agency"],
                override_reason=data.get("override_reason") or "",
                note=data.get("note") or "",
            )
            if case_policy.may_view(request.user, moved):
                return detail
            return reverse("cases:list")

        response = saved_once(
            request, form, save, done=_("The case was transferred."), fallback_url=detail
        )
        if response is not None:
            return response
    intro = [
        _(
            "Now owned by %(agency)s. The receiving agency becomes the owner; the person must "
            "have agreed to sharing with it."
        )
        % {"agency": case.owner_agency}
    ]
    if request.user.agency_id == case.owner_agency_id:  # type: ignore[union-attr]
        intro.append(
            _(
                "Your agency loses access unless the case is shared with it, and a worker of "
                "your agency is no longer assigned."
            )
        )
    context = {
        "case": case,
        "form": form,
        "title": _("Transfer case %(code)s to another agency") % {"code": case.code},
        "intro": " ".join(intro),
        "submit": _("Transfer the case"),
    }
    return render(request, "cases/case_action.html", context)
