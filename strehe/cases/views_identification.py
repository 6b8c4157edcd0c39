"""The identification page: the formal decision on a person's status, by an authorised role."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once

from . import services
from .forms_identification import IdentificationForm
from .models import Case
from .views import case_action


@case_action(Permission.RECORD_IDENTIFICATION)
def case_identification(request: HttpRequest, case: Case) -> HttpResponse:
    """Record an identification decision on a case the user may see; list the earlier ones."""
    form = with_once_token(IdentificationForm(posted(request)))
    detail = reverse("cases:detail", kwargs={"code": case.code})

    def save(data: dict[str, Any]) -> str:
        services.identification_record(
            actor=request.user,  # type: ignore[arg-type]
            case=case,
            status=data["status"],
            decided_on=data["decided_on"],
            grounds=data["grounds"],
        )
        return detail

    if request.method == "POST":
        done = _("The identification decision was recorded.")
        response = saved_once(request, form, save, done=done, fallback_url=detail)
        if response is not None:
            return response
    decisions = case.identification_decisions.select_related(
        "agency__organisation", "recorded_by"
    ).order_by("-decided_on", "-recorded_at", "-pk")
    context = {"case": case, "form": form, "decisions": decisions}
    return render(request, "cases/case_identification.html", context)
