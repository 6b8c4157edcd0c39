"""Staff pages of referrals: the list, the referrals of one case, and each step.

Pages of one case answer as the case pages do (strehe.cases.views): 404 for a case whose
referral pages the user may not open (neither the case nor a referral to their agency waiting
for an answer), then 403 for a role that may not take the step, then the form. The referral a
step is for is a POST field, so every URL has the case code alone.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.cases.models import Case
from strehe.cases.views import case_action
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once

from . import selectors, services
from .forms import ReferralForm, ReferralStepForm, ReferralStepWithReasonForm
from .models import Referral
from .policies import referral_policy

StepView = Callable[[HttpRequest, Case], HttpResponse]


@staff_required(personal_data=True, permission=Permission.VIEW_PERSONAL_DATA)
@require_GET
def referral_list(request: HttpRequest) -> HttpResponse:
    """Referrals to the user's agency that are running, and those their agency sent.

    Case codes and agencies only: what a referral is about is on its case's referral page."""
    user = request.user
    now = timezone.now()
    outgoing = list(selectors.referrals_outgoing(user)[: selectors.LIST_LIMIT])
    context = {
        "incoming": [
            (referral, referral.is_overdue_at(now))
            for referral in selectors.referrals_incoming(user)[: selectors.LIST_LIMIT]
        ],
        "outgoing": [(referral, referral.is_overdue_at(now)) for referral in outgoing],
    }
    return render(request, "referrals/referral_list.html", context)


@staff_required(personal_data=True)
@require_GET
def referral_case(request: HttpRequest, code: str) -> HttpResponse:
    """The referrals of one case: in full for those who see the case, otherwise the summary
    (no identifying data) of each referral waiting for the user's agency's answer."""
    user = request.user
    found = selectors.case_referrals(user=user, code=code)
    services.referrals_viewed(
        actor=user,
        referrals=found.referrals + [summary.referral for summary in found.summaries],
    )
    now = timezone.now()
    rows = [
        {
            "referral": referral,
            "overdue": referral.is_overdue_at(now),
            "may_answer": referral_policy.may_answer(user, referral),
            "may_revoke": referral.is_open and referral_policy.may_revoke(user, referral),
        }
        for referral in found.referrals
    ]
    summaries = [
        (summary, referral_policy.may_answer(user, summary.referral)) for summary in found.summaries
    ]
    context = {"case": found.case, "sees_case": found.sees_case, "rows": rows}
    context["summaries"] = summaries
    return render(request, "referrals/referral_case.html", context)


def _step_page(
    request: HttpRequest,
    case: Case,
    form: Any,
    act: Callable[[dict[str, Any]], str],
    *,
    title: str,
    submit: str,
    done: str,
    intro: str = "",
    back_url: str = "",
) -> HttpResponse:
    """GET shows the form; POST calls `act` (a service; returns where to go) once per one-time
    token. A service's ValidationError goes back onto the form, field by field."""
    with_once_token(form)
    back_url = back_url or reverse("referrals:case", kwargs={"code": case.code})
    if request.method == "POST":
        response = saved_once(request, form, act, done=done, fallback_url=back_url)
        if response is not None:
            return response
    context = {
        "case": case,
        "form": form,
        "title": title,
        "submit": submit,
        "intro": intro,
        "back_url": back_url,
    }
    return render(request, "referrals/referral_step.html", context)


@case_action(Permission.MANAGE_CASE)
def referral_create(request: HttpRequest, case: Case) -> HttpResponse:
    """Refer the case to another agency's service, choosing what it may see."""
    form = ReferralForm(posted(request), user=request.user)

    def act(data: dict[str, Any]) -> str:
        services.referral_send(
            actor=request.user,
            case=case,
            service=data["service"],
            reason=data["reason"],
            urgency=data["urgency"],
            parts=list(data.get("parts") or []),
            override_reason=data.get("override_reason") or "",
        )
        return reverse("referrals:case", kwargs={"code": case.code})

    return _step_page(
        request,
        case,
        form,
        act,
        title=_("Refer case %(code)s") % {"code": case.code},
        intro=_(
            "The person must have agreed to sharing with the receiving agency. Until it "
            "accepts, it sees a summary without identifying data."
        ),
        submit=_("Send the referral"),
        done=_("The referral was sent."),
        back_url=reverse("cases:detail", kwargs={"code": case.code}),
    )


