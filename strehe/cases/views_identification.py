"""The identification page: the formal decision on a person's status, by an authorised role."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from strehe.accounts.roles import Permission
from strehe.core.forms import add_service_errors, posted

from . import services
from .forms_identification import IdentificationForm
from .models import Case
from .views import case_action


@case_action(Permission.RECORD_IDENTIFICATION)
def case_identification(request: HttpRequest, case: Case) -> HttpResponse:
    """Record an identification decision on a case the user may see; list the earlier ones."""
    form = IdentificationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.identification_record(
                actor=request.user,  # type: ignore[arg-type]
                case=case,
                status=form.cleaned_data["status"],
                decided_on=form.cleaned_data["decided_on"],
                grounds=form.cleaned_data["grounds"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("cases:detail", code=case.code)
    decisions = case.identification_decisions.select_related(
        "agency__organisation", "recorded_by"
    ).order_by("-decided_on", "-recorded_at", "-pk")
    context = {"case": case, "form": form, "decisions": decisions}
    return render(request, "cases/case_identification.html", context)