def referral_step(permission: Permission) -> Callable[[StepView], Callable[..., HttpResponse]]:
    """A step of a referral of one case: 404, then 403 without `permission` (module docstring).
    `required_permission` is read by the authorization matrix test."""

    def decorator(view: StepView) -> Callable[..., HttpResponse]:
        @staff_required(personal_data=True)
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapped(request: HttpRequest, code: str) -> HttpResponse:
            case = selectors.referral_case_get(user=request.user, code=code)
            if not request.user.has_role_permission(permission):  # type: ignore[union-attr]
                raise PermissionDenied
            return view(request, case)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _received(request: HttpRequest, case: Case, state: str) -> QuerySet[Referral]:
    user: Any = request.user
    return referral_policy.visible_to(user).filter(
        case=case, state=state, receiving_agency_id=user.agency_id
    )


@referral_step(Permission.MANAGE_CASE)
def referral_accept(request: HttpRequest, case: Case) -> HttpResponse:
    form = ReferralStepForm(
        posted(request), referrals=_received(request, case, Referral.State.SENT)
    )

    def act(data: dict[str, Any]) -> str:
        services.referral_accept(actor=request.user, referral=data["referral"])
        return reverse("cases:detail", kwargs={"code": case.code})

    return _step_page(
        request,
        case,
        form,
        act,
        title=_("Accept a referral of case %(code)s") % {"code": case.code},
        intro=_("Your agency's staff will see the parts of the case its sender shared."),
        submit=_("Accept"),
        done=_("The referral was accepted."),
    )


@referral_step(Permission.MANAGE_CASE)
def referral_decline(request: HttpRequest, case: Case) -> HttpResponse:
    referrals = _received(request, case, Referral.State.SENT)
    form = ReferralStepWithReasonForm(posted(request), referrals=referrals)

    def act(data: dict[str, Any]) -> str:
        services.referral_decline(
            actor=request.user, referral=data["referral"], reason=data["reason"]
        )
        return reverse("referrals:list")

    return _step_page(
        request,
        case,
        form,
        act,
        title=_("Decline a referral of case %(code)s") % {"code": case.code},
        intro=_("The referring agency sees your reason. Your agency will not see the case."),
        submit=_("Decline"),
        done=_("The referral was declined."),
    )


@referral_step(Permission.MANAGE_CASE)
def referral_complete(request: HttpRequest, case: Case) -> HttpResponse:
    referrals = _received(request, case, Referral.State.ACCEPTED)
    form = ReferralStepForm(posted(request), referrals=referrals)

    def act(data: dict[str, Any]) -> str:
        services.referral_complete(actor=request.user, referral=data["referral"])
        return reverse("referrals:list")

    return _step_page(
        request,
        case,
        form,
        act,
        title=_("Complete a referral of case %(code)s") % {"code": case.code},
        intro=_("Your agency's access to the case through this referral ends."),
        submit=_("Mark as completed"),
        done=_("The referral was completed."),
    )


@referral_step(Permission.MANAGE_CASE)
def referral_revoke(request: HttpRequest, case: Case) -> HttpResponse:
    user: Any = request.user
    referrals = referral_policy.visible_to(user).filter(
        case=case, state__in=Referral.OPEN_STATES, sending_agency_id=user.agency_id
    )
    form = ReferralStepWithReasonForm(posted(request), referrals=referrals)

    def act(data: dict[str, Any]) -> str:
        services.referral_revoke(
            actor=request.user, referral=data["referral"], reason=data["reason"]
        )
        return reverse("referrals:case", kwargs={"code": case.code})

    return _step_page(
        request,
        case,
        form,
        act,
        title=_("Revoke a referral of case %(code)s") % {"code": case.code},
        intro=_("The receiving agency loses access to the case at once."),
        submit=_("Revoke"),
        done=_("The referral was revoked."),
    )
